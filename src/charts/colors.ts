/**
 * How far apart two colours look: the Euclidean distance in OKLab (ΔE OK, Björn Ottosson's
 * perceptual space), 0 for the same colour, about 1 from black to white. Pure.
 */

/** Under this ΔE OK two channel colours are hard to tell apart in a chart (lines, legend swatches). */
export const TOO_CLOSE = 0.12;

function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** A #rrggbb colour in OKLab: [L, a, b]. */
export function oklab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => linear(Number.parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** ΔE OK between two #rrggbb colours. */
export function colorDistance(a: string, b: string): number {
  const [l1, a1, b1] = oklab(a);
  const [l2, a2, b2] = oklab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** Whether two #rrggbb colours are too close to tell apart as two channels. */
export function tooClose(a: string, b: string): boolean {
  return colorDistance(a, b) < TOO_CLOSE;
}
