/**
 * The pages' cache keys (issue 15): a build skips a page whose key is the last build's, so the
 * key must change with anything the page shows (a value deep in its props, the site context,
 * Goalpost's code) and stay the same for the same content built again.
 */
import { describe, expect, it } from 'vitest';
import { contextDigest, pageKey, valueDigest } from '../../src/site/pageKeys.ts';
import type { SiteContext } from '../../src/site/siteContext.ts';

const props = () => ({
  quarter: { label: '2026-Q3', start: new Date('2026-07-01T00:00:00Z') },
  page: { view: { kpis: new Map([['ctr', { value: 0.0123, gaps: ['2026-08-04'] }]]), notes: [null, 'n/a'] } },
  channel: 'instagram',
});

const context = (over: Partial<SiteContext> = {}): SiteContext =>
  ({
    fmt: { title: 'Acme', locale: 'en-US', currency: 'EUR', base: '/' },
    t: { quarter: { title: 'Report {quarter}' } },
    channelLabel: (c: string) => c,
    markers: new Map([['g1', 'target 1,400 → 1,100 on 2026-05-10']]),
    goalPage: () => null,
    goalPages: new Map([['g1', 'goals/g1/']]),
    quarters: [{ label: '2026-Q3' }],
    channelsOf: new Map([['2026-Q3', ['instagram']]]),
    frame: { darkCss: '', dataRange: null, sources: [], goals: 1 },
    ...over,
  }) as unknown as SiteContext;

describe('page cache keys', () => {
  it('are the same for the same content built again, whatever the objects', () => {
    expect(pageKey('code', contextDigest(context()), 'channel', props())).toBe(
      pageKey('code', contextDigest(context()), 'channel', props()),
    );
    // The order props are listed in does not matter; the order inside a value does (it is rendered in that order).
    const { quarter, page, channel } = props();
    expect(pageKey('code', 'c', 'channel', { channel, page, quarter })).toBe(pageKey('code', 'c', 'channel', props()));
  });

  it('change with a value deep inside the props: a number, a date, a map entry, a null', () => {
    const base = pageKey('code', 'c', 'channel', props());
    const edits: Array<(p: ReturnType<typeof props>) => void> = [
      (p) => p.page.view.kpis.set('ctr', { value: 0.0124, gaps: ['2026-08-04'] }),
      (p) => p.page.view.kpis.get('ctr')!.gaps.push('2026-08-05'),
      (p) => p.page.view.kpis.set('cpc', { value: 1, gaps: [] }),
      (p) => (p.quarter.start = new Date('2026-07-02T00:00:00Z')),
      (p) => (p.page.view.notes[0] = 'null'),
      (p) => (p.page.view.notes[1] = undefined as unknown as string),
      (p) => (p.channel = 'facebook'),
    ];
    const keys = edits.map((edit) => {
      const p = props();
      edit(p);
      return pageKey('code', 'c', 'channel', p);
    });
    expect(keys.filter((k) => k === base)).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('change with the code, the route and the site context', () => {
    const c = contextDigest(context());
    const base = pageKey('code', c, 'channel', props());
    expect(pageKey('other code', c, 'channel', props())).not.toBe(base);
    expect(pageKey('code', c, 'quarter', props())).not.toBe(base);
    // What the page renders beside its props (a narrative's source): given or not, and each text.
    const withProse = pageKey('code', c, 'channel', props(), 'The third quarter is peak season.');
    expect(withProse).not.toBe(base);
    expect(pageKey('code', c, 'channel', props(), 'The third quarter is high season.')).not.toBe(withProse);
    const contexts = [
      context({ fmt: { ...context().fmt, locale: 'fr-FR' } }),
      context({ markers: new Map() }),
      context({ goalPages: new Map([['g1', null]]) }),
      context({ channelsOf: new Map([['2026-Q3', ['instagram', 'tiktok']]]) }),
      context({ frame: { ...context().frame, goals: 2 } }),
      context({ t: { quarter: { title: 'Rapport {quarter}' } } as unknown as SiteContext['t'] }),
    ].map(contextDigest);
    expect(contexts.filter((d) => d === c)).toEqual([]);
    expect(new Set(contexts).size).toBe(contexts.length);
  });

  it('digest a number by its value, and keep apart what JSON would blur', () => {
    // 25500 as V8 keeps a small integer, and as a double (V8's serialisation writes them apart).
    const double = 0.5 + 25499.5;
    expect(valueDigest({ value: double })).toBe(valueDigest({ value: 25500 }));
    const blurred = [
      [Number.NaN, null],
      [Number.POSITIVE_INFINITY, null],
      [-0, 0],
      [[undefined], [null]],
      [new Map([['a', 1]]), { a: 1 }],
      [new Set(['a']), ['a']],
      ['\u0000NaN', Number.NaN],
    ] as const;
    for (const [a, b] of blurred) expect(valueDigest({ v: a }), String(a)).not.toBe(valueDigest({ v: b }));
    // A property left undefined is a property not given: the page renders both alike.
    expect(valueDigest({ a: 1, b: undefined })).toBe(valueDigest({ a: 1 }));
  });

  it('refuse a value they cannot digest rather than leave it out', () => {
    expect(() => valueDigest({ render: () => 'x' })).toThrow(/cannot digest a function/);
    expect(() => valueDigest([Symbol('x')])).toThrow(/cannot digest a symbol/);
    expect(() => contextDigest(context({ frame: { format: () => '' } as unknown as SiteContext['frame'] }))).toThrow();
  });
});
