/**
 * `npm run bench:floor`: how fast could the L site be on the decided stack? In one run, paired,
 * BENCH_RUNS (3) times, medians: Observable Framework building the L root (when installed, see
 * bench-build.ts); Goalpost's clean build; the same build with every chart replaced by a blank
 * placeholder of the average chart's size (GOALPOST_BENCH_CHART_STUB: everything but the charts);
 * a bare Astro 7 project rendering as many pages of the average page's size from one template
 * with no integration (Astro's own floor); and the same bare project with one page (Astro's
 * fixed cost). Prints each time, its ratio to Framework's and its peak RSS.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { files, frameworkBuild, timed, writeRoot } from './bench-build.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

/** A bare Astro project rendering `pages` pages of about `bytes` bytes each (one template, no integration). */
function bareProject(dir: string, pages: number, bytes: number): void {
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-floor-bare", "private": true, "type": "module" }\n');
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.astro-cache', build: { format: 'directory', inlineStylesheets: 'always' } });\n`,
  );
  // About 200 bytes a table row (markup and text): rows enough for the page size.
  const rows = Math.max(1, Math.round(bytes / 200));
  writeFileSync(
    join(dir, 'src', 'pages', '[page].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: \`p\${i}\` }, props: { i } }));
}
const { i } = Astro.props;
const fmt = new Intl.NumberFormat('en-US');
const rows = Array.from({ length: ${rows} }, (_, r) => ({ name: \`Row \${r} of page \${i}\`, a: (i * 7919 + r * 104729) % 100000, b: ((i + 1) * (r + 3)) % 977 }));
---
<html lang="en"><head><meta charset="utf-8" /><title>Page {i}</title>
<style>table { border-collapse: collapse; } td { padding: 0 .5em; }</style></head>
<body><h1>Page {i}</h1><table><thead><tr><th>name</th><th>a</th><th>b</th><th>share</th></tr></thead><tbody>
{rows.map((row) => <tr><td>{row.name}</td><td>{fmt.format(row.a)}</td><td>{fmt.format(row.b)}</td><td>{(row.b / 977).toFixed(3)}</td></tr>)}
</tbody></table></body></html>
`,
  );
}

/** A clean build of a bare project (its own Astro cache emptied). */
function bareBuild(dir: string): { seconds: number; rssMB: number; pages: number } {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  rmSync(join(dir, '.astro-cache'), { recursive: true, force: true });
  const t = timed('npm', ['run', '-s', 'build', '--', '--root', dir], { env: process.env });
  return { ...t, pages: files(join(dir, 'dist')).filter((f) => f.path.endsWith('.html')).length };
}

/** A clean Goalpost build of a root (no Astro cache, no chart cache), charts stubbed when `stub` > 0. */
function goalpostBuild(root: string, out: string, cache: string, stub: number): { seconds: number; rssMB: number } {
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  rmSync(join(process.cwd(), 'node_modules/.astro'), { recursive: true, force: true });
  return timed('npm', ['run', '-s', 'build', '--', '--outDir', out], {
    env: {
      ...process.env,
      GOALPOST_ROOT: root,
      GOALPOST_CHART_CACHE: cache,
      ...(stub > 0 ? { GOALPOST_BENCH_CHART_STUB: String(stub) } : {}),
    },
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (import.meta.main) {
  const work = mkdtempSync(join(tmpdir(), 'goalpost-bench-floor-'));
  try {
    const root = join(work, 'L');
    const writer = writeRoot(root, 'L');
    const out = join(work, 'L-dist');
    const cache = join(work, 'chart-cache');
    // A first real build gives the average chart and page sizes (and warms the disk's file cache).
    goalpostBuild(root, out, cache, 0);
    const charts = files(cache).filter((f) => f.path.endsWith('.svg'));
    const chartBytes = Math.round(charts.reduce((n, f) => n + f.bytes - 82, 0) / charts.length);
    const pages = files(out).filter((f) => f.path.endsWith('.html'));
    const pageBytes = Math.round(pages.reduce((n, f) => n + f.bytes, 0) / pages.length);
    const bareMany = join(work, 'bare-many');
    const bareOne = join(work, 'bare-one');
    bareProject(bareMany, pages.length, pageBytes);
    bareProject(bareOne, 1, pageBytes);
    console.log(
      `bench:floor — L root (by ${writer}): ${pages.length} pages of ${(pageBytes / 1024).toFixed(0)} KB on average, ${charts.length} distinct charts of ${(chartBytes / 1024).toFixed(1)} KB; ${RUNS} paired runs, medians`,
    );
    const rows: Record<string, Array<{ seconds: number; rssMB: number }>> = {
      'Observable Framework': [],
      'Goalpost, clean build': [],
      'Goalpost, charts stubbed': [],
      [`bare Astro, ${pages.length} pages`]: [],
      'bare Astro, 1 page': [],
    };
    for (let i = 0; i < RUNS; i++) {
      const peer = writer === 'gen_root.py' ? frameworkBuild(root) : null;
      if (peer) rows['Observable Framework']!.push(peer);
      rows['Goalpost, clean build']!.push(goalpostBuild(root, out, cache, 0));
      rows['Goalpost, charts stubbed']!.push(goalpostBuild(root, out, cache, chartBytes));
      const many = bareBuild(bareMany);
      if (many.pages !== pages.length) throw new Error(`the bare project built ${many.pages} pages, not ${pages.length}`);
      rows[`bare Astro, ${pages.length} pages`]!.push(many);
      rows['bare Astro, 1 page']!.push(bareBuild(bareOne));
    }
    const framework = rows['Observable Framework']!;
    for (const [name, runs] of Object.entries(rows)) {
      if (runs.length === 0) continue;
      const ratios = framework.length === runs.length ? runs.map((r, i) => r.seconds / framework[i]!.seconds) : [];
      console.log(
        `  ${name.padEnd(28)} ${median(runs.map((r) => r.seconds)).toFixed(1)} s${
          ratios.length > 0
            ? ` = ${median(ratios).toFixed(2)}× Framework (paired, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`
            : ''
        }, peak RSS ${median(runs.map((r) => r.rssMB)).toFixed(0)} MB`,
      );
    }
    const sizes = readdirSync(join(bareMany, 'dist'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'));
    const bareBytes = sizes.reduce((n, f) => n + readFileSync(join(bareMany, 'dist', f)).length, 0) / sizes.length;
    console.log(`  (bare pages: ${(bareBytes / 1024).toFixed(0)} KB on average)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
