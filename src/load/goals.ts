/**
 * Goals YAML (SPEC "Goals YAML"): shapes are checked with zod, then every reference
 * (KPI, channel, objective, metric in a custom formula), period and target is checked
 * against the rest of the content, and the goal model is built.
 */
import { builtInKpi, KPI_CATALOGUE, type KpiDef } from '../core/catalogue.ts';
import { type Day, formatDay, parseIsoDate } from '../core/dates.ts';
import { formulaVariables, hundredFactor, parseFormula } from '../core/formula.ts';
import type { Goal, KeyResult, Measure, Milestone, Objective, TargetSpec } from '../core/goals.ts';
import { isSpecialVariable, SPECIAL_VARIABLES } from '../core/metrics.ts';
import { EARLIEST_DAY } from './plausibility.ts';
import { type Period, parsePeriod, rangePeriod } from '../core/periods.ts';
import { FileReporter, type SourceFile } from './files.ts';
import { issuesToProblems } from './issues.ts';
import { type Locator, parseYaml, type PathKey } from './locate.ts';
import { addProblem, type Problem } from './problems.ts';
import type * as z from 'zod';
import {
  customKpiSchema,
  type CustomKpiInput,
  type GoalInput,
  goalSchema,
  goalsFileSchema,
  goalsFileSections,
  type KeyResultInput,
  objectiveSchema,
  type ObjectiveInput,
} from './schemas.ts';
import { hint } from './suggest.ts';

export interface GoalContext {
  /** Channels goals may name (besides `all`); null: not checked (goals of an old commit). */
  readonly channels: readonly string[] | null;
  /** Metric names custom KPI formulas may use; null: not checked. */
  readonly metrics: readonly string[] | null;
  /** Custom metrics declared in the site settings: each is a KPI already, so no custom KPI may take its id. */
  readonly declaredMetrics?: readonly string[];
}

/** Where a goal is written: its file's reporter and its path there (`['goals', i]`). */
export interface GoalPlace {
  readonly report: FileReporter;
  readonly path: readonly PathKey[];
}

/**
 * Calls `visit` on every SMART goal and every measured key result that has a place, with the period
 * it is evaluated over and the path its problems are reported at (the goal's, or its key result's).
 */
export function forEachMeasure(
  goals: readonly Goal[],
  places: ReadonlyMap<string, GoalPlace>,
  visit: (measure: Measure, period: Period, place: GoalPlace, path: PathKey[]) => void,
): void {
  for (const goal of goals) {
    const place = places.get(goal.id);
    if (!place) continue;
    if (goal.type === 'smart') visit(goal, goal.period, place, [...place.path]);
    else
      goal.keyResults.forEach((kr, k) => {
        if (kr.measure) visit(kr.measure, goal.period, place, [...place.path, 'key_results', k]);
      });
  }
}

export interface LoadedGoals {
  readonly objectives: Objective[];
  readonly customKpis: KpiDef[];
  readonly goals: Goal[];
  /** Every name that a custom KPI formula (which parses) reads. */
  readonly formulaNames: ReadonlySet<string>;
  /** Where each loaded goal is written, by id. */
  readonly places: ReadonlyMap<string, GoalPlace>;
}

interface Parsed {
  readonly file: SourceFile;
  readonly report: FileReporter;
  /** Valid items with their index in the file's list (invalid ones are already reported). */
  readonly objectives: Array<[number, ObjectiveInput]>;
  readonly kpis: Array<[number, CustomKpiInput]>;
  readonly rawKpis: readonly unknown[];
  readonly goals: Array<[number, GoalInput]>;
  /** Every goal item as written, valid or not, for the reference checks. */
  readonly rawGoals: readonly unknown[];
}

function validItems<T>(
  file: SourceFile,
  locator: Locator,
  section: string,
  schema: z.ZodType<T>,
  items: readonly unknown[] | undefined,
  problems: Problem[],
): Array<[number, T]> {
  const out: Array<[number, T]> = [];
  items?.forEach((item, i) => {
    const result = schema.safeParse(item);
    if (result.success) out.push([i, result.data]);
    else
      for (const p of issuesToProblems(file.path, locator, schema, item, result.error.issues, [section, i]))
        addProblem(problems, p);
  });
  return out;
}

