import { type KpiDef, KPI_CATALOGUE } from './catalogue.ts';
import { growsWithWindow, isRate } from './comparable.ts';
import type { Day } from './dates.ts';
import {
  type CompiledFormula,
  compileFormula,
  type FormulaNode,
  formulaVariables,
  isAdditiveOf,
  parseFormula,
} from './formula.ts';
import type { MetricIndex } from './metricIndex.ts';
import { ENGAGEMENT_PARTS, FOLLOWER_METRICS, FOLLOWS, isSpecialVariable } from './metrics.ts';
import { monotonyIn } from './sign.ts';

/** A KPI ready to compute: its definition, compiled formula and derived traits. */
export interface Kpi {
  readonly def: KpiDef;
  readonly ast: FormulaNode;
  readonly compute: CompiledFormula;
  /** Metric and special-variable names the formula reads. */
  readonly inputs: readonly string[];
  /** A total of flows: goals on it are cumulative (actual = total since the start). */
  readonly cumulative: boolean;
  /** Its formula divides by a metric: over different channel sets, two periods do not compare. */
  readonly rate: boolean;
  /**
   * Not a total, yet it builds up as its period runs (it reads a unique metric such as reach, or
   * the follower change) or shrinks as it does (a stock over a flow): its value depends on the
   * window's length, so a level goal on it compares its value so far with a whole period.
   */
  readonly accumulates: boolean;
}

/** Site settings the KPI formulas may read. */
export interface KpiSettings {
  readonly customerLtv: number | null;
}

/** A KPI's value over a period; null when an input is missing or a divisor is 0. */
export interface KpiValue {
  readonly value: number | null;
  readonly approximate: boolean;
  /** What an `approximate` value is to the true figure (see `reachBound`); `exact` otherwise. */
  readonly bound: KpiBound;
  /**
   * Over several channels: the channels that report every input of the KPI in the window, which
   * are the only ones it is computed over (SPEC "KPI catalogue", channel `all`); null for one channel.
   */
  readonly channels: readonly string[] | null;
  /** Over several channels: those left out for lacking an input (empty for one channel). */
  readonly leftOut: readonly string[];
  /** Followers computed from daily follows (new − lost) rather than from totals alone. */
  readonly netFollows: boolean;
  /**
   * The channels computed over whose inputs (see `coveredInputs`) come from exports that end on
   * different days in the window (a rate whose clicks export stops before its impressions export),
   * or end before the channel's other data, with how far each input's exports reach; else null.
   * A metric merely absent on some days of its export (spend on days without ads) counts to the
   * export's end.
   */
  readonly inputsEnd: InputsEnd | null;
  /**
   * A change of followers (growth, audience growth rate) taken from a count before the window that is a week
   * old or more at its start (`MetricIndex.staleOpening`): per channel, that count's day. The figure counts
   * the change since then, not the window's own (totals on the 1st of each month). Absent otherwise.
   */
  readonly countedFrom?: Readonly<Record<string, Day>>;
}

/** What a figure is to the true one: `exact`, an `upper` or `lower` bound, or `unbounded` (neither). */
export type KpiBound = 'exact' | 'upper' | 'lower' | 'unbounded';

/**
 * What a KPI over a unique input summed from finer rows (reach over three months, an upper bound
 * of the true reach) is to the true figure, by how its formula moves with that input (see
 * `monotonyIn`): an upper bound where it grows with it (reach per post), a lower one where it
 * falls (spend per thousand reached), neither where it may do either.
 */
export function reachBound(engine: KpiEngine, kpi: Kpi): KpiBound {
  const metricOf = (name: string) => engine.index.metrics.get(name);
  const unique = new Set(kpi.inputs.filter((name) => metricOf(name)?.aggregation === 'unique'));
  const moves = monotonyIn(kpi.ast, unique, metricOf);
  return moves === 'flat' ? 'exact' : moves === null ? 'unbounded' : moves === 'up' ? 'upper' : 'lower';
}

/** Per channel, the last day of each summed input of a KPI in a window. */
export type InputsEnd = Readonly<Record<string, Readonly<Record<string, Day>>>>;

/**
 * Computed variables that add up over time like flows: the follower change over a range is the
 * sum of the changes over its parts (with daily follows it is the sum of net follows), so growth
 * so far starts from 0 and a goal on it is a running total, not a level compared with a whole
 * previous period (red-team M1).
 */
