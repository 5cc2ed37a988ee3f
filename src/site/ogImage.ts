/**
 * The preview image a link to a quarter shows in Slack, LinkedIn and the like: the quarter's
 * summary drawn as SVG (`ogCardSvg`) and rendered to PNG at build time with resvg (PNG is what
 * Open Graph consumers read; SVG is not supported by them). Fonts: the system's, no network.
 * A rendered PNG is kept in a disk cache (`src/io/fileCache.ts`) under the SHA-256 of its SVG and
 * of what else the pixels depend on: resvg's version, the options below and the system's fonts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { type FileCache, fileCache } from '../io/fileCache.ts';

const OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  background: '#ffffff',
};

/** Bump when the PNG an SVG gives changes for a reason the version below cannot see. */
const PNG_FORMAT = 1;

/**
 * The preview cache's folder: `previews/` inside the folder GOALPOST_CHART_CACHE names, else
 * `node_modules/.cache/goalpost/previews` of the working directory; null when the chart cache is off.
 */
export function previewCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const setting = env['GOALPOST_CHART_CACHE'];
  if (setting === 'off' || setting === '0') return null;
  return setting ? join(setting, 'previews') : join(cwd, 'node_modules', '.cache', 'goalpost', 'previews');
}

/** Every file under a folder (links followed), with its size and time; nothing when it cannot be read. */
function listing(dir: string, depth = 0): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) return depth < 8 ? listing(path, depth + 1) : [];
      return [`${path} ${stat.size} ${stat.mtimeMs}`];
    } catch {
      return [];
    }
  });
}

/** The fonts resvg can load (the folders fontdb reads, fontconfig's configuration) as a listing. */
function systemFonts(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  const folders = [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.fonts'),
    join(home, '.local', 'share', 'fonts'),
    ...(env['XDG_DATA_HOME'] ? [join(env['XDG_DATA_HOME'], 'fonts')] : []),
    '/etc/fonts',
    ...(env['FONTCONFIG_FILE'] ? [env['FONTCONFIG_FILE']] : []),
  ];
  return folders.flatMap((folder) => listing(folder)).join('\n');
}

/** What a PNG depends on besides its SVG: resvg's version, the options, the system's fonts. */
export function pngRendererVersion(): string {
  const require = createRequire(import.meta.url);
  let resvg = 'unknown';
  try {
    resvg = (JSON.parse(readFileSync(require.resolve('@resvg/resvg-js/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // An unknown version is part of the key as such.
  }
  return `format ${PNG_FORMAT}; resvg-js ${resvg}; ${JSON.stringify(OPTIONS)}; fonts ${systemFonts()}`;
}

let disk: FileCache | undefined;

/** The preview cache this process uses (set up on first use from the environment). */
function previewCache(): FileCache {
  return (disk ??= fileCache(previewCacheDir(), pngRendererVersion(), '.png'));
}

/** A PNG of an SVG, at the SVG's own size: from the cache when the same SVG was rendered with the same resvg and fonts. */
export function svgToPng(svg: string, cache: FileCache = previewCache()): Uint8Array<ArrayBuffer> {
  const cached = cache.get(svg);
  if (cached) return cached;
  const png = new Uint8Array(new Resvg(svg, OPTIONS).render().asPng());
  cache.set(svg, png);
  return png;
}