/** Validates every goals file together (ids are unique across files) and builds the goal model. */
export function loadGoals(files: readonly SourceFile[], context: GoalContext, problems: Problem[]): LoadedGoals {
  const parsed: Parsed[] = [];
  for (const file of files) {
    const yaml = parseYaml(file.text);
    for (const s of yaml.syntax) addProblem(problems, { file: file.path, ...s.position, message: s.message });
    if (yaml.syntax.length > 0) continue;
    const input = yaml.value ?? {};
    const result = goalsFileSchema.safeParse(input);
    if (!result.success) {
      for (const p of issuesToProblems(file.path, yaml.locator, goalsFileSchema, input, result.error.issues))
        addProblem(problems, p);
    }
    // An unknown top-level key is a problem of its own: the sections beside it are checked all the same.
    const sections = result.success ? result : goalsFileSections.safeParse(input);
    if (!sections.success) continue;
    const { objectives, kpis, goals } = sections.data;
    parsed.push({
      file,
      report: new FileReporter(file.path, yaml.locator, problems),
      objectives: validItems(file, yaml.locator, 'objectives', objectiveSchema, objectives, problems),
      kpis: validItems(file, yaml.locator, 'kpis', customKpiSchema, kpis, problems),
      rawKpis: kpis ?? [],
      goals: validItems(file, yaml.locator, 'goals', goalSchema, goals, problems),
      rawGoals: goals ?? [],
    });
  }

  const objectives: Objective[] = [];
  const objectiveAt = new Map<string, string>();
  const customKpis: KpiDef[] = [];
  const kpiAt = new Map<string, string>();
  const formulaNames = new Set<string>();
  for (const { objectives: objectiveItems, kpis: kpiItems, rawKpis, report } of parsed) {
    for (const [i, o] of objectiveItems) {
      const first = objectiveAt.get(o.id);
      if (first) {
        report.at(['objectives', i, 'id'], `duplicate objective id '${o.id}': already defined at ${first}`);
        continue;
      }
      objectiveAt.set(o.id, report.where(['objectives', i, 'id']));
      objectives.push({ id: o.id, title: o.title, description: o.description ?? null });
    }
    const valid = new Map(kpiItems);
    rawKpis.forEach((raw, i) => {
      const path = ['kpis', i];
      const before = report.errors + report.notes;
      const { id, formula } = (raw ?? {}) as { id?: unknown; formula?: unknown };
      if (typeof id === 'string') {
        const first = kpiAt.get(id);
        if (builtInKpi(id)) report.at([...path, 'id'], `custom KPI '${id}' has the id of a built-in KPI: choose another id`);
        else if (context.declaredMetrics?.includes(id)) {
          report.at(
            [...path, 'id'],
            `custom KPI '${id}' has the id of a metric declared in content/site.yaml (a declared metric is already a KPI): choose another id`,
          );
        } else if (first) report.at([...path, 'id'], `duplicate custom KPI id '${id}': already defined at ${first}`);
        else kpiAt.set(id, report.where([...path, 'id']));
      }
      const parsedFormula = typeof formula === 'string' ? parseFormula(formula) : null;
      if (typeof formula === 'string') {
        checkFormula(report, [...path, 'formula'], formula, context);
        if (parsedFormula?.ok) for (const v of formulaVariables(parsedFormula.ast)) formulaNames.add(v.name);
      }
      const k = valid.get(i);
      if (!k || report.errors + report.notes !== before) return;
      const hundred = k.unit === 'percent' && parsedFormula?.ok ? hundredFactor(parsedFormula.ast) : null;
      if (hundred)
        report.note(
          [...path, 'formula'],
          `formula scales by 100 (column ${hundred.column}), but a KPI in percent is a fraction, shown as a percentage ` +
            `(0.01 shows as 1%): it would show 100 times its value; leave the 100 out (formula: "clicks / impressions")`,
        );
      customKpis.push({
        id: k.id,
        label: k.label,
        formula: k.formula,
        unit: k.unit,
        good: k.good,
        family: 'custom',
        description: k.description ?? '',
        custom: true,
      });
    });
  }

  const kpiIds = [...KPI_CATALOGUE.map((k) => k.id), ...(context.declaredMetrics ?? []), ...kpiAt.keys()];
  const refs: References = { kpis: kpiIds, channels: context.channels, objectives: [...objectiveAt.keys()] };
  const goals: Goal[] = [];
  const goalAt = new Map<string, string>();
  const places = new Map<string, GoalPlace>();
  for (const { file, goals: goalItems, rawGoals, report } of parsed) {
    const valid = new Map(goalItems);
    rawGoals.forEach((raw, i) => {
      const path = ['goals', i];
      const before = report.errors;
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') {
        const first = goalAt.get(id);
        if (first) report.at([...path, 'id'], `duplicate goal id '${id}': already defined at ${first}`);
        else goalAt.set(id, report.where([...path, 'id']));
      }
      checkReferences(report, path, raw, refs);
      const g = valid.get(i);
      const goal = g ? buildGoal(report, path, g, file.path) : null;
      if (goal && report.errors === before) {
        goals.push(goal);
        places.set(goal.id, { report, path });
      }
    });
  }
  return { objectives, customKpis, goals, formulaNames, places };
}

