/**
 * `npm run bench:build`: generates two content roots (S: 5 channels × 2 years, 40 goals;
 * L: 12 channels × 5 years, 200 goals), builds each several times from clean and prints
 * medians: pages, build seconds, ms per page, charts rendered vs cached, dist size, the
 * largest page, and the JavaScript a page loads.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from './random.ts';
import { audit } from './lighthouse.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const SIZES = { S: { channels: 5, years: 2, goals: 40 }, L: { channels: 12, years: 5, goals: 200 } } as const;

/** Writes a content root of the given size (deterministic). */
export function generate(root: string, size: { channels: number; years: number; goals: number }): void {
  const random = mulberry32(7);
  const channels = Array.from({ length: size.channels }, (_, i) => `channel-${String(i + 1).padStart(2, '0')}`);
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'goals'), { recursive: true });
  writeFileSync(join(root, 'content/site.yaml'), `title: Bench\nlocale: en-US\ncurrency: EUR\ncustomer_ltv: 240\nchannels:\n${channels.map((c, i) => `  ${c}: { label: Channel ${i + 1} }`).join('\n')}\n`);
  const firstYear = 2026 - size.years + 1;
  for (const channel of channels) {
    mkdirSync(join(root, 'data', channel), { recursive: true });
    let followers = 5000 + Math.floor(random() * 5000);
    for (let y = firstYear; y <= 2026; y++) {
      const rows: string[] = [];
      for (let d = Date.UTC(y, 0, 1); d <= Date.UTC(y, 11, 31); d += 86_400_000) {
        const impressions = 2000 + Math.floor(random() * 8000);
        followers += Math.floor(random() * 12);
        rows.push(JSON.stringify({
          date: new Date(d).toISOString().slice(0, 10), impressions, engagements: Math.floor(impressions * (0.02 + random() * 0.04)),
          clicks: Math.floor(impressions * random() * 0.02), conversions: Math.floor(random() * 6), posts: Math.floor(random() * 3),
          followers, spend: Math.round(random() * 8000) / 100, revenue: Math.round(random() * 20000) / 100,
        }));
      }
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        rows.push(JSON.stringify({ month, mentions: 100 + Math.floor(random() * 200), competitor_mentions: 150 + Math.floor(random() * 200), positive_mentions: 40 + Math.floor(random() * 50), neutral_mentions: 30 + Math.floor(random() * 30), negative_mentions: Math.floor(random() * 20) }));
      }
      writeFileSync(join(root, 'data', channel, `${y}.json`), `{"channel":"${channel}","rows":[\n${rows.join(',\n')}\n]}\n`);
    }
  }
  const kpis = ['impressions', 'engagement_rate', 'follower_count', 'ctr', 'spend', 'conversions'];
  const goals = Array.from({ length: size.goals }, (_, g) => {
    const kpi = kpis[g % kpis.length]!;
    const year = firstYear + (g % size.years);
    const target = ['impressions', 'conversions'].includes(kpi) ? '{ change: "+10%" }' : kpi === 'spend' ? '20000' : kpi === 'follower_count' ? '{ change: +300 }' : '{ change: "+5%" }';
    return `  - { id: goal-${g}, title: Goal ${g} on ${kpi}, category: awareness, period: ${year}-Q${1 + (g % 4)}, channel: ${channels[g % channels.length]}, kpi: ${kpi}, target: ${JSON.stringify(target).slice(1, -1).replace(/\\"/g, '"')} }`;
  });
  writeFileSync(join(root, 'goals/bench.yaml'), `goals:\n${goals.join('\n')}\n`);
}

function files(dir: string): Array<{ path: string; bytes: number }> {
  const out: Array<{ path: string; bytes: number }> = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p); else out.push({ path: p, bytes: s.size });
    }
  };
  walk(dir);
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (import.meta.main) {
  const work = mkdtempSync(join(tmpdir(), 'goalpost-bench-build-'));
  try {
    for (const [name, size] of Object.entries(SIZES)) {
      const root = join(work, name);
      generate(root, size);
      const runs: Array<{ seconds: number; rendered: number; cached: number }> = [];
      let out = '';
      for (let i = 0; i < RUNS; i++) {
        out = join(work, `${name}-dist-${i}`);
        const statsFile = join(work, `${name}-stats-${i}.json`);
        rmSync(join(process.cwd(), 'node_modules/.astro'), { recursive: true, force: true });
        const t = performance.now();
        execFileSync('npm', ['run', '-s', 'build', '--', '--outDir', out], {
          env: { ...process.env, GOALPOST_ROOT: root, GOALPOST_CHART_STATS: statsFile }, stdio: 'pipe', encoding: 'utf8', maxBuffer: 256 << 20,
        });
        const seconds = (performance.now() - t) / 1000;
        const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { rendered: number; cached: number };
        runs.push({ seconds, ...stats });
      }
      const all = files(out);
      const pages = all.filter((f) => f.path.endsWith('.html'));
      const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      const quarterPages = pages.filter((f) => /reports\/\d{4}-q\d\/index\.html$/.test(f.path));
      const quarterMax = Math.max(...quarterPages.map((f) => f.bytes));
      const scripts = pages.reduce((n, f) => n + (readFileSync(f.path, 'utf8').match(/<script\b/g)?.length ?? 0), 0);
      const js = all.filter((f) => f.path.endsWith('.js')).reduce((n, f) => n + f.bytes, 0);
      const seconds = median(runs.map((r) => r.seconds));
      console.log(`${name}: ${size.channels} channels × ${size.years} years, ${size.goals} goals (${RUNS} clean builds, medians)`);
      console.log(`  pages built          ${pages.length}`);
      console.log(`  clean build          ${seconds.toFixed(1)} s${name === 'L' ? ` (aim < 90 s; ratio ${(seconds / 90).toFixed(2)})` : ''}`);
      console.log(`  per page             ${((seconds * 1000) / pages.length).toFixed(0)} ms`);
      console.log(`  charts               ${median(runs.map((r) => r.rendered))} rendered, ${median(runs.map((r) => r.cached))} from cache`);
      console.log(`  dist/ size           ${(all.reduce((n, f) => n + f.bytes, 0) / 1e6).toFixed(1)} MB`);
      console.log(`  largest page         ${(largest.bytes / 1024).toFixed(0)} KB (${largest.path.slice(out.length + 1)})`);
      console.log(`  largest quarter page ${(quarterMax / 1024).toFixed(0)} KB (aim < 200 KB; ratio ${(quarterMax / 204800).toFixed(2)})`);
      console.log(`  JavaScript per page  ${scripts === 0 && js === 0 ? '0 bytes (no <script> in any page, no .js in dist/)' : `${scripts} script tags, ${js} bytes of .js in dist/`}`);
      const latest = quarterPages.map((f) => f.path.slice(out.length + 1).replace(/index\.html$/, '')).sort().at(-1)!;
      const scores = [];
      for (let i = 0; i < RUNS; i++) scores.push(await audit(out, latest));
      console.log(`  Lighthouse ${latest}  performance ${Math.round(median(scores.map((s) => s.performance)) * 100)}, accessibility ${Math.round(median(scores.map((s) => s.accessibility)) * 100)} (medians of ${RUNS}; aim 100 and 100)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
