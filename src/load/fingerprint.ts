/** The fingerprint of a report's inputs: SHA-256 of each content file, and one hash over them all. */
import { createHash } from 'node:crypto';
import type { InputsFingerprint } from '../core/snapshot.ts';
import type { SourceFile } from './files.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Fingerprints files by path and content (order-independent). */
export function fingerprintInputs(files: readonly SourceFile[]): InputsFingerprint {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries = sorted.map((f) => [f.path, sha256(f.text)] as const);
  const fingerprint = `sha256:${sha256(entries.map(([p, h]) => `${p}\0${h}\n`).join(''))}`;
  return { fingerprint, files: Object.fromEntries(entries) };
}
