/**
 * KPI formulas: parsing (precedence, parentheses, unary minus, Unicode operators),
 * errors with the exact 1-based column, evaluation with null for missing inputs and
 * division by zero, and the additivity test that makes a KPI cumulative.
 */
import { describe, expect, it } from 'vitest';
import {
  compileFormula,
  type FormulaNode,
  formulaVariables,
  isAdditiveOf,
  parseFormula,
  sameArithmetic,
} from '../src/core/formula.ts';

function ast(text: string): FormulaNode {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`'${text}' should parse: ${parsed.message} (column ${parsed.column})`);
  return parsed.ast;
}

/** Evaluates a formula with variables from `vars` (a missing name reads as null). */
function evaluate(text: string, vars: Record<string, number | null> = {}): number | null {
  return compileFormula(ast(text))((name) => vars[name] ?? null);
}

/** The formula as a fully parenthesised string, to show how it was grouped. */
function grouping(node: FormulaNode): string {
  switch (node.type) {
    case 'number':
      return String(node.value);
    case 'variable':
      return node.name;
    case 'negate':
      return `(-${grouping(node.operand)})`;
    case 'binary':
      return `(${grouping(node.left)} ${node.op} ${grouping(node.right)})`;
  }
}

function error(text: string): { message: string; column: number } {
  const parsed = parseFormula(text);
  if (parsed.ok) throw new Error(`'${text}' should not parse`);
  return { message: parsed.message, column: parsed.column };
}

describe('parsing', () => {
  it('binds * and / tighter than + and -', () => {
    expect(grouping(ast('a + b * c'))).toBe('(a + (b * c))');
    expect(grouping(ast('a * b + c'))).toBe('((a * b) + c)');
    expect(grouping(ast('a - b / c * d'))).toBe('(a - ((b / c) * d))');
    expect(evaluate('a + b * c', { a: 1, b: 2, c: 3 })).toBe(7);
  });

  it('is left-associative', () => {
    expect(grouping(ast('a - b - c'))).toBe('((a - b) - c)');
    expect(grouping(ast('a / b / c'))).toBe('((a / b) / c)');
    expect(evaluate('a - b - c', { a: 10, b: 3, c: 2 })).toBe(5);
    expect(evaluate('a / b / c', { a: 24, b: 4, c: 2 })).toBe(3);
  });

  it('groups with parentheses, nested too', () => {
    expect(grouping(ast('(a + b) * c'))).toBe('((a + b) * c)');
    expect(evaluate('(a + b) * c', { a: 1, b: 2, c: 3 })).toBe(9);
    expect(evaluate('((a))', { a: 4 })).toBe(4);
    expect(evaluate('a / (b - (c - d))', { a: 12, b: 5, c: 4, d: 2 })).toBe(4);
  });

  it('reads unary minus (and plus) before a term, and binds it tighter than *', () => {
    expect(grouping(ast('-a * b'))).toBe('((-a) * b)');
    expect(evaluate('-a * b', { a: 2, b: 3 })).toBe(-6);
    expect(evaluate('a - -b', { a: 2, b: 3 })).toBe(5);
    expect(evaluate('- -a', { a: 2 })).toBe(2);
    expect(evaluate('-(a - b)', { a: 2, b: 5 })).toBe(3);
    expect(evaluate('+a', { a: 2 })).toBe(2);
    expect(evaluate('a * -2', { a: 3 })).toBe(-6);
  });

  it('accepts the Unicode operators − × ÷', () => {
    expect(grouping(ast('a − b × c ÷ d'))).toBe('(a - ((b * c) / d))');
    expect(evaluate('a − b × c ÷ d', { a: 10, b: 4, c: 3, d: 2 })).toBe(4);
    expect(evaluate('−a', { a: 1 })).toBe(-1);
  });

  it('reads numbers: integers, decimals, leading dot, exponents', () => {
    expect(evaluate('1000')).toBe(1000);
    expect(evaluate('2.5 * 4')).toBe(10);
    expect(evaluate('.5 + 1')).toBe(1.5);
    expect(evaluate('1e3 + 2E-1')).toBe(1000.2);
  });

  it('reads names with underscores and digits, and ignores spaces and tabs', () => {
    expect(evaluate('\tdiscount_code_uses2 /  clicks ', { discount_code_uses2: 6, clicks: 3 })).toBe(2);
    expect(evaluate('_x', { _x: 1 })).toBe(1);
  });

  it('lists the variables in order of first use, with their columns', () => {
    expect(formulaVariables(ast('clicks / impressions + clicks'))).toEqual([
      { name: 'clicks', column: 1 },
      { name: 'impressions', column: 10 },
    ]);
    expect(formulaVariables(ast('2 * 3'))).toEqual([]);
  });

  it('records the column of each node', () => {
    const root = ast('a + b * c');
    if (root.type !== 'binary') throw new Error('expected a binary node');
    expect(root.column).toBe(3);
    expect(root.right.column).toBe(7);
  });
});

