/**
 * Content files are UTF-8. Bytes that are not (a Latin-1 `é` saved by an old editor) are
 * reported with their place, never silently turned into U+FFFD.
 */

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of UTF-8 bytes (a leading BOM dropped), or where and why they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string; line: number; column: number } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    if (
      offset === 0 &&
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    ) {
      return { error: 'the file is UTF-16, not UTF-8: save the file as UTF-8', line: 1, column: 1 };
    }
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++)
      if (bytes[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
    const column = (line === 1 && before.startsWith('\uFEFF') ? before.length - 1 : before.length) + 1;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      error: `the file is not UTF-8: byte 0x${byte} at line ${line} column ${column}; save the file as UTF-8 (it looks like Latin-1 or Windows-1252)`,
      line,
      column,
    };
  }
}

/** The offset of the first byte that does not start a valid UTF-8 sequence (the length if all are valid). */
export function firstInvalidByte(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    const c1 = b[i + 1];
    if (c1 === undefined || c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const ck = b[i + k];
      if (ck === undefined || ck < 0x80 || ck > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}
