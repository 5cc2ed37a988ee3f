/**
 * A full garbage collection on demand. A build renders hundreds of pages and charts in one
 * process; V8 lets the garbage of that work (Astro's rendering, the charts' markup) pile up for
 * hundreds of MB before it collects. The build collects once, between rendering and the page
 * check, so that parsing every page does not stack on that garbage. (Collecting every 400 charts
 * as well, when Vega drew them, cost ~0.8 s of CPU on the L root once the charts were drawn
 * directly, for ~70 MB of peak.)
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
