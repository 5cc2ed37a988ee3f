/**
 * Bytes → text for platform exports (import-formats.md §1 "Encoding"): the BOM decides
 * (UTF-16LE, UTF-16BE, UTF-8); without one, strict UTF-8, falling back to windows-1252.
 * Line endings are normalised to `\n` (line numbers do not change: `\r\n` is one break).
 */
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
}

/** Decodes a file's bytes; never throws (windows-1252 maps every byte). */
export function decode(bytes: Uint8Array): Decoded {
  let encoding: Encoding = 'utf-8';
  let bom = false;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    bom = true;
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    bom = true;
  } else if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = true;
  else if (looksLikeUtf16le(bytes)) encoding = 'utf-16le';
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      encoding = 'windows-1252';
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  } else {
    text = new TextDecoder(encoding).decode(bytes);
  }
  return { text: normaliseNewlines(text), encoding, bom };
}

/**
 * The file as UTF-8 bytes with `\n` line ends, for the CSV parser: valid UTF-8 without a
 * `\r` is passed through as a view (BOM skipped, no copy); anything else is decoded and re-encoded.
 */
export function utf8Lines(bytes: Uint8Array): Uint8Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const utf16 = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
  if (!utf16 && buf.indexOf(13) < 0 && isUtf8(buf) && (bom || !looksLikeUtf16le(bytes))) return bom ? buf.subarray(3) : buf;
  return Buffer.from(decode(bytes).text, 'utf8');
}

/** UTF-16LE without a BOM: ASCII text has a zero in every odd byte. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 200) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0 && bytes[i - 1] !== 0) zeros++;
  return zeros >= (n / 2) * 0.9;
}

function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
