/**
 * A full garbage collection on demand. A build renders hundreds of pages and charts in one
 * process; V8 lets the garbage of that work (Vega's dataflow and scenegraphs, Astro's rendering)
 * pile up for hundreds of MB before it collects, and the build's peak RSS is mostly that
 * garbage. Collecting at a few points of the build keeps the heap near what is live.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/** Collects the garbage now (a full, synchronous collection). */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
