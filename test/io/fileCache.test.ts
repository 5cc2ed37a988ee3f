/**
 * The disk cache of computed bytes: a stored value comes back byte for byte, a different key or
 * version never meets it, a damaged or forged file is a miss, and a folder that is gone or cannot
 * be written only loses the cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache } from '../../src/io/fileCache.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe('the file cache', () => {
  it('gives back what was stored, byte for byte, for the same key and version only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-filecache-'));
    const bytes = new Uint8Array([0, 10, 255, 10, 13, 0, 1]);
    const cache = fileCache(dir, 'v1', '.bin');
    expect(cache.get('a')).toBeNull();
    cache.set('a', bytes);
    expect(cache.get('a')).toEqual(bytes);
    expect(fileCache(dir, 'v1', '.bin').get('a')).toEqual(bytes);
    expect(cache.get('b')).toBeNull();
    expect(fileCache(dir, 'v2', '.bin').get('a')).toBeNull();
    const [file] = files(dir);
    expect(file).toMatch(/[/\\][0-9a-f]{2}[/\\][0-9a-f]{62}\.bin$/);
    expect(files(dir)).toHaveLength(1); // no temporary file left
  });

  it('treats a damaged or truncated file as absent, and stores again over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-filecache-'));
    const cache = fileCache(dir, 'v1', '.bin');
    cache.set('a', new Uint8Array([1, 2, 3]));
    const [file] = files(dir);
    const text = readFileSync(file!);
    writeFileSync(file!, Buffer.concat([text, Buffer.from([4])]));
    expect(cache.get('a')).toBeNull();
    writeFileSync(file!, text.subarray(0, 20));
    expect(cache.get('a')).toBeNull();
    writeFileSync(file!, 'something else');
    expect(cache.get('a')).toBeNull();
    cache.set('a', new Uint8Array([1, 2, 3]));
    expect(cache.get('a')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('is off with no folder, and only loses the cache when the folder is deleted or cannot be written', () => {
    const off = fileCache(null, 'v1', '.bin');
    off.set('a', new Uint8Array([1]));
    expect(off.get('a')).toBeNull();

    const dir = mkdtempSync(join(tmpdir(), 'goalpost-filecache-'));
    const cache = fileCache(dir, 'v1', '.bin');
    cache.set('a', new Uint8Array([1]));
    rmSync(dir, { recursive: true, force: true });
    expect(cache.get('a')).toBeNull();
    cache.set('a', new Uint8Array([2]));
    expect(cache.get('a')).toEqual(new Uint8Array([2]));

    const blocked = join(mkdtempSync(join(tmpdir(), 'goalpost-filecache-')), 'file');
    writeFileSync(blocked, 'not a folder');
    const unwritable = fileCache(blocked, 'v1', '.bin');
    expect(() => unwritable.set('a', new Uint8Array([1]))).not.toThrow();
    expect(unwritable.get('a')).toBeNull();
  });
});
