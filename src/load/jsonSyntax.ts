/**
 * The first syntax error of a JSON text and what to do about it, found in one pass over the text
 * (no tree, no re-scan): linear in the file's size, so a file of many megabytes, which V8's parser
 * reads without a position for most errors, gets the same place and hint as a small one.
 */

/** A JSON syntax error: where it is, the parser's words when they need replacing, and what to do. */
export interface JsonSyntaxProblem {
  /** The offset of the character the hint talks about (the text's length at its end). */
  readonly offset: number;
  /** Words for the error where a parser's would name another place or thing (null: the parser's stand). */
  readonly words: string | null;
  readonly hint: string;
}

/** The rule of JSON, for an error no mistake below explains. */
export const GENERAL_HINT = 'JSON wants double-quoted keys and text, a comma between two items and none after the last';

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;

type Want = 'value' | 'key' | 'colon' | 'comma' | 'end';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const isWordChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 95 || c === 36;
/** Characters written between groups of three digits: space, comma, point, apostrophe, no-break and thin spaces. */
const SEPARATORS = new Set([' ', ',', '.', "'", '\u00a0', '\u202f', '\u2009']);

/**
 * The first syntax error of a JSON text, with a hint read from the text at it (a comma after the last
 * item or none between two, a missing colon or value, a colon for a comma, a comment, single quotes,
 * a bare word, NaN, a bracket closed by the wrong sign, text not closed, a bad escape, a broken
 * number, a thousands separator or decimal comma, text after the end, an empty file), or null when
 * the text is valid JSON.
 */
export function jsonSyntaxProblem(source: string): JsonSyntaxProblem | null {
  const n = source.length;
  const stack: number[] = [];
  let want: Want = 'value';
  /** The last significant character read (0 at the start): a bracket, a comma, a colon, or a value's kind. */
  let prev = 0;
  /** Where the last number read starts and ends; -1 once another token than a comma follows it. */
  let numberStart = -1;
  let numberEnd = -1;
  const afterValue = (): Want => (stack.length === 0 ? 'end' : 'comma');
  const at = (offset: number, hint: string, words: string | null = null): JsonSyntaxProblem => ({ offset, words, hint });
  /** A thousands separator or decimal comma at `sep`, right after the last number and before a digit. */
  const separator = (sep: number): JsonSyntaxProblem | null =>
    numberEnd === sep && sep + 1 < n && isDigit(source.charCodeAt(sep + 1)) ? separatorProblem(source, numberStart, sep) : null;

  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) continue;
    const top = stack.length === 0 ? 0 : stack[stack.length - 1]!;

    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      const opener = c === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET;
      if (top === opener && (want === 'comma' || prev === opener)) {
        stack.pop();
        want = afterValue();
        prev = c;
        numberEnd = -1;
        continue;
      }
      if (prev === COMMA) return at(i, 'remove the comma after the last item: JSON allows none there');
      if (want === 'colon') return at(i, NO_VALUE);
      if (top !== 0 && top !== opener) {
        const [open, close] = top === OPEN_BRACE ? ['{', '}'] : ['[', ']'];
        return at(i, `this ${source[i]} closes a ${open}, which ${close} closes: check the brackets before it`);
      }
      return at(i, misplaced(want, top));
    }

    if (c === COMMA) {
      if (want === 'comma') {
        want = top === OPEN_BRACE ? 'key' : 'value';
        prev = c;
        continue; // the number before it stays known (`12,000`)
      }
      if (prev === COMMA || prev === OPEN_BRACE || prev === OPEN_BRACKET)
        return at(i, 'a comma with no item before it: remove it');
      if (want === 'colon') return at(i, NO_VALUE);
      return at(i, misplaced(want, top));
    }

    if (c === COLON) {
      if (want === 'colon') {
        want = 'value';
        prev = c;
        numberEnd = -1;
        continue;
      }
      if (want === 'comma' && top === OPEN_BRACE) return at(i, 'a colon where a comma belongs: replace it with a comma');
      return at(i, misplaced(want, top));
    }

    const startsValue = c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET || c === MINUS || isDigit(c) || isWordChar(c);
    if (!startsValue) {
      const found = separator(i);
      if (found) return found;
      return at(i, strayCharacter(source, i, want, numberEnd === i));
    }

    if (want !== 'value' && !(want === 'key' && c === QUOTE)) {
      const date = c === MINUS && numberEnd === i ? unquotedDate(source, numberStart) : null;
      if (date !== null) return at(numberStart, `write a date between double quotes: "${date}"`, 'Date without quotes');
      if (isDigit(c)) {
        const found = separator(i - 1);
        if (found) return found;
      }
      if (isWordChar(c) && !isDigit(c) && want !== 'end') {
        const word = wordAt(source, i);
        if (!LITERALS.has(word) || want === 'key') return at(i, wordHint(word));
      }
      return at(i, misplaced(want, top));
    }

    if (c === 48 && i + 1 < n && isDigit(source.charCodeAt(i + 1))) {
      const found = separator(i - 1);
      if (found) return found;
    }
    numberEnd = -1;
    if (c === QUOTE) {
      const end = scanString(source, i);
      if (typeof end !== 'number') return end;
      want = want === 'key' ? 'colon' : afterValue();
      prev = c;
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      stack.push(c);
      want = c === OPEN_BRACE ? 'key' : 'value';
      prev = c;
    } else if (c === MINUS || isDigit(c)) {
      const end = scanNumber(source, i);
      if (typeof end !== 'number') return end;
      numberStart = i;
      numberEnd = end;
      want = afterValue();
      prev = 48;
      i = end - 1;
    } else {
      const word = wordAt(source, i);
      if (!LITERALS.has(word)) return at(i, wordHint(word));
      want = afterValue();
      prev = 97;
      i += word.length - 1;
    }
  }
  if (want === 'end') return null;
  if (source.trim() === '') return at(0, 'the file is empty: it must hold one JSON object');
  return at(n, 'the text ends before every { and [ is closed: a } or ] is missing');
}

