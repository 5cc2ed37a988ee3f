/**
 * The build's output folder: the staging folder a build writes into, the check of the pages
 * it wrote, and publishing (the staging folder takes the output folder's place by renames on
 * one file system; the previous output stays whole until then).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../load/problems.ts';
import { NARRATIVES_DIR } from '../site/narrativeCheck.ts';
import { pageViolations } from '../site/pageCheck.ts';

/** The staging folder of an output folder: beside it, so that publishing is a rename. */
export function stagingFor(target: string): string {
  return `${target.replace(/[/\\]+$/, '')}.goalpost-staging`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string): Promise<void> => {
    for (const entry of await readdir(abs, { withFileTypes: true })) {
      const child = join(abs, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.html')) out.push(child);
    }
  };
  await walk(dir);
  return out.sort();
}

function pointOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** A page's digest (SHA-256 of its bytes), the key of pages already found clean. */
export function pageDigest(html: string | Uint8Array): string {
  return createHash('sha256').update(html).digest('hex');
}

/**
 * Every built page's script or foreign load, as problems: at the narrative's line and column
 * when the page is a quarter's and its narrative holds the offending text, else at the page.
 * Pages whose digest is in `known` (found clean by the same checker before: same bytes, same
 * verdict) are not parsed again; the digest of every page found clean is added to `clean`.
 */
export async function checkBuiltPages(
  dir: string,
  root: string,
  { known = new Set<string>(), clean = new Set<string>() }: { known?: ReadonlySet<string>; clean?: Set<string> } = {},
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const file of await htmlFiles(dir)) {
    // The bytes' digest is the text's (UTF-8 both ways): a page known clean is not decoded. Read
    // synchronously: one page at a time through the thread pool left the main thread waiting.
    const bytes = readFileSync(file);
    const digest = pageDigest(bytes);
    if (known.has(digest)) {
      clean.add(digest);
      continue;
    }
    const html = bytes.toString('utf8');
    const violations = pageViolations(html);
    if (violations.length === 0) {
      clean.add(digest);
      continue;
    }
    const page = relative(dir, file).split(sep).join('/');
    const quarter = /^reports\/(\d{4}-q[1-4])\/index\.html$/.exec(page)?.[1];
    const narrativePath = quarter ? `${NARRATIVES_DIR}/${quarter}.mdx` : null;
    const narrative =
      narrativePath && existsSync(join(root, narrativePath)) ? await readFile(join(root, narrativePath), 'utf8') : null;
    for (const v of violations) {
      const message = `the built page ${page} would have ${v.message}: pages run no script and load nothing from another host`;
      const inNarrative = narrative && v.evidence !== '' ? narrative.indexOf(v.evidence) : -1;
      if (narrativePath && narrative && inNarrative >= 0)
        problems.push({ file: narrativePath, ...pointOf(narrative, inNarrative), message });
      else problems.push({ file: page, ...pointOf(html, Math.max(0, html.indexOf(v.evidence))), message });
    }
  }
  return problems;
}

/**
 * Publishes a staging folder as `target` (null: discards it): the previous output is moved
 * aside, the staging folder renamed into its place, then the old one removed; if the rename
 * fails the previous output is put back.
 */
export async function publish(staging: string, target: string | null): Promise<void> {
  if (target === null) {
    await rm(staging, { recursive: true, force: true });
    return;
  }
  const old = `${target.replace(/[/\\]+$/, '')}.goalpost-previous`;
  await rm(old, { recursive: true, force: true });
  const hadTarget = existsSync(target);
  if (hadTarget) await rename(target, old);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
