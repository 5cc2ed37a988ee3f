/** A project folder for launch records: its own content root, a content root outside it, an output folder (issue 15). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'goalpost-launch-'));

let n = 0;
/** A project folder (with its own content root) and a content root outside it. */
export function launchProject(): { dir: string; outside: string; target: string; cache: string } {
  const dir = join(work, `project-${n}`);
  const outside = join(work, `root-${n++}`);
  for (const d of ['goals', 'data/x', 'node_modules/astro', '.git', '.astro', 'public', 'config'])
    mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), "import site from './config/site.mjs';\nexport default site;\n");
  writeFileSync(join(dir, 'config', 'site.mjs'), 'export default {};\n');
  writeFileSync(join(dir, 'goals', 'goals.yaml'), 'goals: []\n');
  writeFileSync(join(dir, 'data', 'x', '2026.json'), '{"channel":"x","rows":[]}');
  writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{"packages":{}}');
  mkdirSync(join(outside, 'data'), { recursive: true });
  writeFileSync(join(outside, 'data', 'y.json'), '{"channel":"y","rows":[]}');
  const target = join(dir, 'dist');
  mkdirSync(target);
  writeFileSync(join(target, 'index.html'), '<p>built</p>');
  return { dir, outside, target, cache: join(dir, 'node_modules', '.astro') };
}
