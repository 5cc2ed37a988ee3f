/**
 * A rate whose inputs come from exports that end on different days: LinkedIn's page analytics
 * (impressions) run to 30 September while the Campaign Manager export (clicks) was downloaded
 * on the 10th. CTR over the quarter is then clicks to the 10th over impressions to the 30th: the
 * figure stays as computed and says, per channel, how far each input's exports reach. An export
 * reaches its `through` day when the file gives one (import writes the range it was downloaded
 * for: a campaign that ended on the 10th in an export through the 30th is complete), else the
 * last day of its rows.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { MetricWindow } from '../../src/core/kpis.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport } from '../../src/core/report.ts';
import { buildSnapshot } from '../../src/core/freeze.ts';
import { snapshotSchema } from '../../src/load/snapshotSchema.ts';
import { inputsNote } from '../../src/format/inputs.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { day, engineOf, period, rows } from '../coreFixtures.ts';

const Q3 = period('2026-Q3');
/** One export: a file of daily rows of one channel. */
interface Export {
  readonly file: string;
  readonly channel: string;
  readonly days: Array<{ date: string } & Record<string, number | string>>;
}
const daily = (
  file: string,
  channel: string,
  from: string,
  to: string,
  values: (i: number) => Record<string, number>,
): Export => {
  const days: Export['days'] = [];
  for (let d = day(from), i = 0; d <= day(to); d++, i++) days.push({ date: formatDay(d), ...values(i) });
  return { file, channel, days };
};
// LinkedIn: page analytics to 09-30, the Campaign Manager export (clicks) only to 09-10.
const page = daily('data/linkedin/page.json', 'linkedin', '2026-07-01', '2026-09-30', () => ({ impressions: 500 }));
const campaign = daily('data/linkedin/campaign.json', 'linkedin', '2026-07-01', '2026-09-10', () => ({ clicks: 10 }));
// Instagram: one export, whose spend is absent on days without ads (it ends on 08-31).
const instagram = daily('data/instagram/all.json', 'instagram', '2026-07-01', '2026-09-30', (i) => ({
  impressions: 1000,
  clicks: 5,
  likes: 20,
  ...(i < 62 ? { spend: 3 } : {}),
}));
const asRows = (exports: Export[]) =>
  exports.flatMap(({ file, channel, days }) =>
    rows(
      channel,
      days.map(({ date, ...values }) => [date, values as Record<string, number>] as const),
      file,
    ),
  );