const ADDITIVE_VARIABLES: ReadonlySet<string> = new Set(['followers_change']);

/** Compiles a KPI definition whose formula is known to parse (the loader checks custom ones). */
export function compileKpi(def: KpiDef, index: MetricIndex): Kpi {
  const parsed = parseFormula(def.formula);
  if (!parsed.ok) throw new Error(`KPI ${def.id}: formula does not parse: ${parsed.message}`);
  const inputs = formulaVariables(parsed.ast).map((v) => v.name);
  const cumulative = isAdditiveOf(
    parsed.ast,
    (name) => index.metrics.get(name)?.aggregation === 'flow' || ADDITIVE_VARIABLES.has(name),
  );
  // A stock over a flow (members per thousand impressions) shrinks as the window grows: it depends on the window too.
  const accumulates =
    !cumulative &&
    (inputs.some((name) => index.metrics.get(name)?.aggregation === 'unique' || ADDITIVE_VARIABLES.has(name)) ||
      growsWithWindow(parsed.ast, (name) => index.metrics.get(name)?.aggregation));
  return { def, ast: parsed.ast, compute: compileFormula(parsed.ast), inputs, cumulative, rate: isRate(parsed.ast), accumulates };
}

/** The built-in catalogue plus custom KPIs, compiled, looked up by id. */
export class KpiSet {
  private readonly byId = new Map<string, Kpi>();

  constructor(index: MetricIndex, custom: readonly KpiDef[] = []) {
    for (const def of [...KPI_CATALOGUE, ...custom]) this.byId.set(def.id, compileKpi(def, index));
  }

  get(id: string): Kpi | undefined {
    return this.byId.get(id);
  }

  /** Every KPI, built-ins first in catalogue order, then custom ones. */
  all(): Kpi[] {
    return [...this.byId.values()];
  }
}

interface Resolved {
  readonly value: number;
  readonly approximate: boolean;
  /** A unique metric summed over days its rows leave it out of (see `Aggregate.leftOut`): no bound. */
  readonly leftOut?: true;
  readonly netFollows: boolean;
}

const FOLLOWER_FIGURES = {
  followers: 'followersAtEnd',
  followers_start: 'followersAtStart',
  followers_change: 'followerChange',
} as const;

/**
 * Metric values over one range of days for one set of channels, each aggregated once
 * and shared by every KPI computed over the same window.
 */
export class MetricWindow {
  private readonly cache = new Map<string, Resolved | null>();
  /** KPI values already computed in this window (pages ask for the same KPI of the same window many times). */
  private readonly values = new Map<Kpi, KpiValue>();
  private readonly engine: KpiEngine;
  readonly channels: readonly string[];
  readonly start: Day;
  readonly end: Day;
  private approximate = false;
  private leftOut = false;
  private netFollows = false;

  constructor(engine: KpiEngine, channels: readonly string[], start: Day, end: Day) {
    this.engine = engine;
    this.channels = channels;
    this.start = start;
    this.end = end;
  }

  /** The value of a metric or special variable in this window, or null. */
  lookup = (name: string): number | null => {
    let entry = this.cache.get(name);
    if (entry === undefined) {
      entry = this.resolve(name);
      this.cache.set(name, entry);
    }
    if (entry?.approximate) this.approximate = true;
    if (entry?.leftOut) this.leftOut = true;
    if (entry?.netFollows) this.netFollows = true;
    return entry ? entry.value : null;
  };

  private resolve(name: string): Resolved | null {
    const { index, settings } = this.engine;
    if (name === 'customer_ltv') {
      return settings.customerLtv === null ? null : { value: settings.customerLtv, approximate: false, netFollows: false };
    }
    if (Object.hasOwn(FOLLOWER_FIGURES, name)) {
      const method = FOLLOWER_FIGURES[name as keyof typeof FOLLOWER_FIGURES];
      let value = 0;
      let found = false;
      let netFollows = false;
      for (const channel of this.channels) {
        const f = index[method](channel, this.start, this.end);
        if (f === null) continue;
        value += f.value;
        found = true;
        netFollows ||= f.netFollows;
      }
      return found ? { value, approximate: false, netFollows } : null;
    }
    if (isSpecialVariable(name)) return null;
    const metric = index.metrics.get(name);
    const aggregate = metric ? index.aggregate(this.channels, metric, this.start, this.end) : null;
    return aggregate && { ...aggregate, netFollows: false };
  }

