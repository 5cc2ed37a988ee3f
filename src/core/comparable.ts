/**
 * When two periods' values of a KPI can be compared: which KPIs are rates (a change across
 * different channel sets is then meaningless) and which grow with the length of the window
 * (a quarter to date is then no match for a whole quarter), and whether a report's quarter
 * is over. Pure.
 */
import { parseIsoDate } from './dates.ts';
import { type FormulaNode, parseFormula } from './formula.ts';
import { type Aggregation, BUILT_IN_METRICS } from './metrics.ts';
import { parseQuarter } from './periods.ts';

/** Whether a formula divides by something that is not a constant: a rate, ratio, cost per or average. */
export function isRate(ast: FormulaNode): boolean {
  switch (ast.type) {
    case 'number':
    case 'variable':
      return false;
    case 'negate':
      return isRate(ast.operand);
    case 'binary':
      return (ast.op === '/' && !isConstant(ast.right)) || isRate(ast.left) || isRate(ast.right);
  }
}

/** `isRate` of a KPI's formula as written (a frozen report's KPIs carry their formula, not its tree); true if it does not parse. */
export function isRateFormula(formula: string): boolean {
  const parsed = parseFormula(formula);
  return parsed.ok ? isRate(parsed.ast) : true;
}

function isConstant(n: FormulaNode): boolean {
  if (n.type === 'number') return true;
  if (n.type === 'negate') return isConstant(n.operand);
  return n.type === 'binary' && isConstant(n.left) && isConstant(n.right);
}

/** Variables whose value does not grow with the window: levels at a day, and settings. */
const LEVELS = new Set(['followers', 'followers_start', 'customer_ltv']);

/**
 * Whether a formula's value grows with the number of days it covers: a total of flows, a
 * reach, a change over the window (follower growth and its rate), but not a ratio of two
 * flows (CTR), a stock or a cost per result. `aggregationOf` names a metric's aggregation;
 * a name it does not know counts as a flow (a custom formula's metrics are flows).
 */
export function growsWithWindow(ast: FormulaNode, aggregationOf: (name: string) => Aggregation | undefined): boolean {
  return windowDegree(ast, aggregationOf) !== 0;
}

/**
 * The power of the window's length a formula's value moves with: 1 for a total (or revenue per member:
 * a flow over a stock, which builds up as the period runs), 0 for a level or a ratio of totals, −1 for
 * a stock or a level over a total (members per thousand impressions, which shrinks as it runs).
 */
export function windowDegree(ast: FormulaNode, aggregationOf: (name: string) => Aggregation | undefined): number {
  const degree = (n: FormulaNode): number => {
    switch (n.type) {
      case 'number':
        return 0;
      case 'variable':
        return LEVELS.has(n.name) || aggregationOf(n.name) === 'stock' ? 0 : 1;
      case 'negate':
        return degree(n.operand);
      case 'binary': {
        const l = degree(n.left);
        const r = degree(n.right);
        if (n.op === '*') return l + r;
        if (n.op === '/') return l - r;
        return Math.abs(l) >= Math.abs(r) ? l : r;
      }
    }
  };
  return degree(ast);
}

const BUILT_IN_AGGREGATION = new Map(BUILT_IN_METRICS.map((m) => [m.id, m.aggregation]));

/**
 * `growsWithWindow` for a KPI's formula text, with the built-in metrics' aggregations (a custom
 * metric counts as a flow); false for a formula that does not parse. A KPI's meta knows the real
 * aggregations: see `kpiGrowsWithWindow`.
 */
export function formulaGrowsWithWindow(formula: string): boolean {
  const parsed = parseFormula(formula);
  return parsed.ok && growsWithWindow(parsed.ast, (name) => BUILT_IN_AGGREGATION.get(name));
}

/**
 * Whether a KPI grows with the days counted, as its meta says (by the metrics' real aggregations,
 * a declared stock being a level), else from its formula text (a meta frozen before it said so).
 */
export function kpiGrowsWithWindow(meta: { readonly formula: string; readonly grows_with_window?: boolean }): boolean {
  return meta.grows_with_window ?? formulaGrowsWithWindow(meta.formula);
}

/** A report's quarter, as-of day and, optionally, each channel's last day with data in it (`coverage`). */
export interface PartialInput {
  readonly period: string;
  readonly as_of: string;
  readonly coverage?: Readonly<Record<string, string | null>>;
}

/**
 * Whether a report's quarter is not over as of its as-of day (`period` 2026-Q3, `as_of`
 * 2026-08-15), or a channel's figures in it stop before its end (`coverage`: an `--as-of` after
 * the last data, a channel that stopped): its QoQ and YoY then compare part of the quarter with
 * whole quarters. `report --json` prints it as `partial`; it is derived, so snapshots need no new field.
 */
export function isPartial(report: PartialInput): boolean {
  const quarter = parseQuarter(report.period);
  const known = knownTo(report);
  return quarter.ok && known !== null && known < quarter.period.end;
}

/** The last day every channel's figures in a report reach: the as-of day, or an earlier channel's last day (null if unreadable). */
export function knownTo(report: PartialInput): number | null {
  const asOf = parseIsoDate(report.as_of);
  if (!asOf.ok) return null;
  let known = asOf.day;
  for (const last of Object.values(report.coverage ?? {})) {
    const day = last === null ? null : parseIsoDate(last);
    if (day?.ok && day.day < known) known = day.day;
  }
  return known;
}
