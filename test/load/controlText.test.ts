/**
 * Control characters pasted into text readers see (a vertical tab from a spreadsheet, an
 * escape sequence) become spaces at load, so no page attribute, card, CSV or terminal line
 * carries one (red-team 6 #21: a channel label's ESC reached HTML `title` attributes raw).
 */
import { describe, expect, it } from 'vitest';
import { loadFromSources } from '../../src/load/project.ts';

const SITE = `title: "Acme\\vSocial"
channels:
  instagram: { label: "Insta\\e[31mgram" }
metrics:
  members: { label: "Mem\\x07bers", aggregation: stock, unit: count }
strings:
  status.on_track: "On\\u0085track"
`;

const GOALS = `objectives:
  - { id: o, title: "Be\\u009Bseen", description: "Line one\\nline two\\ttabbed\\fpage" }
kpis:
  - { id: mem, label: "Members\\x1F", formula: "members", unit: count, good: up }
goals:
  - id: g
    title: "Grow\\vimpressions"
    description: "keep\\u0000this"
    owner: "Ann\\bie"
    objective: o
    period: 2026-Q3
    channel: instagram
    kpi: impressions
    target: 50000
  - id: okr
    type: okr
    title: Be seen
    period: 2026-Q3
    key_results:
      - { id: kr, title: "Reach\\u007F", kpi: impressions, channel: instagram, target: 5 }
`;

const DATA = JSON.stringify({ channel: 'instagram', rows: [{ date: '2026-07-01', impressions: 1000, members: 3 }] });

describe('text with control characters', () => {
  it('loads with each control character as a space, keeping tabs and line breaks', () => {
    const loaded = loadFromSources(
      { path: 'content/site.yaml', text: SITE },
      [{ path: 'goals/g.yaml', text: GOALS }],
      [{ path: 'data/instagram/a.json', text: DATA }],
    );
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    const { site, goals, objectives, customKpis } = loaded.project;
    expect(site.title).toBe('Acme Social');
    expect(site.channels['instagram']?.label).toBe('Insta [31mgram');
    expect(site.strings['status.on_track']).toBe('On track');
    expect(objectives[0]).toMatchObject({ title: 'Be seen', description: 'Line one\nline two\ttabbed page' });
    expect(customKpis.find((k) => k.id === 'mem')?.label).toBe('Members ');
    expect(customKpis.find((k) => k.id === 'members')?.label).toBe('Mem bers');
    const [smart, okr] = goals;
    expect(smart).toMatchObject({ title: 'Grow impressions', description: 'keep this', owner: 'Ann ie' });
    expect(okr?.type === 'okr' && okr.keyResults[0]?.title).toBe('Reach ');
  });
});