const NO_VALUE = 'a key has no value: write a colon and its value after it';

const LITERALS = new Set(['true', 'false', 'null']);

/** The date written without quotes at `start` (`2026-04-01`, `2026-04`), or null. */
function unquotedDate(source: string, start: number): string | null {
  return /^[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?![0-9])/.exec(source.slice(start, start + 11))?.[0] ?? null;
}

/** The run of letters, digits, `_` and `$` at `i`. */
function wordAt(source: string, i: number): string {
  let j = i;
  while (j < source.length && isWordChar(source.charCodeAt(j))) j++;
  return source.slice(i, j);
}

function wordHint(word: string): string {
  if (word === 'NaN' || word === 'Infinity')
    return `${word} is not a JSON number: leave the metric out of a row that has no value`;
  return 'write text and keys between double quotes; only numbers, true, false and null go without';
}

/** A bracket, comma, colon or value where the text before it wants something else. */
function misplaced(want: Want, top: number): string {
  switch (want) {
    case 'end':
      return 'the JSON ends before this: remove what follows, or the bracket that closes it too early';
    case 'colon':
      return 'a colon is missing between the key and its value';
    case 'comma':
      return 'a comma is missing before it, between two items';
    case 'value':
      return top === OPEN_BRACE ? 'a value is missing after the colon' : GENERAL_HINT;
    default:
      return GENERAL_HINT;
  }
}

/** A character that starts no JSON token (a comment, a single quote, a plus sign, a point). */
function strayCharacter(source: string, i: number, want: Want, afterNumber: boolean): string {
  const c = source[i];
  const next = source[i + 1] ?? '';
  if (c === '/' && (next === '/' || next === '*')) return 'JSON has no comments: remove it';
  if (want === 'end') return 'the JSON ends before this: remove what follows, or the bracket that closes it too early';
  if (c === '\u00a0' || c === '\u202f' || c === '\u2009' || c === '\ufeff')
    return 'a no-break or other special space: JSON allows only plain spaces, tabs and line breaks between items';
  if (c === "'") return 'write text and keys between double quotes ("), not single ones';
  if (want === 'value' && c === '+' && /[0-9]/.test(next)) return `a number has no plus sign: write ${numberText(source, i + 1)}`;
  if (want === 'value' && c === '.' && /[0-9]/.test(next)) return `a number starts with a digit: write 0${numberText(source, i)}`;
  if (afterNumber && c === '.') return 'a number has one decimal point at most, before its exponent';
  return GENERAL_HINT;
}

/** The number-like text at `i` (digits, a point, an exponent), for a hint's example. */
function numberText(source: string, i: number): string {
  return /^-?[0-9]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]*)?/.exec(source.slice(i, i + 64))![0];
}

/**
 * The end of the number at `start` (after its last character), or the error in it: a minus with no
 * digit, a leading zero, a point or an exponent with no digit after it.
 */
