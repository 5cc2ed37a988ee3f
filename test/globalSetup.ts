/**
 * Every test run gets a scratch folder of its own as TMPDIR (its workers and the commands they
 * start inherit it, and `os.tmpdir()` reads it), removed when the run ends: the fixtures,
 * builds, git repositories and browser profiles the tests make in temporary folders never pile
 * up in the machine's /tmp, whichever test forgets to clean up or fails halfway.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const scratch = mkdtempSync(join(tmpdir(), 'gp-tests-'));
  process.env['TMPDIR'] = scratch;
  process.env['GOALPOST_TEST_SCRATCH'] = scratch;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(scratch, { recursive: true, force: true });
  };
}
