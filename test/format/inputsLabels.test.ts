/**
 * The marks that name a KPI's inputs use a declared metric's own label (red-team 12 #14): a
 * custom KPI over `code_uses` ("Code uses" in `metrics:`), whose shop export ends on Sep 15, reads
 * "Code uses only to Sep 15, 2026", not "code uses only to …", in English and in French.
 */
import { describe, expect, it } from 'vitest';
import { inputsNote } from '../../src/format/inputs.ts';
import { formatDate } from '../../src/format/intl.ts';
import { readerFigures, readerRoot } from '../readerViewsFixture.ts';

function note(locale: string) {
  const root = readerRoot(locale);
  const cell = readerFigures(root).figures.report.kpis['instagram']!['code_rate']!;
  expect(cell.inputs_to?.['instagram']).toMatchObject({ code_uses: '2026-09-15' });
  return inputsNote(cell, root.project.site, (iso) => formatDate(iso, locale), 'kpi')!;
}

describe('a declared metric in the input marks', () => {
  it('is named by its label', () => {
    expect(note('en-US').short).toBe('Code uses only to Sep 15, 2026');
    expect(note('en-US').long).toContain('Code uses to Sep 15, 2026');
  });

  it('in French too', () => {
    expect(note('fr-FR').short).toMatch(/^Code uses seulement jusqu/);
  });
});
