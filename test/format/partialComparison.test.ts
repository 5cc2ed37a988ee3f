/**
 * The "partial quarter" note above a quarter's KPI table (red-team 9 #10): with channels whose
 * data end on different days it names each early channel with its own day and the day the others
 * reach, not the earliest day for all; with one day for all it keeps its wording. From a report
 * built on exports shaped like real ones, in the three languages.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/dates.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { partialComparison, partialNote } from '../../src/format/changes.ts';
import { formatDate } from '../../src/format/intl.ts';
import { CHANNELS_END_APART, dailyExport, loadRoot } from '../exportsFixture.ts';

const GOALS = 'goals: []\n';
const site = (locale: string) =>
  `title: Acme\nlocale: ${locale}\ncurrency: EUR\nchannels:\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n`;

function report(locale: string, data: Readonly<Record<string, string>>, asOf?: string) {
  const root = loadRoot(site(locale), GOALS, data);
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok || !root.project || !root.engine) throw new Error(`fixture: ${root.problems.join('; ')}`);
  const day = asOf === undefined ? null : parseIsoDate(asOf);
  return {
    json: buildReport(root.project, root.engine, { quarter: quarter.period, asOf: day?.ok ? day.day : null }),
    site: root.project.site,
  };
}
const note = (locale: string, data: Readonly<Record<string, string>>, asOf?: string) => {
  const r = report(locale, data, asOf);
  return partialNote(r.json, r.site, (d) => formatDate(d, locale));
};

describe('the partial-quarter note over channels that end on different days', () => {
  it('names each early channel with its own day, and the day the others reach', () => {
    const { json } = report('en-US', CHANNELS_END_APART);
    expect(json.coverage).toEqual({ facebook: '2026-09-30', instagram: '2026-09-15', linkedin: '2026-09-05' });
    expect(partialComparison(json)).toMatchObject({
      asOf: '2026-09-05',
      over: true,
      apart: {
        early: [
          { channels: ['linkedin'], day: '2026-09-05' },
          { channels: ['instagram'], day: '2026-09-15' },
        ],
        othersTo: '2026-09-30',
      },
    });
    expect(note('en-US', CHANNELS_END_APART)).toBe(
      'Not every channel’s data reach the end of 2026-Q3 (LinkedIn to Sep 5, 2026, Instagram to Sep 15, 2026, and other channels to Sep 30, 2026): ' +
        'QoQ and YoY compare part of 2026-Q3 against the whole of 2026-Q2 and the whole of 2025-Q3, ' +
        'except for totals that count a channel stopped early, which have none.',
    );
    // As the note says: a total over the early channels has no change, a rate keeps its own (red-team 15 #7).
    expect(json.kpis['all']!['impressions']!).toMatchObject({ qoq: null, yoy: null, incomplete: ['instagram', 'linkedin'] });
  });

  it('in French and Italian too', () => {
    expect(note('fr-FR', CHANNELS_END_APART)).toContain(
      '(LinkedIn jusqu’au 5 sept. 2026, Instagram jusqu’au 15 sept. 2026 et les autres canaux jusqu’au 30 sept. 2026)',
    );
    expect(note('it-IT', CHANNELS_END_APART)).toContain(
      '(LinkedIn fino al 5 set 2026, Instagram fino al 15 set 2026 e gli altri canali fino al 30 set 2026)',
    );
  });

  it('says so of a quarter that is not over too', () => {
    expect(note('en-US', CHANNELS_END_APART, '2026-09-20')).toBe(
      '2026-Q3 is not over: QoQ and YoY compare 2026-Q3 in part (LinkedIn to Sep 5, 2026, Instagram to Sep 15, 2026, and other channels to Sep 20, 2026) ' +
        'against the whole of 2026-Q2 and the whole of 2025-Q3, except for totals that count a channel stopped early, which have none.',
    );
  });

  it('keeps one day when every channel ends on it', () => {
    const together = {
      'data/facebook/ads.json': dailyExport('facebook', '2026-04-01', '2026-09-15', () => ({ impressions: 100 })),
      'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-09-15', () => ({ impressions: 100 })),
    };
    expect(partialComparison(report('en-US', together).json)).toMatchObject({ asOf: '2026-09-15', apart: null });
    expect(note('en-US', together)).toBe(
      '2026-Q3 is not over: QoQ and YoY compare 2026-Q3 to date (to Sep 15, 2026) against the whole of 2026-Q2 and the whole of 2025-Q3.',
    );
  });
});