describe('inputs of a KPI that end on different days', () => {
  const engine = engineOf(asRows([page, campaign, instagram]));
  const over = (kpi: string, channels: string[]) =>
    new MetricWindow(engine, channels, Q3.start, Q3.end).value(engine.kpis.get(kpi)!);

  it('says how far each input of a rate goes when they differ, and keeps the figure', () => {
    const ctr = over('ctr', ['linkedin']);
    expect(ctr.value).toBeCloseTo((72 * 10) / (92 * 500), 12);
    expect(ctr.inputsEnd).toEqual({ linkedin: { clicks: day('2026-09-10'), impressions: day('2026-09-30') } });
  });

  it('over several channels: each channel computed over whose inputs end on different days', () => {
    const ctr = over('ctr', ['instagram', 'linkedin']);
    expect(ctr.inputsEnd).toEqual({ linkedin: { clicks: day('2026-09-10'), impressions: day('2026-09-30') } });
  });

  it('says nothing when the exports end together (a metric absent on some days of its export)', () => {
    expect(over('ctr', ['instagram']).inputsEnd).toBeNull();
    expect(over('cpc', ['instagram']).value).toBeCloseTo((62 * 3) / (92 * 5), 12);
    expect(over('cpc', ['instagram']).inputsEnd).toBeNull();
    expect(over('engagement_rate', ['instagram']).inputsEnd).toBeNull();
    expect(over('impressions', ['linkedin']).inputsEnd).toBeNull();
  });

  it("flags a KPI of one input whose export ends before the channel's other data (red-team 9 #1)", () => {
    // LinkedIn's clicks total stops on the 10th while its page analytics go on: 72 days of clicks, not 92.
    expect(over('clicks', ['linkedin']).inputsEnd).toEqual({ linkedin: { clicks: day('2026-09-10') } });
  });

  it('reaches report --json as inputs_to (ISO days), only where inputs end apart or early', () => {
    const result = loadFromSources(
      { path: 'content/site.yaml', text: 'title: T\n' },
      [],
      [page, campaign, instagram].map((e) => ({ path: e.file, text: JSON.stringify({ channel: e.channel, rows: e.days }) })),
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const report = buildReport(result.project, createEngine(result.project), { quarter: Q3 });
    const ends = { linkedin: { clicks: '2026-09-10', impressions: '2026-09-30' } };
    expect(report.kpis['linkedin']!['ctr']!.inputs_to).toEqual(ends);
    expect(report.kpis['all']!['ctr']!.inputs_to).toEqual(ends);
    expect(report.kpis['instagram']!['ctr']!).not.toHaveProperty('inputs_to');
    expect(report.kpis['linkedin']!['clicks']!.inputs_to).toEqual({ linkedin: { clicks: '2026-09-10' } });
    expect(report.kpis['linkedin']!['impressions']!).not.toHaveProperty('inputs_to');
    const engine = createEngine(result.project);
    const csv = kpiCsv(report, new Map(kpiMetas(engine).map((k) => [k.id, k])), { kind: 'live' }, 'EUR').split('\r\n');
    expect(csv[0]!.endsWith(',inputs_to,computed_to,gaps,bound,qoq_partial,yoy_partial,currency,counted_from')).toBe(true);
    const ctrLines = csv.filter((l) => /^2026-Q3,[^,]+,(all|linkedin),/.test(l) && l.includes(',ctr,'));
    expect(ctrLines).toHaveLength(2);
    // Computed to the day the clicks end (red-team 7 #8), as a goal on it is.
    for (const line of ctrLines)
      expect(line.endsWith(',linkedin clicks=2026-09-10 impressions=2026-09-30,2026-09-10,,,,,,')).toBe(true);
    expect(csv.find((l) => l.includes(',instagram,') && l.includes(',ctr,'))!.endsWith(',,,,')).toBe(true);
  });

  it('is frozen with the report (the snapshot schema takes it) and told beside the value', () => {
    const result = loadFromSources(
      {
        path: 'content/site.yaml',
        text: 'title: T\nchannels:\n  linkedin: { label: LinkedIn }\n  instagram: { label: Instagram }\n',
      },
      [],
      [page, campaign, instagram].map((e) => ({ path: e.file, text: JSON.stringify({ channel: e.channel, rows: e.days }) })),
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const { project } = result;
    const snapshot = buildSnapshot(project, createEngine(project), Q3, {
      version: 1,
      frozenAt: '2026-10-01T00:00:00Z',
      commit: null,
      uncommittedChanges: false,
    });
    const parsed = snapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const cell = buildReport(project, createEngine(project), { quarter: Q3 }).kpis['linkedin']!['ctr']!;
    expect(inputsNote(cell, project.site, (iso) => iso, 'kpi')).toEqual({
      short: 'Clicks only to 2026-09-10',
      long: 'LinkedIn: Clicks to 2026-09-10, Impressions to 2026-09-30. Computed to 2026-09-10, the last day every input is whole (an input’s export ends there, or a row for a whole month goes on past the other inputs).',
    });
    expect(inputsNote(cell, { ...project.site, locale: 'fr-FR' }, (iso) => `<${iso}>`)?.short).toBe(
      'Clics seulement jusqu’au <2026-09-10>',
    );
  });

  it("an export's through day: a campaign that ended early in an export through the quarter's end is complete", () => {
    const withThrough = (through: string) =>
      loadFromSources(
        { path: 'content/site.yaml', text: 'title: T\n' },
        [],
        [
          { path: page.file, text: JSON.stringify({ channel: page.channel, rows: page.days }) },
          { path: campaign.file, text: JSON.stringify({ channel: campaign.channel, through, rows: campaign.days }) },
        ],
      );
    const ctrOf = (through: string) => {
      const result = withThrough(through);
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
      return buildReport(result.project, createEngine(result.project), { quarter: Q3 }).kpis['linkedin']!['ctr']!;
    };
    expect(ctrOf('2026-09-30')).not.toHaveProperty('inputs_to');
    expect(ctrOf('2026-10-15')).not.toHaveProperty('inputs_to');
    expect(ctrOf('2026-09-20').inputs_to).toEqual({ linkedin: { clicks: '2026-09-20', impressions: '2026-09-30' } });
  });
});
