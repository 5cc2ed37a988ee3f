/**
 * A frozen quarter whose goals and settings changed after the freeze, in a throwaway git
 * repository (red-team 10 #11, #12, #13): the basic fixture's Q2 goals with a goal on the custom
 * KPI `code_rate`, frozen; then, after the period began, a goal renamed, one removed, the KPI's
 * formula changed, and the instagram channel renamed `ig` with another label.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/core/project.ts';
import type { KpiEngine } from '../../src/core/kpis.ts';
import type { Project } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { readHistory, type SiteHistory } from '../../src/site/history.ts';
import { siteContext, type SiteContext } from '../../src/site/siteContext.ts';
import { runCli } from '../cliRunner.ts';
import { gitAs } from '../gitFixture.ts';

const git = (dir: string, args: string[], date?: string): string => gitAs(dir, args, date);

const GOALS = (formula: string, ids: { impressions: string; removed: boolean }, channel: string) => `kpis:
  - { id: code_rate, label: Discount code rate, formula: "${formula}", unit: percent, good: up }
goals:
  - { id: ${ids.impressions}, title: More impressions, period: 2026-Q2, channel: ${channel}, kpi: impressions, target: 3000 }
  - { id: code-q2, title: Code rate, period: 2026-Q2, channel: ${channel}, kpi: code_rate, target: 0.2 }
${ids.removed ? '' : `  - { id: clicks-q2, title: Clicks, period: 2026-Q2, channel: ${channel}, kpi: clicks, target: 40 }\n`}`;

export interface FrozenThenChanged {
  readonly root: string;
  readonly project: Project;
  readonly engine: KpiEngine;
  readonly context: SiteContext;
  readonly history: SiteHistory;
}

/** The repository, frozen on 2026-03-25 (Q2 figures as of its data), changed on 2026-05-20. */
export async function frozenThenChanged(options: { renameChannel?: boolean } = {}): Promise<FrozenThenChanged> {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-frozen-moved-'));
  cpSync('test/fixtures/basic/content/site.yaml', join(root, 'content/site.yaml'));
  cpSync('test/fixtures/basic/data', join(root, 'data'), { recursive: true });
  mkdirSync(join(root, 'goals'));
  writeFileSync(
    join(root, 'goals/goals.yaml'),
    GOALS('discount_code_uses / clicks', { impressions: 'impr', removed: false }, 'instagram'),
  );
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'Q2 goals'], '2026-03-20');
  const frozen = await runCli(['freeze', '2026-Q2'], root, { now: '2026-07-02T09:00:00.000Z' });
  if (frozen.status !== 0) throw new Error(frozen.err);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'Freeze Q2'], '2026-03-25');

  const channel = options.renameChannel ? 'ig' : 'instagram';
  if (options.renameChannel) {
    const data = readFileSync(join(root, 'data/instagram/2026.json'), 'utf8').replace(
      '"channel": "instagram"',
      '"channel": "ig"',
    );
    rmSync(join(root, 'data/instagram'), { recursive: true });
    mkdirSync(join(root, 'data/ig'));
    writeFileSync(join(root, 'data/ig/2026.json'), data);
    const site = readFileSync(join(root, 'content/site.yaml'), 'utf8').replace(
      'instagram: { label: Instagram, color: "#e1306c" }',
      'ig: { label: Instagram Business, color: "#e1306c" }',
    );
    writeFileSync(join(root, 'content/site.yaml'), site);
  }
  writeFileSync(
    join(root, 'goals/goals.yaml'),
    GOALS('discount_code_uses / impressions * 10', { impressions: 'impr-all', removed: true }, channel),
  );
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'Rename impr, drop clicks-q2, new code rate'], '2026-05-20');

  const loaded = await loadProject(root);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const engine = createEngine(loaded.project);
  const history = readHistory(root, loaded.project, engine);
  return { root, project: loaded.project, engine, context: siteContext(loaded.project, engine, history), history };
}
