/**
 * `npm run bench:build`: builds the S, L and XL content roots and prints, as medians of
 * BENCH_RUNS (3) runs: clean build (no Astro cache, no chart cache), no-op rebuild (nothing
 * changed, warm chart cache) and one-data-file rebuild times; pages and charts (rendered,
 * the shapes they were drawn through, reused within the build, read from the disk cache), time per page and per chart, peak
 * RSS (GNU time's maximum resident set size of the build's largest process), dist size,
 * the largest page, the JavaScript a page loads and Lighthouse scores (BENCH_LIGHTHOUSE=0
 * skips them). S and L are written by the peer's generator (`../shared/peer/gen_root.py`)
 * when it is there, else by `generate` below; XL (30 channels × 5 years) always by `generate`.
 * When the peer Observable Framework project is installed (BENCH_PEER_FRAMEWORK, default
 * `../shared/peer/framework` with its node_modules), it builds the same root after each clean
 * build (paired runs) and the ratio of the two times is printed, with its peak RSS.
 * BENCH_SIZES=S,L limits the roots.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mulberry32 } from './random.ts';
import { audit } from './lighthouse.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const SIZES = {
  S: { channels: 5, years: 2, goals: 40 },
  L: { channels: 12, years: 5, goals: 200 },
  XL: { channels: 30, years: 5, goals: 200 },
} as const;
export type Size = keyof typeof SIZES;
const PEER = resolve(process.env['BENCH_PEER'] ?? join(process.cwd(), '..', 'shared', 'peer'));
const FRAMEWORK = resolve(process.env['BENCH_PEER_FRAMEWORK'] ?? join(PEER, 'framework'));

/** Writes a content root of the given size (deterministic). */
export function generate(root: string, size: { channels: number; years: number; goals: number }): void {
  const random = mulberry32(7);
  const channels = Array.from({ length: size.channels }, (_, i) => `channel-${String(i + 1).padStart(2, '0')}`);
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'goals'), { recursive: true });
  writeFileSync(
    join(root, 'content/site.yaml'),
    `title: Bench\nlocale: en-US\ncurrency: EUR\ncustomer_ltv: 240\nchannels:\n${channels.map((c, i) => `  ${c}: { label: Channel ${i + 1} }`).join('\n')}\n`,
  );
  const firstYear = 2026 - size.years + 1;
  for (const channel of channels) {
    mkdirSync(join(root, 'data', channel), { recursive: true });
    let followers = 5000 + Math.floor(random() * 5000);
    for (let y = firstYear; y <= 2026; y++) {
      const rows: string[] = [];
      for (let d = Date.UTC(y, 0, 1); d <= Date.UTC(y, 11, 31); d += 86_400_000) {
        const impressions = 2000 + Math.floor(random() * 8000);
        followers += Math.floor(random() * 12);
        rows.push(
          JSON.stringify({
            date: new Date(d).toISOString().slice(0, 10),
            impressions,
            engagements: Math.floor(impressions * (0.02 + random() * 0.04)),
            clicks: Math.floor(impressions * random() * 0.02),
            conversions: Math.floor(random() * 6),
            posts: Math.floor(random() * 3),
            followers,
            spend: Math.round(random() * 8000) / 100,
            revenue: Math.round(random() * 20000) / 100,
          }),
        );
      }
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        rows.push(
          JSON.stringify({
            month,
            mentions: 100 + Math.floor(random() * 200),
            competitor_mentions: 150 + Math.floor(random() * 200),
            positive_mentions: 40 + Math.floor(random() * 50),
            neutral_mentions: 30 + Math.floor(random() * 30),
            negative_mentions: Math.floor(random() * 20),
          }),
        );
      }
      writeFileSync(join(root, 'data', channel, `${y}.json`), `{"channel":"${channel}","rows":[\n${rows.join(',\n')}\n]}\n`);
    }
  }
  const kpis = ['impressions', 'engagement_rate', 'follower_count', 'ctr', 'spend', 'conversions'];
  const goals = Array.from({ length: size.goals }, (_, g) => {
    const kpi = kpis[g % kpis.length]!;
    const year = firstYear + (g % size.years);
    const target = ['impressions', 'conversions'].includes(kpi)
      ? '{ change: "+10%" }'
      : kpi === 'spend'
        ? '20000'
        : kpi === 'follower_count'
          ? '{ change: +300 }'
          : '{ change: "+5%" }';
    return `  - { id: goal-${g}, title: Goal ${g} on ${kpi}, category: awareness, period: ${year}-Q${1 + (g % 4)}, channel: ${channels[g % channels.length]}, kpi: ${kpi}, target: ${JSON.stringify(target).slice(1, -1).replace(/\\"/g, '"')} }`;
  });
  writeFileSync(join(root, 'goals/bench.yaml'), `goals:\n${goals.join('\n')}\n`);
}

export function files(dir: string): Array<{ path: string; bytes: number }> {
  const out: Array<{ path: string; bytes: number }> = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push({ path: p, bytes: s.size });
    }
  };
  walk(dir);
  return out;
}