  /** A KPI over every channel of this window, whether or not each reports all its inputs. */
  private compute(kpi: Kpi): { value: number | null; approximate: boolean; bound: KpiBound; netFollows: boolean } {
    this.approximate = false;
    this.leftOut = false;
    this.netFollows = false;
    const value = kpi.compute(this.lookup);
    const approximate = value !== null && this.approximate;
    const bound = approximate ? reachBound(this.engine, kpi) : 'exact';
    return {
      value,
      approximate,
      bound: this.leftOut && bound !== 'exact' ? 'unbounded' : bound,
      netFollows: value !== null && this.netFollows,
    };
  }

  /**
   * A KPI's value in this window. Over several channels it is computed over those that report
   * every channel-level input of its formula (a rate's numerator and denominator alike), and
   * says which channels those are and which were left out.
   */
  value(kpi: Kpi): KpiValue {
    let value = this.values.get(kpi);
    if (value === undefined) this.values.set(kpi, (value = this.computeValue(kpi)));
    return value;
  }

  private computeValue(kpi: Kpi): KpiValue {
    const value = this.valueOverCovered(kpi);
    const from = value.value === null ? null : this.countedFrom(kpi, value.channels ?? this.channels);
    return from === null ? value : { ...value, countedFrom: from };
  }

  /** See `KpiValue.countedFrom`: null where no channel's change starts from a count a week old or more. */
  private countedFrom(kpi: Kpi, channels: readonly string[]): Record<string, Day> | null {
    if (!kpi.inputs.includes('followers_change') && !kpi.inputs.includes('followers_start')) return null;
    let out: Record<string, Day> | null = null;
    for (const channel of channels) {
      const day = this.engine.index.staleOpening(channel, this.start);
      if (day !== null) (out ??= {})[channel] = day;
    }
    return out;
  }

  private valueOverCovered(kpi: Kpi): KpiValue {
    if (this.channels.length <= 1)
      return { ...this.compute(kpi), channels: null, leftOut: [], inputsEnd: this.inputsEnd(kpi, this.channels) };
    const perChannel = kpi.inputs.filter((name) => name !== 'customer_ltv');
    const covered = this.channels.filter((c) => {
      const single = windowFor(this.engine, [c], this.start, this.end);
      return perChannel.every((name) => single.lookup(name) !== null);
    });
    const leftOut = this.channels.filter((c) => !covered.includes(c));
    if (covered.length === 0)
      return { value: null, approximate: false, bound: 'exact', netFollows: false, channels: [], leftOut, inputsEnd: null };
    const over = leftOut.length === 0 ? this : windowFor(this.engine, covered, this.start, this.end);
    return { ...over.compute(kpi), channels: covered, leftOut, inputsEnd: this.inputsEnd(kpi, covered) };
  }

  /**
   * Where the summed inputs of a KPI end apart in this window, by channel (see `KpiValue.inputsEnd`),
   * or all end before the channel's other data: a clicks export to 10 September beside
   * impressions to the 30th (red-team 9 #1), follower growth from follows to 31 July beside content
   * to 10 August. The figure is then flagged, as a goal on it is.
   */
  private inputsEnd(kpi: Kpi, channels: readonly string[]): InputsEnd | null {
    if (coveredInputs(this.engine, kpi).length === 0) return null;
    let out: Record<string, Record<string, Day>> | null = null;
    for (const channel of channels) {
      const ends = inputEnds(this.engine, kpi, channel, this.start, this.end);
      // A follower count carried into the window by a channel with no follower data in it (no longer exported:
      // red-team 19 #1, 20 #4) is as old as its last follower figure: flagged with that day, as a count whose
      // totals stop early is; also where it divides the channel's likes of the window (applause rate: red-team 27 #7).
      const before =
        readsFollowers(kpi) && !FOLLOWER_METRICS.some((m) => Object.hasOwn(ends, m))
          ? this.engine.index.followersTo(channel, this.start - 1)
          : null;
      const days = Object.values(ends);
      const apart = new Set(days).size > 1;
      const early = days.length > 0 && Math.max(...days) < (this.engine.index.lastDay(this.end, [channel]) ?? -Infinity);
      if (before !== null) (out ??= {})[channel] = { ...(apart || early ? ends : {}), followers: before };
      else if (apart || early) (out ??= {})[channel] = ends;
    }
    return out;
  }
}

