/**
 * KPI formulas: metric names, numbers, + − * / and parentheses. Parsed into a small
 * AST by recursive descent and compiled to closures; never evaluated as code.
 */

export type FormulaNode =
  | { readonly type: 'number'; readonly value: number; readonly column: number }
  | { readonly type: 'variable'; readonly name: string; readonly column: number }
  | { readonly type: 'negate'; readonly operand: FormulaNode; readonly column: number }
  | {
      readonly type: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly column: number;
    };

export type FormulaParse =
  { ok: true; ast: FormulaNode } | { ok: false; message: string; /** 1-based column in the formula text. */ column: number };

type Token =
  | { kind: 'number'; value: number; column: number; text: string }
  | { kind: 'name'; text: string; column: number }
  | { kind: 'op'; text: '+' | '-' | '*' | '/' | '(' | ')'; column: number }
  | { kind: 'end'; column: number; text: '' };

/**
 * Limits that keep every walk over a formula's tree shallow (the parser, the compiler and the
 * checks recurse): real KPI formulas use a handful of operators and two or three levels of
 * parentheses.
 */
export const FORMULA_LIMITS = { length: 500, operators: 100, depth: 20 } as const;

class FormulaSyntaxError extends Error {
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}

const OP_ALIASES: Record<string, '+' | '-' | '*' | '/' | '(' | ')'> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  '÷': '/',
  '(': '(',
  ')': ')',
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    const column = i + 1;
    const op = OP_ALIASES[ch];
    if (op) {
      tokens.push({ kind: 'op', text: op, column });
      i++;
      continue;
    }
    const num = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]), column, text: num[0] });
      i += num[0].length;
      if (/[A-Za-z_]/.test(text[i] ?? '')) throw new FormulaSyntaxError(`a name cannot start with a digit`, column);
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], column });
      i += name[0].length;
      continue;
    }
    throw new FormulaSyntaxError(
      `unexpected character '${ch}': a formula uses metric names, numbers, + − * / and parentheses`,
      column,
    );
  }
  tokens.push({ kind: 'end', column: text.length + 1, text: '' });
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  parseAll(): FormulaNode {
    const node = this.expression();
    const t = this.peek();
    if (t.kind !== 'end') {
      throw new FormulaSyntaxError(t.text === ')' ? `unmatched ')'` : `expected an operator before '${t.text}'`, t.column);
    }
    return node;
  }

  private expression(): FormulaNode {
    let left = this.term();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text, left, right: this.term(), column: t.column };
    }
    return left;
  }

  private term(): FormulaNode {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text, left, right: this.unary(), column: t.column };
    }
    return left;
  }

  /** Enters a nested level (a parenthesis or a sign), refusing formulas nested deeper than the limit. */
  private nested<T>(column: number, parse: () => T): T {
    if (++this.depth > FORMULA_LIMITS.depth) {
      throw new FormulaSyntaxError(
        `the formula is nested too deeply (more than ${FORMULA_LIMITS.depth} levels of parentheses or signs): simplify it`,
        column,
      );
    }
    const node = parse();
    this.depth--;
    return node;
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      const operand = this.nested(t.column, () => this.unary());
      return t.text === '-' ? { type: 'negate', operand, column: t.column } : operand;
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value, column: t.column };
      case 'name':
        return { type: 'variable', name: t.text, column: t.column };
      case 'end':
        throw new FormulaSyntaxError('the formula ends where a metric name or number was expected', t.column);
      case 'op':
        if (t.text === '(') {
          const inner = this.nested(t.column, () => this.expression());
          const close = this.next();
          if (close.kind !== 'op' || close.text !== ')') {
            throw new FormulaSyntaxError(`missing ')' to close the '(' at column ${t.column}`, close.column);
          }
          return inner;
        }
        throw new FormulaSyntaxError(`expected a metric name or number, found '${t.text}'`, t.column);
    }
  }
}

/** Parses a formula; on failure returns the message and the 1-based column. */
export function parseFormula(text: string): FormulaParse {
  try {
    if (text.trim() === '') return { ok: false, message: 'the formula is empty', column: 1 };
    if (text.length > FORMULA_LIMITS.length) {
      return {
        ok: false,
        message: `the formula is ${text.length} characters long: at most ${FORMULA_LIMITS.length} are allowed`,
        column: FORMULA_LIMITS.length + 1,
      };
    }
    const tokens = tokenize(text);
    const operators = tokens.filter((t) => t.kind === 'op' && t.text !== '(' && t.text !== ')');
    if (operators.length > FORMULA_LIMITS.operators) {
      return {
        ok: false,
        message: `the formula has ${operators.length} operators: at most ${FORMULA_LIMITS.operators} are allowed`,
        column: operators[FORMULA_LIMITS.operators]!.column,
      };
    }
    return { ok: true, ast: new Parser(tokens).parseAll() };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, message: error.message, column: error.column };
    throw error;
  }
}

/** Variable names a formula reads, in order of first use. */
export function formulaVariables(ast: FormulaNode): Array<{ name: string; column: number }> {
  const seen = new Map<string, number>();
  const walk = (node: FormulaNode): void => {
    switch (node.type) {
      case 'variable':
        if (!seen.has(node.name)) seen.set(node.name, node.column);
        break;
      case 'negate':
        walk(node.operand);
        break;
      case 'binary':
        walk(node.left);
        walk(node.right);
        break;
      case 'number':
        break;
    }
  };
  walk(ast);
  return [...seen].map(([name, column]) => ({ name, column }));
}

