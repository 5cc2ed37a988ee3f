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

/** Widths already looked up, by weight and code point (every label of every chart is measured). */
const widthCache: Record<400 | 700, Map<number, number>> = { 400: new Map(), 700: new Map() };

/** Width in em of one code point in Inter (1 em for glyphs Inter lacks, such as emoji: never too narrow). */
function emWidth(cp: number, weight: 400 | 700): number {
  const cache = widthCache[weight];
  let w = cache.get(cp);
  if (w === undefined) {
    const face = facesFor(weight).find((f) => f.hasGlyphForCodePoint(cp));
    w = face ? face.glyphForCodePoint(cp).advanceWidth / face.unitsPerEm : 1;
    cache.set(cp, w);
  }
  return w;
}

/** Width in pixels of `text` set in Inter at `fontSize` px. */
export function measureText(text: string, fontSize: number, bold = false): number {
  const weight = bold ? 700 : 400;
  let em = 0;
  // Code point by code point, as `for (const ch of text)` walks it, without a string per character.
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    em += emWidth(cp, weight);
  }
  return em * fontSize;
}

/** Vega's text measure: the item's font size and weight, Inter's widths. */
export function vegaTextWidth(item: { fontSize?: number; fontWeight?: string | number }, text: unknown): number {
  const content = Array.isArray(text) ? text.join(' ') : String(text ?? '');
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === '700';
  return measureText(content, item.fontSize ?? 11, bold);
}