/**
 * The inputs of a KPI that are summed over its window (flows): those whose exports may end apart.
 * A follower figure (followers, their change or their count at the start) is built from net
 * follows where the data give them, so the follows metrics present in the data count among them:
 * a follows export that stops early is an input that ends early.
 */
export function summedInputs(engine: KpiEngine, kpi: Kpi): readonly string[] {
  return inputsOf(summed, engine, kpi, () => {
    const out = kpi.inputs.filter((name) => engine.index.metrics.get(name)?.aggregation === 'flow');
    if (kpi.inputs.some((name) => Object.hasOwn(FOLLOWER_FIGURES, name)))
      for (const name of FOLLOWS) if (!out.includes(name) && engine.index.has(name)) out.push(name);
    return out;
  });
}

/** A KPI's inputs of one kind, per metric index, found once: asked for each window, channel and cell of a build. */
type InputsMemo = WeakMap<MetricIndex, WeakMap<Kpi, readonly string[]>>;
const summed: InputsMemo = new WeakMap();
const covered: InputsMemo = new WeakMap();

function inputsOf(memo: InputsMemo, engine: KpiEngine, kpi: Kpi, find: () => string[]): readonly string[] {
  let byKpi = memo.get(engine.index);
  if (!byKpi) memo.set(engine.index, (byKpi = new WeakMap()));
  let inputs = byKpi.get(kpi);
  if (!inputs) byKpi.set(kpi, (inputs = Object.freeze(find())));
  return inputs;
}

/** Whether a KPI reads a follower figure (followers, their change or their count at the start). */
export function readsFollowers(kpi: Kpi): boolean {
  return kpi.inputs.some((name) => Object.hasOwn(FOLLOWER_FIGURES, name));
}

/**
 * The inputs of a KPI whose data may end apart or early: its summed inputs (see `summedInputs`)
 * and the unique and stock metrics it reads (site visitors as month rows beside code uses every
 * day, club members as month rows that stop in July beside a page export that goes on: red-team
 * 12 #3, #6). A follower figure carries the latest total on with the daily follows, whose ends
 * count (see `summedInputs`); on a channel that gives totals and no follows, the totals' own end
 * counts (`followers`, last: month-end totals that stop in August beside content to September).
 */
export function coveredInputs(engine: KpiEngine, kpi: Kpi): readonly string[] {
  return inputsOf(covered, engine, kpi, () => {
    const out = [...summedInputs(engine, kpi)];
    for (const name of kpi.inputs) {
      const aggregation = engine.index.metrics.get(name)?.aggregation;
      if ((aggregation === 'unique' || aggregation === 'stock') && !Object.hasOwn(FOLLOWER_FIGURES, name)) out.push(name);
    }
    if (readsFollowers(kpi) && engine.index.has('followers')) out.push('followers');
    for (const part of engagementParts(engine, kpi)) out.push(part);
    return out;
  });
}

/**
 * The parts of engagements a KPI reads through them (SPEC "Metric JSON": a row without `engagements`
 * gives the sum of the parts present), not as inputs of its own: on a channel whose engagements are
 * derived, each is an input whose exports may end early (saves in an export of their own downloaded
 * on 31 August beside likes to 30 September: red-team 21 #1), though a channel need not give every part.
 */
function engagementParts(engine: KpiEngine, kpi: Kpi): readonly string[] {
  if (!kpi.inputs.includes('engagements')) return [];
  return ENGAGEMENT_PARTS.filter((part) => !kpi.inputs.includes(part) && engine.index.has(part));
}

/**
 * How far the exports of each covered input of a KPI reach on one channel in [a, b] (see
 * `coveredInputs`, `MetricIndex.coverageEnd`); an input no export of the channel gives in the
 * range is left out. A follower figure's totals count only on a channel that gives no follows
 * in the range: where it does, the follows carry the count on, and their ends are its ends.
 */
