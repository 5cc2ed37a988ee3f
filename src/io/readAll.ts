/** Reading a whole file from an open handle, as the content-root reader and `import` both do. */
import type { FileHandle } from 'node:fs/promises';

/**
 * The bytes of an open file, at most `size` of them (its size when it was checked): read until
 * the end, since one read may return fewer bytes than asked for.
 */
export async function readAll(handle: FileHandle, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}
