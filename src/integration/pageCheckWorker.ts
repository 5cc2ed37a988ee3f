/**
 * The page check's thread (`pageChecks.ts`): takes pages' bytes, answers with each page's digest
 * and whether the page is clean.
 */
import { parentPort } from 'node:worker_threads';
import { pageViolations } from '../site/pageCheck.ts';
import { pageDigest } from './pageChecks.ts';

parentPort?.on('message', (bytes: Uint8Array) => {
  const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  parentPort!.postMessage({ digest: pageDigest(bytes), clean: pageViolations(html).length === 0 });
});
