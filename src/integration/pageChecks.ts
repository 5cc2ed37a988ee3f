/**
 * Pages checked while the build renders: a worker thread runs the page check
 * (`src/site/pageCheck.ts`) on each page the middleware (`pageCheckSink.ts`) hands it, on the
 * core that rendering leaves idle. Its verdicts are keyed by the page's digest, so the check of
 * the written files (`checkBuiltPages`) takes a verdict only for the very bytes it was given, and
 * checks any other page itself (restored pages, pages the thread never answered for: a failed
 * thread loses time, never a check).
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { PAGE_CHECK_SINK, type PageCheckSink } from './pageCheckSink.ts';

/** A page's digest (SHA-256 of its bytes), the key of pages already found clean. */
export function pageDigest(html: string | Uint8Array): string {
  return createHash('sha256').update(html).digest('hex');
}

/** A page's verdict from the check thread, by its digest: true when clean. */
export type PageVerdicts = ReadonlyMap<string, boolean>;

/** The check thread of a build: `settled` waits for every page handed to it and ends the thread. */
export interface PageChecks {
  settled(): Promise<PageVerdicts>;
}

/** Starts the check thread and sets up the sink the middleware hands pages to. */
export function startPageChecks(): PageChecks {
  const compiled = import.meta.url.endsWith('.js');
  const worker = new Worker(new URL(compiled ? './pageCheckWorker.js' : './pageCheckWorker.ts', import.meta.url));
  worker.unref();
  const verdicts = new Map<string, boolean>();
  let pending = 0;
  let failed = false;
  let drained: (() => void) | null = null;
  const finish = (): void => {
    if (pending === 0 || failed) drained?.();
  };
  worker.on('message', ({ digest, clean }: { digest: string; clean: boolean }) => {
    verdicts.set(digest, clean);
    pending--;
    finish();
  });
  worker.on('error', () => {
    failed = true;
    finish();
  });
  worker.on('exit', () => {
    failed = true;
    finish();
  });
  const sink: PageCheckSink = {
    submit(bytes) {
      if (failed) return;
      pending++;
      worker.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
    },
  };
  const slot = globalThis as Record<symbol, PageCheckSink | undefined>;
  slot[PAGE_CHECK_SINK] = sink;
  return {
    async settled() {
      delete slot[PAGE_CHECK_SINK];
      if (pending > 0 && !failed) await new Promise<void>((resolve) => (drained = resolve));
      await worker.terminate();
      return verdicts;
    },
  };
}
