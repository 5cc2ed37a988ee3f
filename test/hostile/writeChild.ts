/**
 * A goalpost process for the signal tests of writes.test.ts: runs `import` or `freeze` with a
 * pause at one point of the write (`staged` or `partly-renamed`), says so on stdout and waits
 * there until a signal interrupts the write (or 30 s pass).
 * Usage: node test/hostile/writeChild.ts <import|freeze> <point> <arguments>...
 */
import { runFreeze } from '../../src/cli/freeze.ts';
import { runImport } from '../../src/cli/import.ts';
import { processIo } from '../../src/cli/io.ts';
import type { PausePoint, WriteSeam } from '../../src/io/atomic.ts';

const [command, point, ...args] = process.argv.slice(2);
const seam: WriteSeam = {
  pause: (at: PausePoint, interrupted: AbortSignal) =>
    at !== point
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          process.stdout.write(`paused at ${at}\n`);
          const timer = setTimeout(resolve, 30_000);
          interrupted.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              resolve();
            },
            { once: true },
          );
        }),
};
process.exitCode = await (command === 'freeze' ? runFreeze : runImport)(args, processIo(), seam);
