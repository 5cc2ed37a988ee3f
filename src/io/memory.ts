/**
 * A full garbage collection on demand. A build renders hundreds of pages and charts in one
 * process; V8 lets the garbage of that work (Vega's dataflow and scenegraphs, Astro's rendering)
 * pile up for hundreds of MB before it collects, and the build's peak RSS is mostly that
 * garbage. Collecting at a few points of the build keeps the heap near what is live.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/** Collects the garbage now (a full, synchronous collection); does nothing where V8 does not offer it. */
export function collectGarbage(): void {
  if (!gc) {
    try {
      // The flag is read when a context is created: a new context gets `gc` even though the process started without it.
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = () => undefined;
    }
  }
  gc();
}
