/**
 * A disk cache of bytes that a build computes from an input it can hash (the chart cache's
 * pattern, for binary content): one file per key, named by the SHA-256 of the key and of the
 * version of whatever computes the bytes, so a changed input or renderer never meets an old file.
 * Each file starts with a header line holding the SHA-256 of the bytes after it and is used only
 * if they match; writes go to a temporary file renamed into place, so an interrupted build
 * leaves no half file. The folder can be deleted at any time; an unreadable or unwritable folder
 * only loses the cache. Never throws.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileCache {
  /** The folder, or null when the cache is off. */
  readonly dir: string | null;
  /** The bytes stored for a key, or null (absent, damaged, or the cache is off). */
  get(key: string): Uint8Array<ArrayBuffer> | null;
  /** Stores the bytes of a key (best effort). */
  set(key: string, bytes: Uint8Array): void;
}

const HEADER = 'goalpost-cache 1 ';
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A cache in a folder (null: off) for one version of what computes the bytes; files end in `extension`. */
export function fileCache(dir: string | null, version: string, extension: string): FileCache {
  const fileOf = (key: string): string => {
    const name = sha256(`${version}\u0000${key}`);
    return join(dir!, name.slice(0, 2), `${name.slice(2)}${extension}`);
  };
  let counter = 0;
  return {
    dir,
    get(key) {
      if (dir === null) return null;
      let data: Buffer;
      try {
        data = readFileSync(fileOf(key));
      } catch {
        return null;
      }
      const newline = data.indexOf(0x0a);
      if (newline < 0 || data.subarray(0, HEADER.length).toString('latin1') !== HEADER) return null;
      const bytes = data.subarray(newline + 1);
      if (data.subarray(HEADER.length, newline).toString('latin1') !== sha256(bytes)) return null;
      return new Uint8Array(bytes);
    },
    set(key, bytes) {
      if (dir === null) return;
      const file = fileOf(key);
      const temporary = `${file}.${process.pid}.${counter++}.tmp`;
      try {
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(temporary, Buffer.concat([Buffer.from(`${HEADER}${sha256(bytes)}\n`, 'latin1'), bytes]));
        renameSync(temporary, file);
      } catch {
        try {
          rmSync(temporary, { force: true });
        } catch {
          // Nothing more to do: the cache is only lost.
        }
      }
    },
  };
}
