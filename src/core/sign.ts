/**
 * Whether a KPI's value can never fall below 0 (a total of spend, a CTR, members per thousand
 * impressions): its formula adds, multiplies and divides non-negative numbers and unsigned
 * metrics only. Pure.
 */
import type { FormulaNode } from './formula.ts';
import type { MetricDef } from './metrics.ts';

/** Special variables that are never negative (a follower count, a customer value). */
const NON_NEGATIVE_VARIABLES: ReadonlySet<string> = new Set(['followers_start', 'customer_ltv']);

/**
 * Whether `ast` is never negative, given each metric's definition (`metricOf`); a subtraction,
 * a negation, a signed metric or a name it does not know (the follower change) may be.
 */
export function neverNegative(ast: FormulaNode, metricOf: (name: string) => MetricDef | undefined): boolean {
  switch (ast.type) {
    case 'number':
      return ast.value >= 0;
    case 'variable': {
      if (NON_NEGATIVE_VARIABLES.has(ast.name)) return true;
      const metric = metricOf(ast.name);
      return metric !== undefined && !metric.signed;
    }
    case 'negate':
      return false;
    case 'binary':
      return ast.op !== '-' && neverNegative(ast.left, metricOf) && neverNegative(ast.right, metricOf);
  }
}

/** How a formula's value moves as some of its inputs grow: `up`, `down`, `flat` (not at all) or null (either way). */
export type Monotony = 'up' | 'down' | 'flat' | null;

/**
 * How `ast` moves when the metrics in `names` grow and every other input stays (every value
 * ≥ 0, as `neverNegative` allows): a KPI over a reach summed from finer rows (an upper bound of
 * the true reach) is itself an upper bound when it moves `up` with reach (reach per post), a lower
 * bound when it moves `down` (spend per thousand reached), and neither when null. Pure.
 */
export function monotonyIn(
  ast: FormulaNode,
  names: ReadonlySet<string>,
  metricOf: (name: string) => MetricDef | undefined,
): Monotony {
  switch (ast.type) {
    case 'number':
      return 'flat';
    case 'variable':
      return names.has(ast.name) ? 'up' : 'flat';
    case 'negate':
      return flip(monotonyIn(ast.operand, names, metricOf));
    case 'binary': {
      const left = monotonyIn(ast.left, names, metricOf);
      const right = monotonyIn(ast.right, names, metricOf);
      if (ast.op === '+') return combine(left, right);
      if (ast.op === '-') return combine(left, flip(right));
      if (left === 'flat' && right === 'flat') return 'flat';
      // A product or quotient moves with its parts only when neither can be negative.
      if (!neverNegative(ast.left, metricOf) || !neverNegative(ast.right, metricOf)) return null;
      return ast.op === '*' ? combine(left, right) : combine(left, flip(right));
    }
  }
}

function flip(m: Monotony): Monotony {
  return m === 'up' ? 'down' : m === 'down' ? 'up' : m;
}

function combine(a: Monotony, b: Monotony): Monotony {
  if (a === null || b === null) return null;
  if (a === 'flat') return b;
  if (b === 'flat' || a === b) return a;
  return null;
}
