/** End-to-end helpers: build a content root into a folder, serve it on localhost, drive Debian's Chromium. */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const LOCK = join(import.meta.dirname, '../../node_modules/.cache/goalpost-tests/build.lock');
/** A lock older than this was left by a killed run. */
const STALE_MS = 10 * 60_000;

/**
 * Runs one build of this project at a time across test files (vitest runs files in parallel):
 * builds share the project's `.astro/` folder (content modules, the content store), and two at
 * once can mix one root's modules into the other's bundle. A folder is the lock (mkdir is atomic).
 */
export function withBuildLock<T>(build: () => T): T {
  mkdirSync(dirname(LOCK), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      Atomics.wait(pause, 0, 0, 250);
    }
  }
  try {
    return build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the site of a content root into a fresh folder (through npm, so Node 24 and the project's Astro are used). */
export function buildSite(root: string, outDir = mkdtempSync(join(tmpdir(), 'goalpost-dist-'))): string {
  withBuildLock(() =>
    execFileSync('npm', ['run', '-s', 'build', '--', '--outDir', outDir], {
      env: { ...process.env, GOALPOST_ROOT: root },
      stdio: 'pipe',
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  return outDir;
}

/** Every file under a folder, relative paths with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves a built site on a free localhost port, under its base path, compressed and cacheable like a static host. */
export async function serve(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = join(dir, path.slice(base.length));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      createReadStream(join(dir, '404.html')).pipe(res);
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = /gzip/.test(String(req.headers['accept-encoding'] ?? '')) && !/woff2?$/.test(file);
    res.writeHead(200, {
      'content-type': type,
      'cache-control': path.includes('/_astro/') ? 'max-age=31536000, immutable' : 'max-age=600',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Debian's Chromium, headless, in a fresh profile; never a downloaded browser. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'goalpost-chromium-')), {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The inner HTML of a built page's KPI table cell: the row of `kpi`, the column of `scope` (a channel or `all`); '' if absent. */
export function kpiCell(html: string, kpi: string, scope: string): string {
  const row = new RegExp(`<tr data-kpi="${kpi}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
  return new RegExp(`<td[^>]*data-scope="${scope}"[^>]*>([\\s\\S]*?)</td>`).exec(row)?.[1] ?? '';
}

/** In the page: pairs of visible text boxes that overlap (each box as its text and rectangle). */
export const findOverlappingText = (): string[] => {
  const boxes: Array<{ r: DOMRect; text: string; el: Element }> = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const el = node.parentElement;
    if (!el || !node.textContent?.trim()) continue;
    if (el.closest('.visually-hidden, .skip, details:not([open]) > :not(summary), title')) continue;
    if (el.getClientRects().length === 0 && !(el instanceof SVGElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 0.5 && r.height > 0.5) boxes.push({ r, text: node.textContent.trim().slice(0, 40), el });
    }
  }
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.el === b.el) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) overlaps.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  return overlaps;
};
