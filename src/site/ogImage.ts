/**
 * The preview image a link to a quarter shows in Slack, LinkedIn and the like: the quarter's
 * summary drawn as SVG (`ogCardSvg`) and rendered to PNG at build time with resvg (PNG is what
 * Open Graph consumers read; SVG is not supported by them). Fonts: the system's, no network.
 */
import { Resvg } from '@resvg/resvg-js';

/** A PNG of an SVG, at the SVG's own size. */
export function svgToPng(svg: string): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' });
  return new Uint8Array(resvg.render().asPng());
}