interface References {
  readonly kpis: readonly string[];
  readonly channels: readonly string[] | null;
  readonly objectives: readonly string[];
}

function checkFormula(report: FileReporter, path: PathKey[], formula: string, context: GoalContext): void {
  const parsed = parseFormula(formula);
  if (!parsed.ok) {
    report.inside(path, parsed.column - 1, `formula does not parse at column ${parsed.column}: ${parsed.message}`);
    return;
  }
  if (context.metrics === null) return;
  const known = [...context.metrics, ...Object.keys(SPECIAL_VARIABLES)];
  for (const v of formulaVariables(parsed.ast)) {
    if (context.metrics.includes(v.name) || isSpecialVariable(v.name)) continue;
    report.inside(path, v.column - 1, `unknown metric '${v.name}' in formula${hint(v.name, known, 'metrics')}`);
  }
}

function buildGoal(report: FileReporter, path: PathKey[], g: GoalInput, file: string): Goal | null {
  const type = g.type ?? (g.key_results ? 'okr' : 'smart');
  let ok = true;
  const fail = (key: PathKey[], message: string, part: 'key' | 'value' = 'value'): void => {
    report.at([...path, ...key], message, part);
    ok = false;
  };
  const period = checkPeriod(g, fail);
  const base = {
    id: g.id,
    title: g.title,
    description: g.description ?? null,
    category: g.category ?? null,
    objective: g.objective ?? null,
    owner: g.owner ?? null,
    file,
  };

  if (type === 'smart') {
    for (const key of ['key_results', 'stretch'] as const) {
      if (g[key] !== undefined) fail([key], `'${key}' belongs to OKR goals: set type: okr or remove it`, 'key');
    }
    const measure = checkMeasure(report, path, g, g.channel, period, 'goal');
    if (!ok || !measure || !period) return null;
    return { ...base, type: 'smart', period, ...measure };
  }

  for (const key of ['kpi', 'target', 'baseline', 'milestones'] as const) {
    if (g[key] !== undefined) fail([key], `an OKR goal measures through its key_results: move '${key}' into a key result`, 'key');
  }
  if (!g.key_results || g.key_results.length === 0) {
    fail(
      g.key_results ? ['key_results'] : [],
      'an OKR goal needs key_results: a list of { id, kpi, channel, target } or { id, title, manual: { current, target } }',
    );
    return null;
  }
  const krAt = new Map<string, number>();
  const keyResults: KeyResult[] = [];
  g.key_results.forEach((kr, k) => {
    const krPath = [...path, 'key_results', k];
    if (krAt.has(kr.id)) {
      report.at(
        [...krPath, 'id'],
        `duplicate key result id '${kr.id}' in goal '${g.id}': already used by key result ${krAt.get(kr.id)! + 1}`,
      );
      ok = false;
      return;
    }
    krAt.set(kr.id, k);
    const built = buildKeyResult(report, krPath, kr, g.channel, period);
    if (built) keyResults.push(built);
    else ok = false;
  });
  if (!ok || !period) return null;
  return { ...base, type: 'okr', period, stretch: g.stretch ?? false, keyResults };
}

