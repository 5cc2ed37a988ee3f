/**
 * Pages checked on another thread while the build renders (src/integration/pageChecks.ts): the
 * thread's verdicts are keyed by the bytes' digest, and the check of the written pages takes a
 * verdict only for those very bytes; a page the thread found dirty, or never saw, is checked
 * where it is.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuiltPages } from '../../src/integration/output.ts';
import { PAGE_CHECK_SINK, type PageCheckSink, onRequest } from '../../src/integration/pageCheckSink.ts';
import { pageDigest, startPageChecks } from '../../src/integration/pageChecks.ts';

const dist = mkdtempSync(join(tmpdir(), 'goalpost-page-checks-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const clean = '<html><body><p>fine — café, 1 234 € 📈</p></body></html>';
const scripted = '<html><body><p>Données</p><img src="https://tracker.example/p.gif"></body></html>';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const sink = (): PageCheckSink | undefined => (globalThis as Record<symbol, PageCheckSink | undefined>)[PAGE_CHECK_SINK];

describe('the page check thread', () => {
  it('answers, by digest, whether each page handed to it is clean, and takes its sink away when settled', async () => {
    const checks = startPageChecks();
    sink()!.submit(bytes(clean));
    sink()!.submit(bytes(scripted));
    const verdicts = await checks.settled();
    expect(verdicts).toEqual(
      new Map([
        [pageDigest(clean), true],
        [pageDigest(scripted), false],
      ]),
    );
    expect(sink()).toBeUndefined();
  });

  it('settles with no page at all', async () => {
    expect(await startPageChecks().settled()).toEqual(new Map());
  });
});

describe('the middleware', () => {
  const context = {} as Parameters<typeof onRequest>[0];
  const page = (body: string, type: string): Response => new Response(body, { status: 200, headers: { 'content-type': type } });

  it('hands an HTML page to the thread and gives Astro the same bytes, status and headers', async () => {
    const checks = startPageChecks();
    const response = (await onRequest(context, async () => page(scripted, 'text/html; charset=utf-8'))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes(scripted));
    expect(await checks.settled()).toEqual(new Map([[pageDigest(scripted), false]]));
  });

  it('passes other files, and every response outside a build, untouched', async () => {
    const checks = startPageChecks();
    const csv = page('a,b\n1,2\n', 'text/csv');
    expect(await onRequest(context, async () => csv)).toBe(csv);
    expect(await checks.settled()).toEqual(new Map());
    const html = page(clean, 'text/html');
    expect(await onRequest(context, async () => html)).toBe(html);
  });
});

describe("checking built pages with the thread's verdicts", () => {
  it('takes a clean verdict for the same bytes only, and checks a page found dirty or not seen', async () => {
    mkdirSync(join(dist, 'goals'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), clean);
    writeFileSync(join(dist, 'goals', 'index.html'), scripted);
    const found = new Set<string>();
    const dirty = new Map([
      [pageDigest(clean), true],
      [pageDigest(scripted), false],
    ]);
    expect((await checkBuiltPages(dist, dist, { verdicts: dirty, clean: found })).map((p) => p.file)).toEqual([
      'goals/index.html',
    ]);
    expect([...found]).toEqual([pageDigest(clean)]);
    // A clean verdict is taken for its bytes as they are (the thread checked them): not parsed again.
    const trusted = new Map([[pageDigest(scripted), true]]);
    expect(await checkBuiltPages(dist, dist, { verdicts: trusted })).toEqual([]);
    // Other bytes than those the thread saw: checked here.
    writeFileSync(join(dist, 'goals', 'index.html'), `${scripted}\n`);
    expect((await checkBuiltPages(dist, dist, { verdicts: trusted })).map((p) => p.file)).toEqual(['goals/index.html']);
  });
});
