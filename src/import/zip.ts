/**
 * How large an XLSX (a zip) unpacks, checked before SheetJS reads it: SheetJS unpacks every
 * part whole and trusts no limit, so a small file of a few hundred KB can unpack to gigabytes.
 * The parts are found the way SheetJS finds them (the last end-of-directory record, the
 * directory's offsets, then each local header's method and data), and both the sizes the zip
 * declares and the sizes its parts really unpack to are counted. Pure.
 */
import { inflateRawSync } from 'node:zlib';

/** How much the parts of a workbook may unpack to in all (as large as an input file may be). */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;

/** The outcome: the part where the unpacked size goes past the limit, or a directory that cannot be followed. */
export type Oversized = { readonly part: string } | { readonly damaged: true } | null;

/**
 * Where a zip's parts unpack to more than `limit` bytes in all: the part where it goes past,
 * `damaged` when its directory leads outside the file (it is then not read at all), or null
 * when they fit or the bytes have no zip directory (SheetJS then says what they are).
 */
export function oversizedPart(bytes: Uint8Array, limit: number = MAX_WORKBOOK_BYTES): Oversized {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(bytes);
  if (end < 0) return null;
  const fits = (at: number, length: number): boolean => at >= 0 && at + length <= bytes.length;
  if (!fits(end, 22)) return { damaged: true };
  const count = view.getUint16(end + 8, true);
  let at = view.getUint32(end + 16, true);
  let declared = 0;
  let left = limit;
  for (let i = 0; i < count; i++) {
    if (!fits(at, 46)) return { damaged: true };
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if (!fits(at + 46, nameLength)) return { damaged: true };
    const part = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF: the real size is in a ZIP64 field; the unpacking below measures it.
    if (unpacked !== 0xffffffff) {
      declared += unpacked;
      if (declared > limit) return { part };
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    // The local header decides how the part is stored, as SheetJS reads it.
    if (!fits(local, 30)) return { damaged: true };
    const method = view.getUint16(local + 8, true);
    const stored = view.getUint32(local + 18, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start > bytes.length) return { damaged: true };
    if (method !== 8) {
      left -= Math.min(stored, bytes.length - start);
    } else {
      try {
        // From the data to the end of the file, as SheetJS does: the stream's own end decides.
        left -= inflateRawSync(bytes.subarray(start), { maxOutputLength: Math.max(1, left + 1) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { part };
        // a damaged part: SheetJS reports the workbook as unreadable
      }
    }
    if (left < 0) return { part };
  }
  return null;
}

/** The offset of the last end-of-central-directory signature, or −1 (searched as SheetJS searches). */
function endOfCentralDirectory(bytes: Uint8Array): number {
  for (let i = bytes.length - 4; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}
