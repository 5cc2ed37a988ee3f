/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) of pages of a built site, served
 * compressed on localhost and audited in Debian's Chromium (no browser download).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../test/e2e/harness.ts';

export interface LighthouseScores {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
}

/** Audits one page of a built site (path relative to its root). */
export async function audit(dist: string, path: string): Promise<LighthouseScores> {
  const server = await serve(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
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
  try {
    const result = await lighthouse(new URL(path, server.url).href, {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      output: 'json',
      logLevel: 'error',
    });
    const categories = result?.lhr.categories;
    return {
      performance: categories?.['performance']?.score ?? 0,
      accessibility: categories?.['accessibility']?.score ?? 0,
      bestPractices: categories?.['best-practices']?.score ?? 0,
      seo: categories?.['seo']?.score ?? 0,
    };
  } finally {
    await chrome.kill();
    await server.close();
  }
}

if (import.meta.main) {
  const [dist, path = ''] = process.argv.slice(2);
  if (!dist) throw new Error('usage: lighthouse.ts <dist> [page path]');
  console.log(await audit(dist, path));
}
