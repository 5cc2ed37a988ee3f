/**
 * `npm run bench:kpi`: generates 1,000,000 daily rows (50 channels × 55 years) and 1,000
 * goals into a temporary content root, then runs scripts/bench-kpi-run.ts in fresh
 * processes and prints medians: load, KPI computation, goal evaluation, rows/s, peak memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from './random.ts';

const CHANNELS = 50;
// Rows dated before 2000 are refused as implausible (SPEC "Metric JSON").
const FIRST_YEAR = 2000;
const YEARS = 55;
const GOALS = 1000;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

function generate(root: string): number {
  const random = mulberry32(42);
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'goals'), { recursive: true });
  writeFileSync(join(root, 'content/site.yaml'), 'title: Benchmark\ncurrency: EUR\n');
  let rows = 0;
  for (let c = 0; c < CHANNELS; c++) {
    const channel = `ch${String(c).padStart(2, '0')}`;
    mkdirSync(join(root, 'data', channel), { recursive: true });
    let followers = 1000 + Math.floor(random() * 5000);
    for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
      const out: string[] = [];
      for (let d = Date.UTC(y, 0, 1); d <= Date.UTC(y, 11, 31); d += 86_400_000) {
        const impressions = 500 + Math.floor(random() * 5000);
        followers += Math.floor(random() * 10);
        out.push(
          JSON.stringify({
            date: new Date(d).toISOString().slice(0, 10),
            impressions,
            engagements: Math.floor(impressions * (0.01 + random() * 0.05)),
            clicks: Math.floor(impressions * random() * 0.02),
            posts: Math.floor(random() * 3),
            followers,
            spend: Math.round(random() * 5000) / 100,
          }),
        );
      }
      rows += out.length;
      writeFileSync(join(root, 'data', channel, `${y}.json`), `{"channel":"${channel}","rows":[\n${out.join(',\n')}\n]}\n`);
    }
  }
  const kpis = ['impressions', 'engagement_rate', 'follower_count', 'ctr', 'spend', 'clicks', 'cpc', 'engagements'];
  const goals: string[] = ['goals:'];
  for (let g = 0; g < GOALS; g++) {
    const kpi = kpis[g % kpis.length]!;
    const year = FIRST_YEAR + Math.floor(random() * YEARS);
    const target =
      kpi === 'impressions' || kpi === 'engagements' || kpi === 'clicks' || kpi === 'spend'
        ? '{ change: "+10%" }'
        : kpi === 'follower_count'
          ? '{ change: +500 }'
          : '{ change: "+5%" }';
    goals.push(
      `  - { id: goal-${g}, title: Goal ${g}, period: ${year}-Q${1 + (g % 4)}, channel: ${g % 10 === 0 ? 'all' : `ch${String(g % CHANNELS).padStart(2, '0')}`}, kpi: ${kpi}, target: ${target} }`,
    );
  }
  writeFileSync(join(root, 'goals/bench.yaml'), `${goals.join('\n')}\n`);
  return rows;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const root = mkdtempSync(join(tmpdir(), 'goalpost-bench-'));
try {
  const t0 = performance.now();
  const rows = generate(root);
  console.log(
    `generated ${rows.toLocaleString('en-US')} daily rows, ${CHANNELS} channels × ${YEARS} years, ${GOALS} goals in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const runs: Array<Record<string, number>> = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['scripts/bench-kpi-run.ts', root], { encoding: 'utf8', maxBuffer: 1 << 20 });
    runs.push(JSON.parse(out) as Record<string, number>);
  }
  const m = (key: string) => median(runs.map((r) => r[key]!));
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`runs: ${RUNS} (fresh process each), medians:`);
  console.log(
    `  load + validate     ${fmt(m('loadMs'))}  (${Math.round(rows / (m('loadMs') / 1000)).toLocaleString('en-US')} rows/s; aim < 10 s)`,
  );
  console.log(
    `  every KPI          ${fmt(m('kpiMs'))}  (${m('kpiValues').toLocaleString('en-US')} values: ${m('scopes')} channel-quarters incl. all, with QoQ/YoY; aim < 1 s)`,
  );
  console.log(`  goal evaluation     ${fmt(m('goalsMs'))}  (${GOALS} goals)`);
  console.log(
    `  computation total   ${fmt(m('kpiMs') + m('goalsMs'))}  (ratio to the 1 s aim: ${((m('kpiMs') + m('goalsMs')) / 1000).toFixed(2)})`,
  );
  console.log(
    `  peak memory (RSS)   ${Math.round(m('peakRssMb'))} MB  (aim < 1024 MB; ratio ${(m('peakRssMb') / 1024).toFixed(2)})`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
