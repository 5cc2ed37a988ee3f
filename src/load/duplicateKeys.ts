/**
 * Keys written twice in one JSON object. `JSON.parse` keeps the last one without a word,
 * so two "impressions" in a row would silently drop a figure; this scan finds them in
 * one pass over the text (no tree), so that valid files still load at about parse speed.
 */

export interface DuplicateKey {
  readonly key: string;
  /** Offsets of the opening quote of the repeated key and of its first occurrence. */
  readonly offset: number;
  readonly firstOffset: number;
}

const QUOTE = 34;
/** Objects with more keys than this are checked through a set. */
const LINEAR_LIMIT = 32;
const BACKSLASH = 92;

/**
 * Every repeated key of every object in a JSON text (assumed to be valid JSON); past `limit`
 * of them, they are only counted in `tally.more`.
 */
export function duplicateKeys(
  text: string,
  limit = Infinity,
  tally: { more: number; deepAt?: number } = { more: 0 },
  /** Stop at the first `[` or `{` nested deeper than this, its offset in `tally.deepAt`. */
  maxDepth = Infinity,
): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const bigObjects = new WeakMap<number[], Map<string, number>>();
  // One frame per open object (flat [start, end, escaped] triples of its keys' contents) or array (null).
  const stack: Array<number[] | null> = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      let j = start;
      let escaped = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === BACKSLASH) {
          escaped = true;
          j += 2;
        } else if (d === QUOTE) break;
        else j++;
      }
      const frame = stack[stack.length - 1];
      if (expectKey && frame && frame.length >= LINEAR_LIMIT * 3) {
        // A large object: compare decoded keys through a set (the linear scan would be quadratic).
        const key = keyText(text, start, j);
        let seen = bigObjects.get(frame);
        if (!seen) {
          seen = new Map();
          for (let k = 0; k < frame.length; k += 3) seen.set(keyText(text, frame[k]!, frame[k + 1]!), frame[k]!);
          bigObjects.set(frame, seen);
        }
        const first = seen.get(key);
        if (first !== undefined) {
          if (out.length < limit) out.push({ key, offset: start - 1, firstOffset: first - 1 });
          else tally.more++;
        } else seen.set(key, start);
        expectKey = false;
      } else if (expectKey && frame) {
        for (let k = 0; k < frame.length; k += 3) {
          if (sameKey(text, frame[k]!, frame[k + 1]!, start, j, escaped || frame[k + 2] === 1)) {
            if (out.length < limit) out.push({ key: keyText(text, start, j), offset: start - 1, firstOffset: frame[k]! - 1 });
            else tally.more++;
            break;
          }
        }
        frame.push(start, j, escaped ? 1 : 0);
        expectKey = false;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      // { [
      if (stack.length >= maxDepth) {
        tally.deepAt = i;
        break;
      }
      stack.push(c === 123 ? [] : null);
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } // } ]
    else if (c === 44) expectKey = stack[stack.length - 1] != null; // ,
  }
  return out;
}

function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

function sameKey(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number, escaped: boolean): boolean {
  if (escaped) return keyText(text, aStart, aEnd) === keyText(text, bStart, bEnd);
  const length = aEnd - aStart;
  if (length !== bEnd - bStart) return false;
  for (let k = 0; k < length; k++) if (text.charCodeAt(aStart + k) !== text.charCodeAt(bStart + k)) return false;
  return true;
}

/** The 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