export function inputEnds(engine: KpiEngine, kpi: Kpi, channel: string, a: Day, b: Day): Record<string, Day> {
  const ends: Record<string, Day> = {};
  let total: Day | undefined;
  const parts = engagementParts(engine, kpi);
  for (const name of coveredInputs(engine, kpi)) {
    if (name === 'followers' && FOLLOWS.some((f) => Object.hasOwn(ends, f))) continue;
    if (parts.includes(name) && !engine.index.derivesEngagements(channel, a, b)) continue;
    let last = engine.index.coverageEnd(channel, name, a, b);
    if (last !== null && (FOLLOWS as readonly string[]).includes(name)) {
      // Followers are counted from a total given on or after the follows' last day, not from them.
      total ??= engine.index.dataDays([channel], ['followers'], a, b).at(-1) ?? -Infinity;
      if (total >= last) last = total;
    }
    if (last !== null) ends[name] = last;
  }
  return ends;
}

/**
 * The latest day on which an input of a KPI starts on one channel, as its exports say (see
 * `MetricIndex.inputStart`): clicks added to an export on 20 March beside impressions since
 * October (red-team 16 #4), a follower sheet or follows export from 16 February beside content
 * since January (red-team 16 #5). A window before that day is covered only from it for this KPI.
 * Not the team's own activity (`absentMeans` none: no spend before a campaign began), nor a count at
 * a day (followers at the end need no days before); null when no input says where it starts.
 */
export function inputsStart(engine: KpiEngine, kpi: Kpi, channel: string): Day | null {
  const index = engine.index;
  const change = kpi.inputs.includes('followers_change') || kpi.inputs.includes('followers_start');
  let latest: Day | null = null;
  const consider = (day: Day | null) => {
    if (day !== null && (latest === null || day > latest)) latest = day;
  };
  for (const name of summedInputs(engine, kpi)) {
    if (index.metrics.get(name)?.absentMeans === 'none' || (FOLLOWS as readonly string[]).includes(name)) continue;
    consider(index.inputStart(channel, name));
  }
  // A change of followers is known from the first follower figure (a total or a follow), whichever comes first.
  if (change) consider(index.followersFrom(channel));
  return latest;
}

/**
 * The last day a part of engagements a KPI reads through them (see `engagementParts`) is known on one
 * channel, where its exports end on or before `upTo` while the channel's engagements go on after it:
 * saves dropped from a daily export after 30 June (red-team 22 #1). The mirror of a part's late start
 * (`inputsStart`): an earlier window is comparable only on the days after it, as a later one lacks the
 * part. The latest such day, or null where no part stops so (or the channel gives engagements itself).
 */
export function partsEnd(engine: KpiEngine, kpi: Kpi, channel: string, upTo: Day): Day | null {
  const index = engine.index;
  const parts = engagementParts(engine, kpi);
  if (parts.length === 0) return null;
  const goesOn = index.coverageEnd(channel, 'engagements', Number.MIN_SAFE_INTEGER, upTo);
  if (goesOn === null) return null;
  let latest: Day | null = null;
  for (const part of parts) {
    const end = index.coverageEnd(channel, part, Number.MIN_SAFE_INTEGER, upTo);
    if (end === null || end >= goesOn || !index.derivesEngagements(channel, end + 1, goesOn)) continue;
    if (latest === null || end > latest) latest = end;
  }
  return latest;
}

/**
 * Whether a KPI is one stock metric summed over channels (followers, a custom count of members): a
 * count at a day, whatever the days before it hold.
 */
export function isCount(engine: KpiEngine, kpi: Kpi): boolean {
  const ast = kpi.ast;
  return ast.type === 'variable' && engine.index.metrics.get(ast.name)?.aggregation === 'stock';
}

/**
 * The last day a part of engagements is known on a channel where it stopped before `compared`, the
 * period compared with an earlier one, began (see `partsEnd`: saves dropped on 15 May, Q3 has none);
 * else null. Days of the earlier period after it compare; its days with the part do not.
 */
export function droppedPartsEnd(engine: KpiEngine, kpi: Kpi, channel: string, compared: readonly [Day, Day]): Day | null {
  const end = partsEnd(engine, kpi, channel, compared[1]);
  return end !== null && end < compared[0] ? end : null;
}

