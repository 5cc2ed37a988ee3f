/**
 * How far apart two colours look: the Euclidean distance in OKLab (ΔE OK, Björn Ottosson's
 * perceptual space), 0 for the same colour, about 1 from black to white, in normal vision or
 * as a reader with a colour-vision deficiency sees them. Pure.
 */

/** Under this ΔE OK two channel colours are hard to tell apart in a chart (lines, legend swatches). */
export const TOO_CLOSE = 0.12;

/**
 * Under this ΔE OK, as simulated for a colour-vision deficiency, two default colours are too
 * close. (Okabe and Ito's palette, made for colour-blind readers, has its closest pair at 0.076,
 * under deuteranopia; channels are also named on the chart, so colour is never the only cue.)
 */
export const TOO_CLOSE_CVD = 0.07;

/** Normal vision and the common colour-vision deficiencies (a missing L, M or S cone), simulated at full severity. */
export const VISIONS = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const;
export type Vision = (typeof VISIONS)[number];

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

/** Machado, Oliveira and Fernandes (2009), severity 1.0: linear RGB to linear RGB. */
const SIMULATION: Readonly<Record<Exclude<Vision, 'normal'>, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** A #rrggbb colour in linear RGB, as a reader with `vision` sees it (clamped to the gamut). */
function linearRgb(hex: string, vision: Vision): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => linear(Number.parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  if (vision === 'normal') return rgb;
  return SIMULATION[vision].map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as [
    number,
    number,
    number,
  ];
}

/** A #rrggbb colour in OKLab: [L, a, b] (as seen with `vision`, normal by default). */
export function oklab(hex: string, vision: Vision = 'normal'): [number, number, number] {
  const [r, g, b] = linearRgb(hex, vision);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** ΔE OK between two #rrggbb colours, as seen with `vision` (normal by default). */
export function colorDistance(a: string, b: string, vision: Vision = 'normal'): number {
  const [l1, a1, b1] = oklab(a, vision);
  const [l2, a2, b2] = oklab(b, vision);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** Whether two #rrggbb colours are too close to tell apart as two channels. */
export function tooClose(a: string, b: string): boolean {
  return colorDistance(a, b) < TOO_CLOSE;
}