function buildKeyResult(
  report: FileReporter,
  path: PathKey[],
  kr: KeyResultInput,
  goalChannel: GoalInput['channel'],
  period: Period | null,
): KeyResult | null {
  const base = { id: kr.id, title: kr.title ?? null, weight: kr.weight ?? 1 };
  if (kr.manual) {
    let ok = true;
    for (const key of ['kpi', 'channel', 'baseline', 'target', 'milestones'] as const) {
      if (kr[key] !== undefined) {
        report.at([...path, key], `a manual key result has no '${key}': its progress is manual.current / manual.target`, 'key');
        ok = false;
      }
    }
    if (!kr.title) {
      report.at(path, 'a manual key result needs a title saying what it measures');
      ok = false;
    }
    return ok ? { ...base, measure: null, manual: { current: kr.manual.current, target: kr.manual.target } } : null;
  }
  const measure = checkMeasure(report, path, kr, kr.channel ?? goalChannel, period, 'key result');
  return measure ? { ...base, measure, manual: null } : null;
}

/** The last day a goal may reach (a goal spanning centuries would make a report per quarter of them). */
const LATEST_GOAL_DAY: Day = parseIsoDateOrThrow('2099-12-31');

function parseIsoDateOrThrow(text: string): Day {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.day;
}

function checkPeriod(g: GoalInput, fail: (key: PathKey[], message: string, part?: 'key' | 'value') => void): Period | null {
  const period = goalPeriod(g, fail);
  if (!period) return null;
  // As for data (SPEC "Metric JSON", plausibility): a year before 2000 is a typo, and so is one after 2099.
  if (period.start < EARLIEST_DAY) {
    fail(
      [g.period !== undefined ? 'period' : 'start'],
      `${g.period !== undefined ? String(g.period) : String(g.start)} is before 2000: is it a typo?`,
    );
    return null;
  }
  if (period.end > LATEST_GOAL_DAY) {
    fail(
      [g.period !== undefined ? 'period' : 'deadline'],
      `${g.period !== undefined ? String(g.period) : String(g.deadline)} is after 2099: is it a typo?`,
    );
    return null;
  }
  return period;
}

function goalPeriod(g: GoalInput, fail: (key: PathKey[], message: string, part?: 'key' | 'value') => void): Period | null {
  if (g.period !== undefined) {
    if (g.start !== undefined || g.deadline !== undefined) {
      fail([g.start !== undefined ? 'start' : 'deadline'], 'give either period or start and deadline, not both', 'key');
      return null;
    }
    const parsed = parsePeriod(String(g.period));
    return parsed.ok ? parsed.period : null;
  }
  if (g.start === undefined && g.deadline === undefined) {
    fail([], 'missing period: give period (2026-Q2, 2026-04 or 2026) or start and deadline dates');
    return null;
  }
  if (g.start === undefined || g.deadline === undefined) {
    fail(
      [g.start === undefined ? 'deadline' : 'start'],
      `missing ${g.start === undefined ? 'start' : 'deadline'}: a date range needs both start and deadline`,
      'key',
    );
    return null;
  }
  const start = parseIsoDate(g.start);
  const deadline = parseIsoDate(g.deadline);
  if (!start.ok || !deadline.ok) return null;
  if (deadline.day < start.day) return null;
  return rangePeriod(start.day, deadline.day);
}

interface MeasureInput {
  kpi?: string | undefined;
  baseline?: number | undefined;
  target?: GoalInput['target'];
  milestones?: GoalInput['milestones'];
}