/**
 * The channels whose engagements over [a, b], an earlier window, count a part that stopped before
 * `compared` began (see `droppedPartsEnd`), with the day and the parts: a total there is summed from more
 * parts than one over `compared` (saves dropped on 15 May: red-team 24 #6).
 */
export function partsDroppedIn(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  a: Day,
  b: Day,
  compared: readonly [Day, Day],
): Array<{ readonly channel: string; readonly end: Day; readonly parts: readonly string[] }> {
  return channels.flatMap((channel) => {
    const end = droppedPartsEnd(engine, kpi, channel, compared);
    if (end === null || end < a || end > b) return [];
    const parts = engagementParts(engine, kpi).filter((part) => {
      const last = engine.index.coverageEnd(channel, part, Number.MIN_SAFE_INTEGER, compared[1]);
      return last !== null && last <= end;
    });
    return [{ channel, end, parts }];
  });
}

/**
 * `inputsEnd` without the parts of engagements that stopped before `compared` began (see
 * `droppedPartsEnd`): where such a part ends, an earlier window is cut to after it, not before it (saves
 * dropped on 15 May: Q2's engagement rate from 16 May compares with Q3's, not Q2's to 15 May: red-team
 * 24 #6). Null when nothing is left.
 */
export function withoutDroppedParts(
  engine: KpiEngine,
  kpi: Kpi,
  inputsEnd: InputsEnd | null,
  compared: readonly [Day, Day] | null,
): InputsEnd | null {
  if (inputsEnd === null || compared === null) return inputsEnd;
  const out: Record<string, Record<string, Day>> = {};
  for (const [channel, byInput] of Object.entries(inputsEnd)) {
    const dropped = (ENGAGEMENT_PARTS as readonly string[]).some((p) => Object.hasOwn(byInput, p))
      ? droppedPartsEnd(engine, kpi, channel, compared)
      : null;
    const kept = Object.entries(byInput).filter(
      ([input, end]) => dropped === null || !(ENGAGEMENT_PARTS as readonly string[]).includes(input) || end > dropped,
    );
    if (kept.length > 0) out[channel] = Object.fromEntries(kept);
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Whether a channel's `inputEnds` lack an input of the KPI (the channel is then left out of it,
 * see `MetricWindow.value`, and its ends cut nothing). A follower figure needs one of its sources
 * only: totals or follows (a channel that gives totals and no follows is counted, as is one that
 * gives follows and no total).
 */
export function lacksInput(engine: KpiEngine, kpi: Kpi, ends: Readonly<Record<string, Day>>): boolean {
  const follower = readsFollowers(kpi) && FOLLOWER_METRICS.some((name) => Object.hasOwn(ends, name));
  const parts = engagementParts(engine, kpi);
  return coveredInputs(engine, kpi).some(
    (name) =>
      !Object.hasOwn(ends, name) &&
      !parts.includes(name) &&
      !(follower && (name === 'followers' || (FOLLOWS as readonly string[]).includes(name))),
  );
}

/** Where a KPI's inputs stop being whole in a window (see `wholeInputsTo`). */
export interface WholeCut {
  /** The last day to which every summed input is whole on every channel (before the window's start: none is). */
  readonly to: Day;
  /** The channels cut, with each summed input's last day: a row's input the day before that row. */
  readonly inputsEnd: InputsEnd;
}

/**
 * Where the days a KPI's summed inputs share in [a, b] end inside a month or quarter row of one
 * of them (clicks as a row for August beside impressions every day to the 20th): a total over
 * the window counts none of that row while the other inputs count their days, so a rate would
 * divide totals over different days (SPEC "KPI catalogue"). The last day to which every input
 * is whole (31 July there), by channel; null when they are whole to the day they all reach. A
 * channel lacking an input is left out of the KPI, and so of this. With `leaveOutEmpty`, a channel
 * none of whose inputs counts a day of the window (each a row running past its end: July's rows as
 * of the 20th) is left to have no figure in it, as one whose data end before it, rather than cut
 * every channel's (red-team 19 #3): for a figure as of a day; not for a trend's or a projection's
 * points, which must keep one set of channels.
 */
export function wholeInputsTo(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  a: Day,
  b: Day,
  leaveOutEmpty = false,
): WholeCut | null {
  const inputs = coveredInputs(engine, kpi);
  if (inputs.length === 0 || a > b) return null;
  let to: Day | null = null;
  let cut: Record<string, Record<string, Day>> | null = null;
  for (const channel of channels) {
    if (!inputs.some((name) => engine.index.hasCoarseRows(channel, name))) continue;
    const ends = inputEnds(engine, kpi, channel, a, b);
    if (lacksInput(engine, kpi, ends)) continue;
    const shared = Math.min(...Object.values(ends));
    let whole = shared;
    const byInput: Record<string, Day> = {};
    for (const [name, end] of Object.entries(ends)) {
      const last = engine.index.wholeTo(channel, name, a, shared);
      byInput[name] = last < shared ? last : end;
      whole = Math.min(whole, last);
    }
    if (whole >= shared) continue;
    // Nor a channel with no figure there (a part of its engagements one month row: red-team 22 #2): it is left out.
    if (
      leaveOutEmpty &&
      (Object.values(byInput).every((day) => day < a) || windowFor(engine, [channel], a, b).value(kpi).value === null)
    )
      continue;
    (cut ??= {})[channel] = byInput;
    if (to === null || whole < to) to = whole;
  }
  return to === null ? null : { to, inputsEnd: cut! };
}

/**
 * A KPI's value over [a, b] cut to the last day its inputs are whole (see `wholeInputsTo`), flagged
 * with `inputsEnd`, and that day (before `a`: no day is whole, and the value is null); null when
 * every input is whole.
 */
export function wholeValue(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  a: Day,
  b: Day,
  leaveOutEmpty = false,
): { value: KpiValue; to: Day } | null {
  const cut = wholeInputsTo(engine, kpi, channels, a, b, leaveOutEmpty);
  if (!cut) return null;
  if (cut.to < a)
    return {
      value: {
        value: null,
        approximate: false,
        bound: 'exact',
        netFollows: false,
        channels: null,
        leftOut: [],
        inputsEnd: cut.inputsEnd,
      },
      to: cut.to,
    };
  const value = windowFor(engine, channels, a, cut.to).value(kpi);
  return { value: { ...value, inputsEnd: { ...value.inputsEnd, ...cut.inputsEnd } }, to: cut.to };
}

/** Relative change (current − previous) / |previous|; null when either is missing or previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  const change = (current - previous) / Math.abs(previous);
  return Number.isFinite(change) ? change : null;
}

/** The engine's inputs: the metric index, the KPIs and site settings. */
export interface KpiEngine {
  readonly index: MetricIndex;
  readonly kpis: KpiSet;
  readonly settings: KpiSettings;
  /** Windows already computed, by channels and range: reports ask for the same ones many times. */
  readonly windows?: Map<string, Map<number, MetricWindow>>;
}

/** Days this far from 1970 (either way) make distinct numeric keys of a range ([start, end] as one number). */
const DAY_SPAN = 2 ** 25;
const isDay = (n: number) => Number.isInteger(n) && Math.abs(n) < DAY_SPAN;

/** The metric window over [start, end] for a set of channels (shared when the engine has a window cache). */
export function windowFor(engine: KpiEngine, channels: readonly string[], start: Day, end: Day): MetricWindow {
  const cache = engine.windows;
  if (!cache) return new MetricWindow(engine, channels, start, end);
  // By channels, then by range as one number: no key text written for each of the many look-ups.
  const channelsKey = channels.length === 1 ? channels[0]! : channels.join(',');
  let byRange = cache.get(channelsKey);
  if (!byRange) cache.set(channelsKey, (byRange = new Map()));
  if (!isDay(start) || !isDay(end)) return new MetricWindow(engine, channels, start, end);
  const rangeKey = (start + DAY_SPAN) * 2 * DAY_SPAN + (end + DAY_SPAN);
  let window = byRange.get(rangeKey);
  if (!window) byRange.set(rangeKey, (window = new MetricWindow(engine, channels, start, end)));
  return window;
}

/** Channels a goal's `channel` field selects: `all`, one channel, or a list (a channel listed twice counts once). */
export function resolveChannels(selection: string | readonly string[], known: readonly string[]): string[] {
  const list = typeof selection === 'string' ? [selection] : [...new Set(selection)];
  return list.includes('all') ? [...known] : list;
}
