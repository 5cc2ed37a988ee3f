/**
 * Which goalpost computes the figures: its version and a digest of the code every figure comes
 * from (`src/core` and the loader, `src/load`; shipped with the package). A snapshot records it when frozen, so
 * that figures computed again at the snapshot's commit by the same core must agree (a difference
 * is a hand edit), while a newer core may compute them otherwise (a note). The edge that reads
 * the package's own files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The goalpost that froze a snapshot: `version` from its package.json, `core` a digest of its core's code. */
export interface GoalpostBuild {
  readonly version: string;
  readonly core: string;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
let current: GoalpostBuild | undefined;

/**
 * This goalpost's version and core digest (read once per process); where its files cannot be read
 * (a bundle that moved this module), an empty digest that matches no snapshot's.
 */
export function goalpostBuild(): GoalpostBuild {
  if (current) return current;
  try {
    current = readBuild();
  } catch {
    current = { version: 'unknown', core: '' };
  }
  return current;
}

function readBuild(): GoalpostBuild {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${rel}${entry.name}/`);
      else if (entry.isFile() && entry.name.endsWith('.ts'))
        hash.update(`${rel}${entry.name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(join(PACKAGE_ROOT, 'src', 'core'), 'core/');
  walk(join(PACKAGE_ROOT, 'src', 'load'), 'load/');
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return { version: typeof pkg.version === 'string' ? pkg.version : 'unknown', core: hash.digest('hex').slice(0, 16) };
}