function checkMeasure(
  report: FileReporter,
  path: PathKey[],
  m: MeasureInput,
  channel: GoalInput['channel'],
  period: Period | null,
  what: 'goal' | 'key result',
): Measure | null {
  let ok = true;
  const fail = (key: PathKey[], message: string, part: 'key' | 'value' = 'value'): void => {
    report.at([...path, ...key], message, part);
    ok = false;
  };
  if (m.kpi === undefined) fail([], `missing kpi: the KPI this ${what} measures (e.g. engagement_rate)`);
  if (channel === undefined) fail([], `missing channel: a channel id, a list of channel ids, or all`);
  if (m.target === undefined) fail([], `missing target: a number, { change: "+20%" } or { change: +500 }`);
  const target = m.target === undefined ? null : toTarget(m.target);
  const milestones: Milestone[] = [];
  const firstOn = new Map<Day, number>();
  m.milestones?.forEach((ms, i) => {
    const day = parseIsoDate(ms.date);
    if (!day.ok) return;
    if (period && (day.day < period.start || day.day > period.end)) {
      fail(
        ['milestones', i, 'date'],
        `milestone ${ms.date} is outside the period ${formatDay(period.start)} to ${formatDay(period.end)}`,
      );
      return;
    }
    const first = firstOn.get(day.day);
    if (first !== undefined) {
      fail(
        ['milestones', i, 'date'],
        `milestone ${ms.date} is given twice: also at ${report.where([...path, 'milestones', first, 'date'])}; keep one of them`,
      );
      return;
    }
    firstOn.set(day.day, i);
    milestones.push({ date: day.day as Day, target: ms.target });
  });
  if (!ok || m.kpi === undefined || channel === undefined || !target) return null;
  const channels = typeof channel === 'string' ? channel : [...new Set(channel)];
  return { kpi: m.kpi, channel: channels, baseline: m.baseline ?? null, target, milestones };
}

function toTarget(t: NonNullable<GoalInput['target']>): TargetSpec {
  if (typeof t === 'number') return { kind: 'absolute', value: t };
  if (typeof t.change === 'number') return { kind: 'delta', amount: t.change };
  return { kind: 'percent', ratio: Number(t.change.replace('%', '')) / 100 };
}

/**
 * Checks what a goal item refers to (objective, KPIs, channels, also in key results),
 * targets equal to their baseline and the order of its dates, on the item as written: these problems are reported even when
 * the item has schema problems elsewhere.
 */
function checkReferences(report: FileReporter, path: PathKey[], raw: unknown, refs: References): void {
  if (raw === null || typeof raw !== 'object') return;
  const g = raw as Record<string, unknown>;
  if (typeof g['objective'] === 'string' && !refs.objectives.includes(g['objective'])) {
    report.at(
      [...path, 'objective'],
      `unknown objective '${g['objective']}'${hint(g['objective'], refs.objectives, 'objectives')}`,
    );
  }
  checkMeasureReferences(report, path, g, refs);
  if (Array.isArray(g['key_results'])) {
    g['key_results'].forEach((kr, k) => {
      if (kr !== null && typeof kr === 'object') {
        checkMeasureReferences(report, [...path, 'key_results', k], kr as Record<string, unknown>, refs);
      }
    });
  }
  if (typeof g['start'] === 'string' && typeof g['deadline'] === 'string') {
    const start = parseIsoDate(g['start']);
    const deadline = parseIsoDate(g['deadline']);
    if (start.ok && deadline.ok && deadline.day < start.day) {
      report.at([...path, 'deadline'], `deadline ${g['deadline']} is before start ${g['start']}`);
    }
  }
}

function checkMeasureReferences(report: FileReporter, path: PathKey[], m: Record<string, unknown>, refs: References): void {
  const kpi = m['kpi'];
  if (typeof kpi === 'string' && !refs.kpis.includes(kpi)) {
    const near = hint(kpi, refs.kpis, 'KPIs');
    report.at(
      [...path, 'kpi'],
      `unknown KPI '${kpi}'${near.startsWith(': did') ? near : ' (see the KPI catalogue, or declare a custom KPI under kpis:)'}`,
    );
  }
  const channel = m['channel'];
  const list = typeof channel === 'string' ? [channel] : Array.isArray(channel) ? channel : [];
  list.forEach((c: unknown, i) => {
    if (typeof c === 'string' && list.indexOf(c) < i) {
      report.note([...path, 'channel', i], `channel '${c}' is listed twice: it counts once`);
      return;
    }
    if (typeof c !== 'string' || c === 'all' || refs.channels === null || refs.channels.includes(c)) return;
    report.at(
      typeof channel === 'string' ? [...path, 'channel'] : [...path, 'channel', i],
      `unknown channel '${c}'${hint(c, refs.channels, 'channels')}`,
    );
  });
}
