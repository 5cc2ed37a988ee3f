import { describe, expect, it as test } from 'vitest';
import { en } from '../../src/translations/en.ts';
import { fr } from '../../src/translations/fr.ts';
import { it } from '../../src/translations/it.ts';
import { fill, plural, slotsOf, stringKeys, uiStrings } from '../../src/translations/index.ts';

/** Every leaf of a table, by dotted key. */
function leaves(table: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v as object, key)) out.set(kk, vv);
  }
  return out;
}

const tables = { en, fr, it };

describe('translation tables', () => {
  test('have the same keys in every language and no empty text', () => {
    const keys = [...leaves(en).keys()].sort();
    expect(keys.length).toBeGreaterThan(200);
    for (const [lang, table] of Object.entries(tables)) {
      const l = leaves(table);
      expect([...l.keys()].sort(), lang).toEqual(keys);
      for (const [key, text] of l) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  test('use the same slots as English in every text', () => {
    const english = leaves(en);
    for (const [lang, table] of Object.entries({ fr, it })) {
      for (const [key, text] of leaves(table)) {
        const allowed = slotsOf(english.get(key)!);
        // A translation may drop a slot (a plural's `one` often does) but never invent one.
        for (const slot of slotsOf(text)) expect(allowed, `${lang} ${key} {${slot}}`).toContain(slot);
      }
    }
  });

  test('French and Italian have no English leftovers in page words', () => {
    const sample = [
      'status.on_track',
      'status.achieved',
      'status.at_risk',
      'status.off_track',
      'status.missed',
      'verdict.realistic',
      'quarter.scorecard',
      'quarter.charts',
      'nav.latest',
      'nav.quarters',
      'scorecard.progress',
      'scorecard.actual',
      'charts.expectedPace',
      'charts.spend',
      'charts.revenue',
      'charts.shareOfVoice',
      'frozen.restated',
      'moved.heading',
      'definition.measurable',
      'definition.timeBound',
      'footer.sourceFiles',
      'quarter.downloadCsv',
      'goals.title',
    ];
    const englishTexts = leaves(en);
    for (const [lang, table] of Object.entries({ fr, it })) {
      const l = leaves(table);
      for (const key of sample) expect(l.get(key), `${lang} ${key}`).not.toBe(englishTexts.get(key));
    }
    // Common English words never appear as whole words in the French or Italian tables.
    // ("report" is Italian too, and Italian "data" is a date.)
    const english = /\b(the|and|of|by|on track|at risk|goal|goals|with|from|to|channel|channels|figures)\b/i;
    const englishWords = { fr: new RegExp(`${english.source}|\\b(report|data)\\b`, 'i'), it: english };
    for (const [lang, table] of Object.entries({ fr, it })) {
      const english_words = englishWords[lang as 'fr' | 'it'];
      const found: string[] = [];
      for (const [key, text] of leaves(table)) {
        const words = text.replace(/\{[a-zA-Z]+\}/g, '').replace(/\S*\/\S*/g, ''); // slots and paths such as data/ are not words
        if (english_words.test(words)) found.push(`${lang} ${key}: ${text}`);
      }
      expect(found).toEqual([]);
    }
    expect(fr.status.on_track).toBe('En bonne voie');
    expect(it.status.on_track).toBe('In linea');
  });
});

describe('uiStrings', () => {
  test('picks the table by the language subtag, English for other languages', () => {
    expect(uiStrings('fr-FR').status.on_track).toBe('En bonne voie');
    expect(uiStrings('fr-CA').nav.goals).toBe('Objectifs');
    expect(uiStrings('it-IT').status.on_track).toBe('In linea');
    expect(uiStrings('de-DE').status.on_track).toBe('On track');
    expect(uiStrings('en-GB')).toBe(en);
  });

  test('applies overrides by dotted key without changing the shared tables', () => {
    const s = uiStrings('fr-FR', { 'status.on_track': 'Dans les temps', 'footer.goals.other': '{count} objectifs suivis' });
    expect(s.status.on_track).toBe('Dans les temps');
    expect(s.status.missed).toBe(fr.status.missed);
    expect(plural('fr-FR', s.footer.goals, 3)).toBe('3 objectifs suivis');
    expect(fr.status.on_track).toBe('En bonne voie');
    expect(uiStrings('fr-FR').status.on_track).toBe('En bonne voie');
  });

  test('ignores override keys that name no text (the loader reports them)', () => {
    const s = uiStrings('en-US', { 'status.on_trak': 'x', status: 'y', '__proto__.x': 'z', 'constructor.name': 'w' });
    expect(s.status.on_track).toBe('On track');
    expect(typeof s.status).toBe('object');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  test('lists every text key with its English text', () => {
    const keys = stringKeys();
    expect(keys.get('status.on_track')).toBe('On track');
    expect(keys.get('footer.goals.one')).toBe('{count} goal');
    expect(keys.has('status')).toBe(false);
  });
});

describe('fill and plural', () => {
  test('fill puts values in named slots and leaves unknown slots', () => {
    expect(fill('Report {quarter}, version {version}', { quarter: '2026-Q2', version: 2 })).toBe('Report 2026-Q2, version 2');
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  test('fill gives the same text on every call with a text, and the text itself when it has no slot', () => {
    const text = '{count}{unit} of {kpi} ({kpi}) to {date}: {bad slot} {}';
    const values = { count: 3, unit: '%', kpi: 'CTR', date: '{kpi}' };
    const once = text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? String(values[name as keyof typeof values]) : whole,
    );
    expect(fill(text, values)).toBe(once);
    expect(fill(text, values)).toBe('3% of CTR (CTR) to {kpi}: {bad slot} {}');
    expect(fill(text, {})).toBe(text);
    expect(fill('no slots', { a: 1 })).toBe('no slots');
    expect(fill('{toString}', {})).toBe('{toString}');
  });

  test('plural follows each language’s rules (French 0 and 1 are singular)', () => {
    expect(plural('en-US', en.footer.goals, 1)).toBe('1 goal');
    expect(plural('en-US', en.footer.goals, 0)).toBe('0 goals');
    expect(plural('fr-FR', fr.footer.goals, 0)).toBe('0 objectif');
    expect(plural('fr-FR', fr.footer.goals, 2)).toBe('2 objectifs');
    expect(plural('it-IT', it.footer.rows, 1)).toBe('1 riga');
    expect(plural('it-IT', it.footer.rows, 12000)).toBe('12.000 righe');
  });
});

describe('KPI labels', () => {
  test('every built-in KPI has a label in every language', async () => {
    const { KPI_CATALOGUE: BUILT_IN_KPIS } = await import('../../src/core/catalogue.ts');
    const ids = BUILT_IN_KPIS.map((k: { id: string }) => k.id).sort();
    for (const table of [en, fr, it]) expect(Object.keys(table.kpis).sort()).toEqual(ids);
    for (const k of BUILT_IN_KPIS as ReadonlyArray<{ id: string; label: string }>)
      expect(en.kpis[k.id as keyof typeof en.kpis]).toBe(k.label);
  });
});

describe('goal categories', () => {
  test('every goal category has a name in every language', async () => {
    const { GOAL_CATEGORIES } = await import('../../src/core/goals.ts');
    for (const table of [en, fr, it]) expect(Object.keys(table.categories).sort()).toEqual([...GOAL_CATEGORIES].sort());
  });
});