function scanNumber(source: string, start: number): number | JsonSyntaxProblem {
  const n = source.length;
  let j = start;
  if (source.charCodeAt(j) === MINUS) {
    j++;
    if (source.startsWith('Infinity', j)) return { offset: start, words: null, hint: wordHint('Infinity') };
    if (j >= n || !isDigit(source.charCodeAt(j)))
      return { offset: start, words: 'No number after minus sign', hint: 'a minus must be followed by digits' };
  }
  if (source.charCodeAt(j) === 48 && j + 1 < n && isDigit(source.charCodeAt(j + 1))) {
    const shown = numberText(source, start);
    const fixed = shown.replace(/^(-?)0+(?=[0-9])/, '$1');
    return {
      offset: j,
      words: 'Leading zero in a number',
      hint: `JSON numbers have no leading zero: write ${fixed}, not ${shown}`,
    };
  }
  while (j < n && isDigit(source.charCodeAt(j))) j++;
  if (source[j] === '.') {
    if (j + 1 >= n || !isDigit(source.charCodeAt(j + 1)))
      return {
        offset: j,
        words: 'No digit after the decimal point',
        hint: `a digit is missing after the decimal point: write ${source.slice(start, j)}.0 or ${source.slice(start, j)}`,
      };
    for (j++; j < n && isDigit(source.charCodeAt(j)); j++);
  }
  if (source[j] === 'e' || source[j] === 'E') {
    const e = j;
    j++;
    if (source[j] === '+' || source[j] === '-') j++;
    if (j >= n || !isDigit(source.charCodeAt(j)))
      return {
        offset: e,
        words: 'No digit in the exponent',
        hint: `an exponent needs digits after the e (${source.slice(start, e)}e3 is ${source.slice(start, e)} × 1000): write them, or remove the e`,
      };
    while (j < n && isDigit(source.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * A separator at `sep` between the number at `start` and more digits: groups of three after it are a
 * thousands separator (`12 000`, `12,000`, `1.234.567`); a comma before other digits is a decimal
 * comma (`1,5`). Null when it is neither.
 */
function separatorProblem(source: string, start: number, sep: number): JsonSyntaxProblem | null {
  const s = source[sep]!;
  if (!SEPARATORS.has(s)) return null;
  let end = sep;
  while (end < source.length) {
    const ch = source[end]!;
    if (/[0-9]/.test(ch) || ((ch === s || (ch === '.' && s !== '.')) && /[0-9]/.test(source[end + 1] ?? ''))) end++;
    else break;
  }
  const shown = source.slice(start, end);
  const [first, ...rest] = shown.split(s);
  if (
    /^-?[0-9]{1,3}$/.test(first!) &&
    rest.every((g, k) => /^[0-9]{3}$/.test(g) || (k === rest.length - 1 && s !== '.' && /^[0-9]{3}\.[0-9]+$/.test(g)))
  )
    return {
      offset: sep,
      words: 'Thousands separator in a number',
      hint: `write numbers without spaces or thousands separators: ${shown.split(s).join('')}, not ${shown}`,
    };
  if (s === ',' && /^-?[0-9]+$/.test(first!) && rest.length === 1 && /^[0-9]+$/.test(rest[0]!))
    return {
      offset: sep,
      words: 'Decimal comma in a number',
      hint: `JSON writes decimals with a point: ${shown.replace(',', '.')}, not ${shown}`,
    };
  return null;
}

/**
 * The offset of the closing quote of the string at `open`, or the error in it: a bad escape, a
 * control character (a line break meant as text, or a closing quote missing on its line), no end.
 */
function scanString(source: string, open: number): number | JsonSyntaxProblem {
  const n = source.length;
  let escapedQuote = false;
  for (let j = open + 1; j < n; j++) {
    const d = source.charCodeAt(j);
    if (d === QUOTE) return j;
    if (d === BACKSLASH) {
      const e = source[j + 1];
      if (e === undefined) break;
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(source.slice(j + 2, j + 6)))
          return {
            offset: j,
            words: 'Bad Unicode escape',
            hint: '\\u is followed by four hexadecimal digits (\\u00e9); write \\\\ for a backslash',
          };
        j += 5;
      } else if ('"\\/bfnrt'.includes(e)) {
        if (e === '"') escapedQuote = true;
        j++;
      } else {
        const shown =
          e.charCodeAt(0) > 0x20 && e.charCodeAt(0) !== 0x7f ? `\\${e} is not a JSON escape` : 'a \\ starts an escape';
        return {
          offset: j,
          words: 'Bad escaped character',
          hint: `${shown}: write \\\\ for a backslash (the escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`,
        };
      }
    } else if (d < 0x20) {
      if ((d === 10 || d === 13) && !lineBreakIsText(source, j)) return unclosed(open, 'is not closed on its line', escapedQuote);
      return {
        offset: j,
        words: 'Bad control character in string literal',
        hint:
          d === 10 || d === 13 || d === 9
            ? 'a line break or tab inside text is written \\n or \\t'
            : `a control character inside text is written \\u${d.toString(16).padStart(4, '0')}`,
      };
    }
  }
  return unclosed(open, 'is never closed', escapedQuote);
}

function unclosed(open: number, how: string, escapedQuote: boolean): JsonSyntaxProblem {
  return {
    offset: open,
    words: 'Unterminated string',
    hint:
      `the text that starts here ${how}: a closing " is missing` +
      (escapedQuote ? ' (a \\ before a " makes the " part of the text: write \\\\ for a backslash)' : ''),
  };
}

/**
 * Whether a line break inside text at `j` is meant as text: the text ends at a later quote followed
 * by what may follow a string (`,` `:` `}` `]` or the end). Otherwise the quote that should close the
 * text on its line is missing, and the next quote opens the next key.
 */
function lineBreakIsText(source: string, j: number): boolean {
  for (let k = j + 1; k < source.length; k++) {
    const d = source.charCodeAt(k);
    if (d === BACKSLASH) k++;
    else if (d === QUOTE) {
      let m = k + 1;
      while (m < source.length && isSpace(source.charCodeAt(m))) m++;
      return m === source.length || ',:}]'.includes(source[m]!);
    }
  }
  return false;
}
