/**
 * Every chart spec the example's pages draw validates against the official Vega-Lite JSON
 * Schema shipped in the `vega-lite` package (quarter pages, channel pages, frozen versions,
 * goal pages and the home page's sparklines).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sparklineSpec } from '../../src/charts/specs.ts';
import { channelColors } from '../../src/charts/theme.ts';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { frozenVersions, quarterChannels, quarterPage } from '../../src/site/quarterPage.ts';
import { reportQuarters } from '../../src/site/quarters.ts';

const REPO = join(import.meta.dirname, '../..');
// The package's exports hide the file: find it beside the package's entry point.
const schemaPath = join(
  createRequire(import.meta.url)
    .resolve('vega-lite')
    .replace(/build[\\/].*$/, ''),
  'build/vega-lite-schema.json',
);

async function exampleSpecs(): Promise<Array<{ where: string; spec: unknown }>> {
  const loaded = await loadProject(REPO);
  if (!loaded.ok) throw new Error('the example does not validate');
  const project = loaded.project;
  const engine = createEngine(project);
  const specs: Array<{ where: string; spec: unknown }> = [];
  const ctx = { site: project.site, colors: channelColors(project.site, engine.index.channels) };
  for (const q of reportQuarters(project)) {
    const pages = [
      quarterPage(project, engine, q),
      ...quarterChannels(project, engine, q.label).map((c) => quarterPage(project, engine, q, c)),
      ...frozenVersions(project, q.label).map((r) => quarterPage(project, engine, q, null, r.snapshot.version)),
    ];
    for (const page of pages) for (const c of page.view.charts) specs.push({ where: `${q.label} ${c.id}`, spec: c.spec });
    const all = quarterPage(project, engine, q).view.report.kpis['all'] ?? {};
    for (const [id, cell] of Object.entries(all))
      specs.push({ where: `sparkline ${id}`, spec: sparklineSpec(ctx, [{ period: q.label, value: cell.value }]) });
  }
  for (const goal of project.goals)
    for (const c of goalView(project, engine, goal).charts) specs.push({ where: `goal ${c.id}`, spec: c.spec });
  return specs;
}

describe('Vega-Lite JSON Schema', () => {
  it('validates every chart spec of the example', { timeout: 120_000 }, async () => {
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const specs = await exampleSpecs();
    expect(specs.length).toBeGreaterThan(100);
    const failures = specs.flatMap(({ where, spec }) =>
      validate(JSON.parse(JSON.stringify(spec))) ? [] : [`${where}: ${ajv.errorsText(validate.errors?.slice(0, 2))}`],
    );
    expect(failures).toEqual([]);
  });
});
