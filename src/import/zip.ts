/**
 * How large an XLSX (a zip) unpacks, checked before SheetJS reads it: SheetJS unpacks every
 * part whole and trusts no limit, so a small file of a few hundred KB can unpack to gigabytes.
 * Both the sizes the zip declares and the sizes its parts really unpack to are checked. Pure.
 */
import { inflateRawSync } from 'node:zlib';

/** How much the parts of a workbook may unpack to in all (as large as an input file may be). */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The first part of a zip past which its parts unpack to more than `limit` bytes in all, or
 * null when they fit (or when the bytes are no zip this can read: SheetJS then says why).
 */
export function oversizedPart(bytes: Uint8Array, limit: number = MAX_WORKBOOK_BYTES): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const parts: Array<{ name: string; method: number; start: number; size: number }> = [];
  let at = view.getUint32(end + 16, true);
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF: the real size is in a ZIP64 field; the unpacking below measures it.
    if (unpacked !== 0xffffffff) {
      declared += unpacked;
      if (declared > limit) return name;
    }
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    parts.push({ name, method, start, size });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // The declared sizes may lie: unpack each part (at most the bytes left) and count.
  let left = limit;
  for (const part of parts) {
    if (part.method !== 8) {
      left -= part.size;
      if (left < 0) return part.name;
      continue;
    }
    try {
      left -= inflateRawSync(bytes.subarray(part.start, part.start + part.size), {
        maxOutputLength: Math.max(1, left + 1),
      }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return part.name;
      continue; // a damaged part: SheetJS reports the workbook as unreadable
    }
    if (left < 0) return part.name;
  }
  return null;
}

/** The offset of the end-of-central-directory record (searched back over a trailing comment), or −1. */
function endOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= 0 && at >= view.byteLength - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}
