/**
 * The persistent chart cache: rendered SVG on disk, one file per chart, under
 * `node_modules/.cache/goalpost/charts/` (or `GOALPOST_CHART_CACHE`; `off` disables it).
 * A file's name is a hash of the chart's key (spec and width) and of the renderer's
 * version (Vega, Vega-Lite and Goalpost's renderer code), so a changed spec or renderer
 * never meets an old file. Writes are atomic (a temporary file renamed into place), a file
 * is checked against the hash of its content before use, and the folder can be deleted at
 * any time: a missing or damaged file is rendered again. The cache never fails a build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ChartCache {
  /** The folder, or null when the cache is off. */
  readonly dir: string | null;
  /** The SVG stored for a chart key, or null (absent, damaged, or the cache is off). */
  get(key: string): string | null;
  /** Stores a chart's SVG (best effort: an unwritable folder only loses the cache). */
  set(key: string, svg: string): void;
}

/** The cache folder of a build: `GOALPOST_CHART_CACHE`, else `node_modules/.cache/goalpost/charts` of the working directory; null when off. */
export function chartCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const setting = env['GOALPOST_CHART_CACHE'];
  if (setting === 'off' || setting === '0') return null;
  return setting ? setting : join(cwd, 'node_modules', '.cache', 'goalpost', 'charts');
}

const HEADER = 'goalpost-chart 1 ';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A chart cache in a folder (null: off) for one renderer version. */
export function chartCache(dir: string | null, rendererVersion: string): ChartCache {
  const fileOf = (key: string) => {
    const name = sha256(`${rendererVersion}\u0000${key}`);
    return join(dir!, name.slice(0, 2), `${name.slice(2)}.svg`);
  };
  let counter = 0;
  // Folders made by this process: one mkdir each, not one per chart (a folder deleted meanwhile only loses writes).
  const made = new Set<string>();
  return {
    dir,
    get(key) {
      if (dir === null) return null;
      let text: string;
      try {
        text = readFileSync(fileOf(key), 'utf8');
      } catch {
        return null;
      }
      // First line: the header and the hash of the SVG after it (a damaged file is a miss).
      const newline = text.indexOf('\n');
      if (newline < 0 || !text.startsWith(HEADER)) return null;
      const svg = text.slice(newline + 1);
      return text.slice(HEADER.length, newline) === sha256(svg) ? svg : null;
    },
    set(key, svg) {
      if (dir === null) return;
      const file = fileOf(key);
      const temporary = `${file}.${process.pid}.${counter++}.tmp`;
      const folder = join(file, '..');
      try {
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        const write = () => {
          writeFileSync(temporary, `${HEADER}${sha256(svg)}\n${svg}`);
          renameSync(temporary, file);
        };
        try {
          write();
        } catch {
          // The folder deleted meanwhile: made again.
          mkdirSync(folder, { recursive: true });
          write();
        }
      } catch {
        made.delete(folder);
        rmSync(temporary, { force: true });
      }
    },
  };
}
