/**
 * A goal page whose SMART goal has an actual but reads "? No data" says why: it has no baseline to
 * measure progress from (the previous quarter's reach is only an upper bound, summed from month
 * rows; or it has no value there). The page showed "? No data" beside "≈ 346,500" and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { goalView } from '../../src/site/goalView.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const DATA = {
  'data/tiktok/ads.json': dailyExport('tiktok', '2026-04-01', '2026-09-30', () => ({ spend: 100 })),
  'data/tiktok/reach.json': rowsExport(
    'tiktok',
    ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({ month, reach: 115500 })),
  ),
  'data/facebook/reach.json': rowsExport('facebook', [
    { month: '2026-07', reach: 60000 },
    { month: '2026-08', reach: 60000 },
  ]),
};
const GOALS = `goals:
  - { id: tt-reach, title: TikTok reach, period: 2026-Q3, channel: tiktok, kpi: reach, target: 462000 }
  - { id: fb-reach, title: Facebook reach, period: 2026-Q3, channel: facebook, kpi: reach, target: 480000 }
  - { id: tt-reach-given, title: TikTok reach from 300000, period: 2026-Q3, channel: tiktok, kpi: reach, baseline: 300000, target: 462000 }
`;
const view = (locale: string, id: string) => {
  const root = loadRoot(`title: Acme\nlocale: ${locale}\ncurrency: EUR\n`, GOALS, DATA);
  if (!root.project || !root.engine) throw new Error(`fixture: ${root.problems.join('; ')}`);
  return goalView(
    root.project,
    root.engine,
    root.project.goals.find((g) => g.id === id)!,
  );
};

describe('a goal page reading "No data" beside an actual', () => {
  it('says there is no baseline, and that the previous quarter is only an upper bound', () => {
    const v = view('en-US', 'tt-reach');
    expect(v.evaluation).toMatchObject({ status: 'no_data', actual: 346500, baseline: null, baselineBound: 'upper' });
    expect(v.noBaseline).toBe(
      'Progress cannot be measured without a baseline: Reach over 2026-Q2 is only an upper bound of the true figure (summed from rows shorter than the period). Give one in the goal (the value it starts from).',
    );
  });

  it('or that the previous quarter has no value', () => {
    expect(view('en-US', 'fb-reach').noBaseline).toContain('Reach has no value over 2026-Q2');
  });

  it('in French and Italian too', () => {
    expect(view('fr-FR', 'tt-reach').noBaseline).toContain('n’est qu’un majorant de la valeur réelle');
    expect(view('it-IT', 'tt-reach').noBaseline).toContain('è solo un limite superiore del valore reale');
  });

  it('says nothing where a baseline is given', () => {
    expect(view('en-US', 'tt-reach-given').noBaseline).toBeNull();
  });
});
