/**
 * Text widths for chart layout, from the advance widths of the font the pages use
 * (Inter, self-hosted from @fontsource/inter). Vega has no canvas in Node and would
 * otherwise guess; labels are laid out with the real glyph widths instead.
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** The font family charts and pages share. */
export const CHART_FONT = 'Inter, system-ui, sans-serif';

interface Face {
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
  unitsPerEm: number;
}

const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
const faces = new Map<string, Face[]>();

function facesFor(weight: 400 | 700): Face[] {
  const key = String(weight);
  let list = faces.get(key);
  if (!list) {
    list = SUBSETS.map(
      (subset) =>
        fontkit.openSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`)) as unknown as Face,
    );
    faces.set(key, list);
  }
  return list;
}

const widthCache = new Map<string, number>();

/** Width in em of one code point in Inter (1 em for glyphs Inter lacks, such as emoji: never too narrow). */
function emWidth(cp: number, weight: 400 | 700): number {
  const key = `${weight}:${cp}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    const face = facesFor(weight).find((f) => f.hasGlyphForCodePoint(cp));
    w = face ? face.glyphForCodePoint(cp).advanceWidth / face.unitsPerEm : 1;
    widthCache.set(key, w);
  }
  return w;
}

/** Width in pixels of `text` set in Inter at `fontSize` px. */
export function measureText(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += emWidth(ch.codePointAt(0)!, bold ? 700 : 400);
  return em * fontSize;
}

/** Vega's text measure: the item's font size and weight, Inter's widths. */
export function vegaTextWidth(item: { fontSize?: number; fontWeight?: string | number }, text: unknown): number {
  const content = Array.isArray(text) ? text.join(' ') : String(text ?? '');
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === '700';
  return measureText(content, item.fontSize ?? 11, bold);
}
