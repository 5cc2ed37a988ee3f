/** Dev tool: `node scripts/screenshot.ts <dist> <page path> <width> <out.png> [css selector]` serves a built site and screenshots a page (or one element) in Chromium; OPEN_DETAILS=1 opens every <details> first. */
import { launchBrowser, serve } from '../test/e2e/harness.ts';

const [dist, path = '', width = '1280', out = 'screenshot.png', selector] = process.argv.slice(2);
if (!dist) throw new Error('usage: screenshot.ts <dist> [path] [width] [out.png]');
const server = await serve(dist);
const browser = await launchBrowser();
const page = await browser.newPage();
await page.setViewportSize({ width: Number(width), height: 900 });
if (process.env['SCHEME'] === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
if (process.env['MEDIA'] === 'print') await page.emulateMedia({ media: 'print' });
await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
if (process.env['OPEN_DETAILS'])
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: true });
await browser.close();
await server.close();
