/**
 * The text report is English: under fr-FR and it-IT its marks and "n/a" are English too, while its
 * numbers keep the locale's format (red-team 12 #14: "Net Promoter Score [solo Facebook] … n.d."
 * beside "not comparable: channels differ"; "code uses seulement jusqu'au …").
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { readerFigures, readerRoot } from '../readerViewsFixture.ts';

function text(locale: string): string {
  const root = readerRoot(locale);
  const { figures, kpis } = readerFigures(root);
  return renderText(figures.report, root.project.site, new Map(kpis.map((k) => [k.id, k])));
}

describe('the text report in another language than English', () => {
  it('writes its marks and n/a in English, its numbers as the locale does', () => {
    for (const locale of ['fr-FR', 'it-IT']) {
      const out = text(locale);
      const conversions = out.split('\n').find((l) => /^\s+Conversions \[/.test(l))!;
      expect(conversions).toContain('[Facebook only]');
      expect(out).toContain('Code uses only to 2026-09-15');
      expect(out).not.toMatch(/seulement|uniquement|solo |n\.d\./);
      expect(out).toMatch(/ n\/a/);
      expect(out).toContain('30\u202f660'.replace('\u202f', locale === 'fr-FR' ? '\u202f' : '.'));
    }
  });
});
