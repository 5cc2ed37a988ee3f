/**
 * The page check's middleware: a build's pages are checked (no script, nothing from another
 * host: `src/site/pageCheck.ts`) on another thread while the next ones render, not all after the
 * last one. Each HTML response's bytes, exactly as Astro will write them, go to the sink the
 * integration set up (`pageChecks.ts`); a page not seen here (restored from the last build, or
 * built without the sink) is checked at the end as before. Outside a build there is no sink and
 * responses pass untouched. It imports nothing, so that Vite bundles it as it is.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the middleware finds the sink, shared through `globalThis` with the integration. */
export const PAGE_CHECK_SINK = Symbol.for('goalpost.pageCheckSink');

/** What takes a page's bytes to check. */
export interface PageCheckSink {
  submit(bytes: Uint8Array): void;
}

/** Hands each HTML page's bytes to the sink, and Astro the same bytes in a new response. */
export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  const sink = (globalThis as Record<symbol, PageCheckSink | undefined>)[PAGE_CHECK_SINK];
  if (!sink || !response.body || !(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  sink.submit(bytes.slice());
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
};