describe('syntax errors name the exact 1-based column', () => {
  it('a formula that ends after an operator: "clicks / "', () => {
    expect(error('clicks / ')).toEqual({ message: 'the formula ends where a metric name or number was expected', column: 10 });
    expect(error('clicks /')).toEqual({ message: 'the formula ends where a metric name or number was expected', column: 9 });
  });

  it('an unclosed parenthesis: "(a + b"', () => {
    expect(error('(a + b')).toEqual({ message: "missing ')' to close the '(' at column 1", column: 7 });
    expect(error('x * (a + (b)')).toEqual({ message: "missing ')' to close the '(' at column 5", column: 13 });
  });

  it('two operands without an operator: "a b"', () => {
    expect(error('a b')).toEqual({ message: "expected an operator before 'b'", column: 3 });
    expect(error('clicks 2')).toEqual({ message: "expected an operator before '2'", column: 8 });
    expect(error('(a) (b)').column).toBe(5);
  });

  it('a character that is not part of the language: "a $ b"', () => {
    const e = error('a $ b');
    expect(e.column).toBe(3);
    expect(e.message).toMatch(/^unexpected character '\$'/);
    expect(error('a ^ 2').column).toBe(3);
    expect(error('a.b').column).toBe(2);
  });

  it('an empty or blank formula', () => {
    expect(error('')).toEqual({ message: 'the formula is empty', column: 1 });
    expect(error('   ')).toEqual({ message: 'the formula is empty', column: 1 });
  });

  it('an unmatched closing parenthesis', () => {
    expect(error('a + b)')).toEqual({ message: "unmatched ')'", column: 6 });
  });

  it('an operator where an operand is expected', () => {
    expect(error('* a')).toEqual({ message: "expected a metric name or number, found '*'", column: 1 });
    expect(error('a + * b')).toEqual({ message: "expected a metric name or number, found '*'", column: 5 });
    expect(error('()')).toEqual({ message: "expected a metric name or number, found ')'", column: 2 });
  });

  it('a name starting with a digit', () => {
    expect(error('clicks / 2x')).toEqual({ message: 'a name cannot start with a digit', column: 10 });
  });

  it('counts Unicode operators as one column each', () => {
    expect(error('a × b c').column).toBe(7);
  });
});

describe('evaluation', () => {
  it('is null when dividing by zero, never Infinity or NaN', () => {
    expect(evaluate('a / b', { a: 1, b: 0 })).toBeNull();
    expect(evaluate('a / b', { a: 0, b: 0 })).toBeNull();
    expect(evaluate('a / (b - c)', { a: 1, b: 2, c: 2 })).toBeNull();
    expect(evaluate('1 / 0')).toBeNull();
    expect(evaluate('(a / 0) * 0 + 1', { a: 1 })).toBeNull();
    expect(evaluate('1 / (a / 0)', { a: 1 })).toBeNull(); // not 1 / Infinity = 0
    expect(evaluate('a / (b / 0) + 1', { a: 0, b: 0 })).toBeNull();
  });

  it('is null when any variable is missing, even if it would cancel out', () => {
    expect(evaluate('a + b', { a: 1 })).toBeNull();
    expect(evaluate('a * 0 + b', { b: 1 })).toBeNull();
    expect(evaluate('-a')).toBeNull();
  });

  it('is null when the result overflows to Infinity', () => {
    expect(evaluate('a * a', { a: 1e200 })).toBeNull();
    expect(evaluate('a + a', { a: Number.MAX_VALUE })).toBeNull();
    expect(evaluate('a / b', { a: 1e300, b: 1e-300 })).toBeNull();
  });

  it('is null for Infinity inputs, including Infinity / Infinity', () => {
    expect(evaluate('a', { a: Infinity })).toBeNull();
    expect(evaluate('a / b', { a: Infinity, b: Infinity })).toBeNull();
    expect(evaluate('a - b', { a: Infinity, b: Infinity })).toBeNull();
  });

  it('divides 0 by a non-zero value to 0', () => {
    expect(evaluate('a / b', { a: 0, b: 4 })).toBe(0);
  });
});

describe('isAdditiveOf: whether a formula is a total of flows', () => {
  const FLOWS = new Set(['impressions', 'clicks', 'spend', 'revenue']);
  const additive = (text: string) => isAdditiveOf(ast(text), (name) => FLOWS.has(name));

  it('accepts a flow, sums and differences of flows, and negation', () => {
    expect(additive('clicks')).toBe(true);
    expect(additive('impressions + clicks')).toBe(true);
    expect(additive('revenue - spend')).toBe(true);
    expect(additive('-clicks')).toBe(true);
    expect(additive('(clicks + spend) - (revenue - impressions)')).toBe(true);
  });

  it('accepts flows scaled by constants', () => {
    expect(additive('2 * clicks')).toBe(true);
    expect(additive('clicks * 2')).toBe(true);
    expect(additive('clicks / 2')).toBe(true);
    expect(additive('clicks * (2 + 3)')).toBe(true);
    expect(additive('(clicks + spend) / 1000')).toBe(true);
    expect(additive('clicks * -1')).toBe(true);
  });

  it('rejects ratios and products of flows, constants alone and non-flows', () => {
    expect(additive('clicks / impressions')).toBe(false);
    expect(additive('clicks * impressions')).toBe(false);
    expect(additive('2 / clicks')).toBe(false);
    expect(additive('3')).toBe(false);
    expect(additive('clicks + 1')).toBe(false);
    expect(additive('followers')).toBe(false);
    expect(additive('clicks + followers')).toBe(false);
    expect(additive('reach')).toBe(false);
  });
});

describe('sameArithmetic', () => {
  it('tells a rewrite from a redefinition', () => {
    expect(sameArithmetic('revenue / clicks', 'revenue * 1 / clicks')).toBe(true);
    expect(sameArithmetic('(likes + comments) / posts', '(comments + likes) / posts')).toBe(true);
    expect(sameArithmetic('a / b', 'a * 100 / (b * 100)')).toBe(true);
    expect(sameArithmetic('(a - b) / b', 'a / b - 1')).toBe(true);
    expect(sameArithmetic('revenue / clicks', 'revenue / clicks * 10')).toBe(false);
    expect(sameArithmetic('a / b', 'b / a')).toBe(false);
    expect(sameArithmetic('a + b', 'a + b + c - c')).toBe(false);
    expect(sameArithmetic('a / b', 'a / c')).toBe(false);
    expect(sameArithmetic('a / b', 'a /')).toBe(false);
  });
});