/**
 * The number a formula scales by 100 with (a multiplication by 100, or a division by 0.01), if any:
 * a percentage written as spreadsheets write it, where a KPI in percent is already a fraction.
 */
export function hundredFactor(ast: FormulaNode): FormulaNode | null {
  if (ast.type === 'negate') return hundredFactor(ast.operand);
  if (ast.type !== 'binary') return null;
  const isNumber = (node: FormulaNode, value: number) => node.type === 'number' && node.value === value;
  if (ast.op === '*' && isNumber(ast.right, 100)) return ast.right;
  if (ast.op === '*' && isNumber(ast.left, 100)) return ast.left;
  if (ast.op === '/' && isNumber(ast.right, 0.01)) return ast.right;
  return hundredFactor(ast.left) ?? hundredFactor(ast.right);
}

/** A compiled formula: reads variables through `lookup`; null when any input is missing or a divisor is 0. */
export type CompiledFormula = (lookup: (name: string) => number | null) => number | null;

/** Compiles an AST to a closure. Results are always finite numbers or null. */
export function compileFormula(ast: FormulaNode): CompiledFormula {
  const build = (node: FormulaNode): CompiledFormula => {
    switch (node.type) {
      case 'number': {
        const v = node.value;
        return () => v;
      }
      case 'variable': {
        const n = node.name;
        return (lookup) => lookup(n);
      }
      case 'negate': {
        const f = build(node.operand);
        return (lookup) => {
          const v = f(lookup);
          return v === null ? null : -v;
        };
      }
      case 'binary': {
        const l = build(node.left);
        const r = build(node.right);
        switch (node.op) {
          case '+':
            return (k) => {
              const a = l(k);
              if (a === null) return null;
              const b = r(k);
              return b === null ? null : a + b;
            };
          case '-':
            return (k) => {
              const a = l(k);
              if (a === null) return null;
              const b = r(k);
              return b === null ? null : a - b;
            };
          case '*':
            return (k) => {
              const a = l(k);
              if (a === null) return null;
              const b = r(k);
              return b === null ? null : a * b;
            };
          case '/':
            return (k) => {
              const a = l(k);
              if (a === null) return null;
              const b = r(k);
              if (b === null || b === 0) return null;
              return a / b;
            };
        }
      }
    }
  };
  const f = build(ast);
  return (lookup) => {
    const v = f(lookup);
    return v === null || !Number.isFinite(v) ? null : v;
  };
}

/**
 * Whether a formula is a total of flows (a flow metric, sums and differences of them,
 * scaled by constants). Such a KPI is itself a flow: a goal on it is cumulative.
 */
export function isAdditiveOf(ast: FormulaNode, isFlow: (name: string) => boolean): boolean {
  const constant = (n: FormulaNode): boolean =>
    n.type === 'number' ||
    (n.type === 'negate' && constant(n.operand)) ||
    (n.type === 'binary' && constant(n.left) && constant(n.right));
  const additive = (n: FormulaNode): boolean => {
    switch (n.type) {
      case 'variable':
        return isFlow(n.name);
      case 'number':
        return false;
      case 'negate':
        return additive(n.operand);
      case 'binary':
        if (n.op === '+' || n.op === '-') return additive(n.left) && additive(n.right);
        if (n.op === '*') return (additive(n.left) && constant(n.right)) || (constant(n.left) && additive(n.right));
        return additive(n.left) && constant(n.right);
    }
  };
  return additive(ast);
}

/**
 * Whether two formulas compute the same arithmetic (`revenue * 1 / clicks` and `revenue / clicks`,
 * `(likes + comments) / posts` and `(comments + likes) / posts`): they read the same variables and
 * agree, to rounding, at a fixed set of pseudo-random points. Two different rational functions
 * agree at such points only by a coincidence of measure zero, so a rewrite is told from a
 * redefinition without rules for each algebraic identity. False when either does not parse.
 */
export function sameArithmetic(a: string, b: string): boolean {
  const [pa, pb] = [parseFormula(a), parseFormula(b)];
  if (!pa.ok || !pb.ok) return false;
  const names = (ast: FormulaNode) => [...new Set(formulaVariables(ast).map((v) => v.name))].sort();
  const [na, nb] = [names(pa.ast), names(pb.ast)];
  if (na.length !== nb.length || na.some((n, i) => n !== nb[i])) return false;
  const [fa, fb] = [compileFormula(pa.ast), compileFormula(pb.ast)];
  // A fixed linear congruential sequence: the same points on every run, so the answer is stable.
  let seed = 0x2545f491;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return 1 + (seed / 0x100000000) * 999;
  };
  for (let point = 0; point < 8; point++) {
    const values = new Map(na.map((n) => [n, next()]));
    const [va, vb] = [fa((n) => values.get(n) ?? null), fb((n) => values.get(n) ?? null)];
    if (va === null || vb === null) {
      if (va !== vb) return false;
      continue;
    }
    if (Math.abs(va - vb) > 1e-9 * Math.max(1, Math.abs(va), Math.abs(vb))) return false;
  }
  return true;
}