/** The root of a size: the peer's generator for S and L when it is there, else `generate`. Returns who wrote it. */
export function writeRoot(root: string, name: Size): string {
  if (name !== 'XL' && existsSync(join(PEER, 'gen_root.py'))) {
    execFileSync('python3', [join(PEER, 'gen_root.py'), name, root], { stdio: 'pipe' });
    return 'gen_root.py';
  }
  generate(root, SIZES[name]);
  return 'generate()';
}

interface Run {
  seconds: number;
  rssMB: number;
  direct: number;
  rendered: number;
  reused: number;
  cached: number;
  shapes: number;
}

/** Runs a command under GNU time: wall seconds and the peak RSS of its largest process. */
export function timed(
  command: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): { seconds: number; rssMB: number } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'GOALPOST_BENCH_RSS_KB=%M', command, ...args], {
    ...options,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-4000)}`);
  const kb = Number(/GOALPOST_BENCH_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { seconds, rssMB: kb / 1024 };
}

/** One Goalpost build of a root into a folder, with its chart counts. */
function build(root: string, out: string, cache: string, statsFile: string): Run {
  rmSync(statsFile, { force: true });
  const t = timed('npm', ['run', '-s', 'build', '--', '--outDir', out], {
    env: { ...process.env, GOALPOST_ROOT: root, GOALPOST_CHART_STATS: statsFile, GOALPOST_CHART_CACHE: cache },
  });
  // A build skipped because nothing changed draws no chart (and writes no counts).
  const none = { direct: 0, rendered: 0, reused: 0, cached: 0, shapes: 0 };
  return { ...t, ...(existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as typeof none) : none) };
}

/**
 * The environment a peer's build runs in: this one without the Node options that this repository's
 * `.npmrc` gives every npm script (and what they set), since Framework's users do not have them.
 */
export function peerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (/^(NODE_OPTIONS|npm_config_node_options|MIMALLOC_ARENA_EAGER_COMMIT)$/i.test(key)) delete clean[key];
  }
  return clean;
}

/** One clean Framework build of a root (its own documented command, as its users run it), or null when the peer is not installed. */
export function frameworkBuild(root: string): { seconds: number; rssMB: number; pages: number } | null {
  if (!existsSync(join(FRAMEWORK, 'node_modules', '.bin', 'observable'))) return null;
  rmSync(join(FRAMEWORK, 'dist'), { recursive: true, force: true });
  rmSync(join(FRAMEWORK, 'src', '.observablehq', 'cache'), { recursive: true, force: true });
  const t = timed(join(FRAMEWORK, 'node_modules', '.bin', 'observable'), ['build'], {
    cwd: FRAMEWORK,
    env: { ...peerEnv(), GOALPOST_ROOT: root, OBSERVABLE_TELEMETRY_DISABLE: 'true' },
  });
  return { ...t, pages: files(join(FRAMEWORK, 'dist')).filter((f) => f.path.endsWith('.html')).length };
}

/** Changes one value of one data file (a different value on each call), so the next build sees one changed file. */
function touchOneDataFile(root: string, round: number): string {
  const channel = readdirSync(join(root, 'data')).sort()[0]!;
  const file = join(
    root,
    'data',
    channel,
    readdirSync(join(root, 'data', channel))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .at(-1)!,
  );
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/"impressions": ?(\d+)/, (whole, n: string) => whole.replace(n, String(Number(n) + round + 1)));
  if (changed === text) throw new Error(`no impressions value to change in ${file}`);
  writeFileSync(file, changed);
  return file;
}

/** The charts of a set of rebuilds, as medians: drawn directly, rendered by Vega, read from the disk cache. */
const chartCounts = (runs: Run[]) =>
  `${median(runs.map((r) => r.direct))} drawn directly, ${median(runs.map((r) => r.rendered))} rendered by Vega, ${median(runs.map((r) => r.cached))} from the disk cache`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[], digits = 1) => `${median(xs).toFixed(digits)}`;

if (import.meta.main) {
  const work = mkdtempSync(join(tmpdir(), 'goalpost-bench-build-'));
  const sizes = (process.env['BENCH_SIZES'] ?? 'S,L,XL').split(',') as Size[];
  console.log(
    `bench:build — ${RUNS} runs of each build, medians; the machine's other load is not controlled: compare ratios within one run`,
  );
  try {
    for (const name of sizes) {
      const size = SIZES[name];
      const root = join(work, name);
      const writer = writeRoot(root, name);
      const cache = join(work, `${name}-chart-cache`);
      const clean: Run[] = [];
      const peer: Array<{ seconds: number; rssMB: number; pages: number }> = [];
      let out = '';
      for (let i = 0; i < RUNS; i++) {
        out = join(work, `${name}-dist`);
        rmSync(out, { recursive: true, force: true });
        rmSync(join(process.cwd(), 'node_modules/.astro'), { recursive: true, force: true });
        rmSync(cache, { recursive: true, force: true });
        clean.push(build(root, out, cache, join(work, 'stats.json')));
        // The peer reads the peer generator's roots only (no monthly rows).
        const p = writer === 'gen_root.py' ? frameworkBuild(root) : null;
        if (p) peer.push(p);
      }
      const noop: Run[] = [];
      for (let i = 0; i < RUNS; i++) noop.push(build(root, out, cache, join(work, 'stats.json')));
      const oneFile: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        touchOneDataFile(root, i);
        oneFile.push(build(root, out, cache, join(work, 'stats.json')));
      }
      const all = files(out);
      const pages = all.filter((f) => f.path.endsWith('.html'));
      const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      const quarterPages = pages.filter((f) => /reports\/\d{4}-q\d\/index\.html$/.test(f.path));
      const quarterMax = Math.max(...quarterPages.map((f) => f.bytes));
      const scripts = pages.reduce((n, f) => n + (readFileSync(f.path, 'utf8').match(/<script\b/g)?.length ?? 0), 0);
      const js = all.filter((f) => f.path.endsWith('.js')).reduce((n, f) => n + f.bytes, 0);
      const seconds = median(clean.map((r) => r.seconds));
      const charts = median(clean.map((r) => r.direct + r.rendered + r.reused + r.cached));
      console.log(`${name}: ${size.channels} channels × ${size.years} years (root by ${writer})`);
      console.log(`  pages built          ${pages.length}`);
      console.log(
        `  charts per build     ${charts} (clean: ${median(clean.map((r) => r.direct))} drawn directly, ${median(clean.map((r) => r.rendered))} rendered by Vega through ${median(clean.map((r) => r.shapes))} shapes, ${median(clean.map((r) => r.reused))} reused within the build)`,
      );
      console.log(
        `  clean build          ${seconds.toFixed(1)} s (runs ${clean.map((r) => r.seconds.toFixed(1)).join(', ')}), peak RSS ${fmt(
          clean.map((r) => r.rssMB),
          0,
        )} MB`,
      );
      console.log(
        `  per page / per chart ${((seconds * 1000) / pages.length).toFixed(0)} ms / ${((seconds * 1000) / charts).toFixed(1)} ms`,
      );
      const noopS = median(noop.map((r) => r.seconds));
      const oneS = median(oneFile.map((r) => r.seconds));
      console.log(
        `  no-op rebuild        ${noopS.toFixed(1)} s (${(noopS / seconds).toFixed(2)}× clean; charts ${chartCounts(noop)}), peak RSS ${fmt(
          noop.map((r) => r.rssMB),
          0,
        )} MB`,
      );
      console.log(
        `  one data file changed ${oneS.toFixed(1)} s (${(oneS / seconds).toFixed(2)}× clean; charts ${chartCounts(oneFile)}), peak RSS ${fmt(
          oneFile.map((r) => r.rssMB),
          0,
        )} MB`,
      );
      if (peer.length > 0) {
        const ratios = clean.map((r, i) => r.seconds / peer[i]!.seconds);
        console.log(
          `  Observable Framework ${fmt(peer.map((p) => p.seconds))} s for ${peer[0]!.pages} pages, peak RSS ${fmt(
            peer.map((p) => p.rssMB),
            0,
          )} MB`,
        );
        console.log(
          `  ratio to Framework   time ${fmt(ratios, 2)}× (median of paired runs, min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}), peak RSS ${(median(clean.map((r) => r.rssMB)) / median(peer.map((p) => p.rssMB))).toFixed(2)}×`,
        );
      } else {
        console.log(
          `  ratio to Framework   n/a (${writer === 'gen_root.py' ? `peer not installed at ${FRAMEWORK}: copy ../shared/peer/framework, npm install there, set BENCH_PEER_FRAMEWORK` : 'the peer reads only roots written by gen_root.py'})`,
        );
      }
      console.log(`  dist/ size           ${(all.reduce((n, f) => n + f.bytes, 0) / 1e6).toFixed(1)} MB`);
      console.log(`  largest page         ${(largest.bytes / 1024).toFixed(0)} KB (${largest.path.slice(out.length + 1)})`);
      console.log(
        `  largest quarter page ${(quarterMax / 1024).toFixed(0)} KB (aim < 200 KB; ratio ${(quarterMax / 204800).toFixed(2)})`,
      );
      console.log(
        `  JavaScript per page  ${scripts === 0 && js === 0 ? '0 bytes (no <script> in any page, no .js in dist/)' : `${scripts} script tags, ${js} bytes of .js in dist/`}`,
      );
      if (process.env['BENCH_LIGHTHOUSE'] !== '0' && name !== 'XL') {
        const latest = quarterPages
          .map((f) => f.path.slice(out.length + 1).replace(/index\.html$/, ''))
          .sort()
          .at(-1)!;
        const scores = [];
        for (let i = 0; i < RUNS; i++) scores.push(await audit(out, latest));
        console.log(
          `  Lighthouse ${latest}  performance ${Math.round(median(scores.map((s) => s.performance)) * 100)}, accessibility ${Math.round(median(scores.map((s) => s.accessibility)) * 100)}, best practices ${Math.round(median(scores.map((s) => s.bestPractices)) * 100)}, SEO ${Math.round(median(scores.map((s) => s.seo)) * 100)} (medians of ${RUNS}; aim 100 each)`,
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
