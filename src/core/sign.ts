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
