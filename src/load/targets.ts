/**
 * Targets that ask for no change (an error), that go against their KPI's direction (a note:
 * SPEC's progress formula takes them as written, so they stay valid content), or that nothing
 * measures from (a note). A level goal without a baseline is measured from the KPI over the previous
 * period; when its target equals that value, or there is no such value (a team's first quarter
 * of data), progress cannot be measured and the page would only say "No data". A level target
 * below its baseline on a KPI that is good when up (above it when down) makes progress count
 * improvement as failure. A total (a cumulative goal) starts from 0, so a target that comes to
 * 0 asks for nothing either; its relative target applies to the previous period's total, which
 * may be missing, partial, or not the baseline given. This needs the KPI engine, so it runs
 * after loading, on goals that are otherwise valid.
 */
import type { Direction } from '../core/catalogue.ts';
import { type Day, formatDay } from '../core/dates.ts';
import { actualBound } from '../core/evaluate.ts';
import { neverNegative } from '../core/sign.ts';
import { windowDegree } from '../core/comparable.ts';
import { measuredChannels, measureTarget, resolveTarget } from '../core/targets.ts';
import type { Goal, Measure, TargetSpec } from '../core/goals.ts';
import {
  coveredInputs,
  inputEnds,
  inputsStart,
  type Kpi,
  type KpiEngine,
  lacksInput,
  partsDroppedIn,
  resolveChannels,
  windowFor,
} from '../core/kpis.ts';
import { type Period, previousPeriod } from '../core/periods.ts';
import type { CoveredPart } from '../core/kpiTable.ts';
import type { SiteSettings } from '../core/project.ts';
import { formatKpiValue } from '../format/numbers.ts';
import { forEachMeasure, type GoalPlace } from './goals.ts';
import type { PathKey } from './locate.ts';

/** A bound of the true figure, in words. */
const BOUND_WORDS = { upper: 'an upper bound', lower: 'a lower bound', unbounded: 'an estimate with no bound' } as const;

/**
 * Reports, at the target, every level goal or key result whose target equals its implicit
 * baseline or lies on the wrong side of its baseline for the KPI's direction (errors), or that
 * has no baseline at all (a note: progress cannot be measured until one is given); and notes
 * relative targets whose reference is missing, covers part of its period, or ignores a baseline.
 */
export function checkImplicitBaselines(
  engine: KpiEngine,
  goals: readonly Goal[],
  places: ReadonlyMap<string, GoalPlace>,
  fmt: Pick<SiteSettings, 'locale' | 'currency'>,
): void {
  forEachMeasure(goals, places, (measure, period, place, path) => check(engine, measure, period, place, path, fmt));
}

function check(
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  place: GoalPlace,
  path: PathKey[],
  fmt: Pick<SiteSettings, 'locale' | 'currency'>,
): void {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) return;
  const t = measure.target;
  const relative = t.kind !== 'absolute';
  const prev = previousPeriod(period);
  const all = resolveChannels(measure.channel, engine.index.channels);
  const channels = measuredChannels(engine, measure, period);
  const whole = windowFor(engine, channels, prev.start, prev.end).value(kpi).value;
  // As the goal takes it: none where no day of the previous period is covered by every input (red-team 19 #6).
  const previous = kpi.cumulative ? measureTarget(engine, measure, period, channels).previous : whole;
  // Why a previous figure is missing: no value at all, or none over a day every input covers.
  const dropped = partsDroppedIn(engine, kpi, channels, prev.start, prev.end, [period.start, period.end]);
  const noValue =
    whole === null
      ? `has no value on ${channels.join(', ')} over ${prev.label}`
      : dropped.length > 0
        ? `over ${prev.label} counts ${droppedWords(dropped)}, which ${period.label} has none of: the two are summed from different parts`
        : `over ${prev.label} has no day that an export of every input covers`;
  const at = [...path, 'target'];
  const show = (value: number) => formatKpiValue(value, kpi.def.unit, fmt);
  const writtenOf = (target: number | null) =>
    t.kind === 'absolute' ? show(t.value) : `${relativeText(t)}${target === null ? '' : ` (${show(target)})`}`;
  /**
   * Notes a target below 0 on a KPI that never is (red-team 15 #12), written as a number (a sign
   * pasted by mistake: red-team 16 #12) or as a change that comes to it; whether it did.
   */
  const noteBelowZero = (target: number | null): boolean => {
    if (target === null || target >= 0 || !neverNegative(kpi.ast, (name) => engine.index.metrics.get(name))) return false;
    const fix = relative
      ? `give a change that leaves the target ${kpi.def.good === 'down' ? 'at 0 or above' : 'above 0'}, or the target as a number`
      : 'check its sign (a change from the previous period is written { change: "-10%" })';
    place.report.note(
      at,
      `the target ${writtenOf(target)} is below 0, and ${kpiWords(kpi.def.label)} is never below 0: ` +
        (kpi.def.good === 'down' ? 'the goal cannot be met; ' : 'the goal is met from its first day whatever the figures; ') +
        fix,
    );
    return true;
  };

  // A follower count a channel carries into the period from data that all end before it (an account no longer
  // exported): the goal's actual counts it as it was then (red-team 19 #1), read as of the period's first day (rt20 #7).
  // Only once the period has data (a goal for a quarter not yet exported carries every count alike).
  if (kpi.inputs.includes('followers') && (engine.index.lastDay(period.end) ?? -Infinity) >= period.start)
    for (const c of channels) {
      const last = engine.index.followersTo(c, Number.MAX_SAFE_INTEGER);
      if (last === null || last >= period.start) continue;
      if (engine.index.followersAtEnd(c, period.start, period.end) === null) continue;
      place.report.note(
        [...path, 'channel'],
        `${c}'s follower data end on ${formatDay(last)}, before the goal's period: its followers are counted as they were then ` +
          `(the latest total before the period), as nothing says what became of them since, so the goal cannot settle on them ` +
          `(it is read as of the period's first day); add ${c}'s newer follower exports, ` +
          `or leave ${c} out of the goal if it is no longer run`,
      );
    }

  if (kpi.cumulative) {
    if (relative && measure.baseline !== null) {
      const target = resolveTarget(t, previous);
      const own = resolveTarget(t, measure.baseline);
      place.report.note(
        [...path, 'baseline'],
        `the baseline ${measure.baseline} is not what the target applies to: a relative target on a total (${measure.kpi}) applies to ` +
          `the previous period total (${prev.label}: ${previous ?? 'none'})${target === null ? '' : `, so it comes to ${target}`}; ` +
          `to aim at ${relativeText(t).replace(/^[+-]/, '')} ${aboveOrBelow(t)} ${measure.baseline}, give the target as a number (target: ${own})`,
      );
    }
    if (relative && previous === null && all.length > 0) {
      place.report.note(
        at,
        `no previous total: ${measure.kpi} ${noValue} (what a relative target on a total applies to), ` +
          'so the target cannot be resolved and the goal shows "No data"; give the target as a number',
      );
      return;
    }
    notePartialPrevious(engine, measure, period, channels, place, at);
    if (relative && previous !== null && previous >= 0) noteBelowZero(resolveTarget(t, previous));
    if (!relative) noteBelowZero(t.value);
    if (relative) noteLeftOut(engine, measure, period, channels, place, at, 'an absolute target');
    // A channel whose data start after the previous period adds to the actual what the reference never had (red-team 13 #4).
    const newcomers = relative ? channels.filter((c) => (engine.index.firstDay(c) ?? -Infinity) > prev.end) : [];
    if (newcomers.length > 0) {
      const firsts = newcomers.map((c) => `${c}'s data start on ${formatDay(engine.index.firstDay(c)!)}`);
      place.report.note(
        at,
        `the total the target ${relativeText(t)} applies to, ${measure.kpi} over ${prev.label}, has no data on ${newcomers.join(', ')} ` +
          `(${firsts.join(', ')}), while the goal's actual counts ${newcomers.length === 1 ? 'it' : 'them'}: part of the growth is ` +
          `${newcomers.length === 1 ? 'that channel' : 'those channels'} starting, not like for like; give an absolute target, or leave ` +
          `${newcomers.join(', ')} out of the goal`,
      );
    }
    if (relative) {
      const what = `the target ${relativeText(t)} applies to ${measure.kpi} over ${prev.label}, which`;
      noteReferenceInputs(
        engine,
        kpi,
        channels,
        prev,
        place,
        at,
        (input, channel, end, last) =>
          `${what} counts ${input} on ${channel} only to ${end}, where its export ends ` +
          `(the channel's data goes on to ${last}): a reference over fewer days; give an absolute target if it should not be`,
      );
    }
    if (measure.baseline !== null) return;
    const target = resolveTarget(t, previous);
    // A total starts from 0: a target of 0 on a total that should grow asks for nothing (a budget cap of 0 is a real goal).
    if (target === 0 && kpi.def.good === 'up') {
      // A relative target comes to 0 from the data (a previous quarter of none): new data must not make the goal invalid.
      const message =
        `the target ${writtenOf(target)} equals the baseline, 0 (a total over the period starts from 0): the goal asks for no change` +
        (relative
          ? ', so progress is not measured and it is achieved by any total of 0 or more; give an absolute target'
          : '; give another target or a baseline');
      if (relative) place.report.note(at, message);
      else place.report.at(at, message);
    }
    // A change that comes to a cap of 0 (on a period of none, or "-100%"): any spend misses it (red-team 29 #7, 30 #4).
    if (relative && previous !== null && target === 0 && kpi.def.good === 'down') {
      place.report.note(
        at,
        `the target ${relativeText(t)} applies to the previous total, ${show(previous)} (${measure.kpi} over ${prev.label}), so it comes to 0: ` +
          'a cap of 0 allows none at all, and any total above 0 misses it; give the target as a number (the cap for this period)',
      );
    }
    // A change applied to a total below zero (net mentions −120: "+20%" comes to −96) sets a target a total counted from 0 starts past.
    if (relative && previous !== null && previous < 0 && target !== null && target < 0 && kpi.def.good === 'up') {
      place.report.note(
        at,
        `the target ${writtenOf(target)} applies to the previous total, ${show(previous)} (${measure.kpi} over ${prev.label}), which is below 0: ` +
          `a total over the period starts from 0, already past ${show(target)}: the goal is met from its first day, and stays met unless the total falls below it; ` +
          'give the target as a number (the total to reach this period)',
      );
    }
    return;
  }

  const label = kpiWords(kpi.def.label);
  const good = kpi.def.good;
  const { baseline, baselineTo, previousPartial, baselineBound } = measureTarget(engine, measure, period, channels);
  const onlyBound = kpi.accumulates ? boundOnly(engine, kpi, channels, period) : null;
  if (onlyBound) place.report.note([...path, 'kpi'], onlyBound);
  else if (kpi.accumulates) {
    // Reach, the follower change and a total over a count (revenue per member) build up; a count over a total
    // (members per thousand impressions) shrinks (red-team 19 #4).
    const buildsUp = windowDegree(kpi.ast, (name) => engine.index.metrics.get(name)?.aggregation) > 0;
    place.report.note(
      [...path, 'kpi'],
      (buildsUp
        ? `${measure.kpi} builds up as the period runs (it counts what happened so far)`
        : `${measure.kpi} shrinks as the period runs (it divides by what happened so far)`) +
        ': until the deadline this goal compares ' +
        `its value so far with ${measure.baseline === null ? `the whole of ${prev.label} (the baseline when none is given)` : 'a baseline for a whole period'}, ` +
        'so its progress and status are provisional, and settled at the deadline',
    );
  }
  // The previous period as the implicit baseline takes it: over the days every channel covers.
  const prevWords =
    previousPartial === null
      ? prev.label
      : `${prev.label} from ${formatDay(previousPartial.from)} to ${formatDay(previousPartial.to)}` +
        exceptWords(holesWords(previousPartial));
  if (baseline === null && previousPartial !== null) {
    notePartialPrevious(engine, measure, period, channels, place, at);
    return;
  }
  if (baseline === null && baselineBound !== null) {
    place.report.note(
      at,
      `no baseline: ${measure.kpi} over ${prev.label} (the baseline when none is given) is only ${BOUND_WORDS[baselineBound]} of ` +
        'the true figure (a reach summed from rows shorter than the period counts people more than once), and a guess ' +
        'would decide the direction and the status of the goal: progress cannot be measured and the goal shows "No data"; ' +
        'give a baseline (the value the goal starts from)',
    );
    return;
  }
  if (baseline === null) {
    if (all.length > 0) {
      place.report.note(
        at,
        `no baseline: ${measure.kpi} ${noValue} (the baseline when none is given), ` +
          'so progress cannot be measured and the goal shows "No data"; give a baseline (the value the goal starts from)',
      );
    }
    if (relative && againstDirection(t, good)) {
      place.report.note(
        at,
        `the target ${relativeText(t)} asks for a ${good === 'up' ? 'fall' : 'rise'} of ${label}, which is good when ${good}: ` +
          `progress would count a ${good === 'up' ? 'rise' : 'fall'} as failure; to ${good === 'up' ? 'raise' : 'lower'} it, give a ${good === 'up' ? 'positive' : 'negative'} change`,
      );
    }
    return;
  }
  if (baselineTo !== null) {
    // The build takes the implicit baseline to the day its inputs last all reach (see `measureTarget`).
    noteReferenceInputs(
      engine,
      kpi,
      channels,
      prev,
      place,
      at,
      (input, channel, end, last) =>
        `the baseline (${measure.kpi} over ${prev.label}, as none is given) is taken to ${formatDay(baselineTo)}: ` +
        `the export of ${input} on ${channel} ends on ${end} (the channel's data goes on to ${last}), so the baseline covers ` +
        `the days all the KPI's inputs do rather than dividing figures over different days; give a baseline if it should not be`,
    );
  }
  notePartialPrevious(engine, measure, period, channels, place, at);
  // Before the checks on the target, which may end here: a baseline over other channels is said whatever the target (rt15 #4).
  if (measure.baseline === null) noteLeftOut(engine, measure, period, channels, place, at, 'a baseline');
  const target = resolveTarget(t, baseline);
  if (target === null) return;
  // A level good when up with a target below 0 is below its baseline: the direction note below says so.
  if (good === 'down' && noteBelowZero(target)) return;
  // A target equal to its baseline asks to hold the KPI: a goal like another ("keep ER at 5%"), and one that new data
  // (a quarter of zero clicks under an implicit baseline) must not make invalid. Its status says whether it holds.
  if (same(target, baseline)) {
    const written = t.kind === 'absolute' ? String(t.value) : `${relativeText(t)} (${target})`;
    const source =
      measure.baseline === null ? `, ${measure.kpi} over ${prevWords} (the baseline when none is given)` : ` the goal gives`;
    place.report.note(
      at,
      `the target ${written} equals the baseline${source}: the goal asks for no change, so progress is not measured and ` +
        `its status says whether ${measure.kpi} is at or ${good === 'up' ? 'above' : 'below'} the target` +
        (measure.baseline === null ? '; give another target or a baseline' : ''),
    );
    return;
  }
  if (!same(target, baseline) && (good === 'up' ? target < baseline : target > baseline)) {
    const [shownTarget, shownBaseline] = apart(target, baseline, show);
    const side = good === 'up' ? 'below' : 'above';
    const other = good === 'up' ? 'above' : 'below';
    const source = measure.baseline === null ? ` (${label} over ${prevWords}, as none is given)` : '';
    const keep = relative
      ? `give it as a number (target: ${target}) with a baseline ${side} it`
      : `give a baseline ${side} ${shownTarget} (the level it starts from)`;
    const move = relative ? `a ${good === 'up' ? 'positive' : 'negative'} change` : `a target ${other} ${shownBaseline}`;
    const written = t.kind === 'absolute' ? shownTarget : `${relativeText(t)} (${shownTarget})`;
    place.report.note(
      at,
      `the target ${written} is ${side} the baseline ${shownBaseline}${source} on ${label}, which is good when ${good}: ` +
        `the goal asks for a ${good === 'up' ? 'fall' : 'rise'}, and progress would count a ${good === 'up' ? 'rise' : 'fall'} as failure; ` +
        `to keep it ${other} ${shownTarget}, ${keep}; to ${good === 'up' ? 'raise' : 'lower'} it, ${move}`,
    );
    return;
  }
}

/**
 * Notes the channels a measure's reference (a relative target's total, or the implicit baseline)
 * leaves out though they have the KPI over the previous period: one that stopped before the
 * goal's period (the actual leaves it out, so the reference does too: like with like); and the
 * channels its actual counts that an implicit baseline has no data for: none over the previous
 * period (a channel launched in this one: rt15 #4), or none up to `baselineTo`. A rate's baseline
 * over other channels is no comparison: the note says the goal is undecided.
 */
function noteLeftOut(
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  channels: readonly string[],
  place: GoalPlace,
  at: PathKey[],
  wayOut: string,
): void {
  const { previousLeftOut, baselineLeftOut, baselineTo, baselineChannelsDiffer } = measureTarget(
    engine,
    measure,
    period,
    channels,
  );
  const prev = previousPeriod(period);
  const reference = engine.kpis.get(measure.kpi)?.cumulative ? 'the total the target applies to' : 'the baseline (none is given)';
  if (previousLeftOut.length > 0) {
    place.report.note(
      at,
      `${reference}, ${measure.kpi} over ${prev.label}, counts ${channels.join(', ')} only: ${previousLeftOut.join(', ')} ` +
        `${previousLeftOut.length === 1 ? 'has' : 'have'} data in ${prev.label} but none for ${measure.kpi} in ${period.label} so far, ` +
        `so the goal's actual leaves ${previousLeftOut.length === 1 ? 'it' : 'them'} out and the reference does too (like with like); ` +
        `give ${wayOut} if it should count ${previousLeftOut.length === 1 ? 'it' : 'them'}`,
    );
  }
  if (baselineLeftOut.length > 0) {
    const firsts = baselineLeftOut.flatMap((c) => {
      const first = engine.index.firstDay(c);
      // A channel with data in the previous period but none for this KPI there has no "start" to name.
      return baselineTo === null && first !== null && first <= prev.end
        ? []
        : [`${c}'s data starts on ${formatDay(first ?? prev.end)}`];
    });
    const kept = channels.filter((c) => !baselineLeftOut.includes(c));
    const over = baselineTo === null ? prev.label : `${prev.label} to ${formatDay(baselineTo)}`;
    const them = baselineLeftOut.length === 1 ? 'that channel' : 'those channels';
    place.report.note(
      at,
      `the baseline (${measure.kpi} over ${over}, as none is given) has no data on ` +
        `${baselineLeftOut.join(', ')}${firsts.length > 0 ? ` (${firsts.join(', ')})` : ''}: it is the KPI over ${kept.join(', ')} alone, ` +
        `while the goal's actual counts ${baselineLeftOut.join(', ')} too; ` +
        (baselineChannelsDiffer
          ? `a rate over other channels is not comparable (channels differ), so the goal has no progress and is undecided unless its target is met on any reading (or missed at the deadline); ` +
            `give a baseline (${measure.kpi} over ${channels.join(', ')} as the goal starts from) to measure it`
          : `part of the change is ${them} starting, not like for like; give a baseline if it should not be`),
    );
  }
}

/**
 * Notes a measure whose previous-period figure it reads (a total's previous total, which a relative
 * target applies to and achievability is judged against; a level's implicit baseline) where a
 * channel counted covers that period only in part (see `MeasureTarget.previousPartial`: its daily
 * data start inside it, a channel launched mid-quarter, or end before its end), and says what the
 * build does, as the KPI table does with the quarter: a rate's baseline is taken over the days
 * every channel covers; a figure that grows with its days (a reach) has no implicit baseline; a
 * total is kept as it is, flagged. One rule for every target (red-team 9 #4).
 */
function notePartialPrevious(
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  channels: readonly string[],
  place: GoalPlace,
  at: PathKey[],
): void {
  const kpi = engine.kpis.get(measure.kpi);
  const { previous, previousPartial: partial, baseline, baselineTo } = measureTarget(engine, measure, period, channels);
  if (!kpi || partial === null) return;
  const prev = previousPeriod(period);
  // The window the figure is taken over: an implicit baseline stops where an input's export ends.
  const end = baselineTo ?? prev.end;
  const starts: string[] = [];
  const ends: string[] = [];
  for (const c of channels) {
    const known = engine.index.knownStart(c);
    const last = engine.index.coveredTo(end, c);
    if (last === null || last < prev.start) continue;
    if (known !== null && known.day > prev.start)
      starts.push(
        known.by === 'daily'
          ? `${c}'s daily data start on ${formatDay(known.day)}`
          : known.by === 'months'
            ? `${c}'s data start on ${formatDay(known.day)}, with its first month or quarter row`
            : `${c}'s export starts on ${formatDay(known.day)} (its "from")`,
      );
    // An input that starts after the channel's other data (clicks added to its export on 20 March: red-team 16 #4).
    const input = inputsStart(engine, kpi, c);
    if (input !== null && input > prev.start && (known === null || input > known.day))
      starts.push(`${c}'s data for ${measure.kpi} start on ${formatDay(input)}`);
    if (last < end) ends.push(`${c}'s data end on ${formatDay(last)}`);
  }
  // A part of engagements the period has none of: only the days after it compare (red-team 24 #6).
  const dropped = partsDroppedIn(engine, kpi, channels, prev.start, prev.end, [period.start, period.end]);
  if (dropped.length > 0) starts.push(`${prev.label} counts ${droppedWords(dropped)}, which ${period.label} has none of`);
  // Days no export covers inside them: a hole in an export, days between two (red-team 12 #2).
  const holes = holesWords(partial).join(', ');
  const why = [...starts, ...ends, ...(holes ? [`no export covers ${holes}`] : [])].join(', ');
  // Each channel counts its own days where its holes are its own (red-team 29 #3).
  const span = partial.to - partial.from + 1;
  const missing = (gaps: ReadonlyArray<readonly [Day, Day]>) => gaps.reduce((n, [a, b]) => n + b - a + 1, 0);
  const counted = partial.channelGaps
    ? channels.map((c, i) => `${span - missing(partial.channelGaps![c] ?? [])}${i === 0 ? ' days' : ''} on ${c}`).join(', ') + ','
    : `${span - missing(partial.gaps ?? [])}`;
  const days = `${counted} of ${prev.end - prev.start + 1} days${why ? `: ${why}` : ''}`;
  const except = holes ? ` except ${holes}` : '';
  // A total over several channels counts each over its own days: say which are partial, not a range they share (rt17 #8).
  const covers =
    kpi.cumulative && channels.length > 1 && why
      ? `is partial: ${why}`
      : `covers only ${formatDay(partial.from)} to ${formatDay(partial.to)}${except} (${days})`;
  // An export that stops early may cover the days after its last row: its `through` says so.
  const hint = 'if an export covers the days after its last row, give it a "through" day';
  const through = ends.length > 0 ? `${hint}; else ` : '';
  if (kpi.cumulative) {
    if (previous === null) return;
    const use =
      measure.target.kind === 'absolute'
        ? `it is shown flagged, and no achievability is judged from it${ends.length > 0 ? `; ${hint}` : ''}`
        : `the target ${relativeText(measure.target)} applies to that partial total; ${through}give an absolute target if it should not be`;
    place.report.note(at, `the previous total (${measure.kpi} over ${prev.label}) ${covers}: ${use}`);
    return;
  }
  if (baseline === null) {
    place.report.note(
      at,
      `no baseline: ${measure.kpi} over ${prev.label} (the baseline when none is given) ${covers}, and part of a period is ` +
        `no baseline for ${measure.kpi}, which grows with the days it counts: progress cannot be measured and the goal shows ` +
        `"No data"; ${through}give a baseline (the value the goal starts from)`,
    );
    return;
  }
  place.report.note(
    at,
    `the baseline (${measure.kpi} over ${prev.label}, as none is given) ${covers}, ` +
      // Days no export covers are left out of the channel whose export misses them, not of every channel (red-team 29 #3).
      `${partial.channelGaps ? 'each channel counted over the days it covers' : 'the days every channel counted covers'}` +
      `${baselineTo === null ? '' : " to the day an input's export ends"}, as the KPI table compares the quarters; ` +
      `${through}give a baseline if it should not be`,
  );
}

/**
 * Notes a reference, the previous period's figure (the total a relative target applies to, or an
 * implicit baseline), where an input's export ends while the channel's other data goes on (a
 * clicks export downloaded on the 10th): a total over fewer days, or a baseline the build takes
 * only to that day (see `measureTarget`). An export reaches its `through` day, so a campaign that
 * ended inside it is not noted. One note, `say(input, channel, its end, the channel's last day)`,
 * for the first such channel.
 */
function noteReferenceInputs(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  prev: Period,
  place: GoalPlace,
  at: PathKey[],
  say: (input: string, channel: string, end: string, last: string) => string,
): void {
  const inputs = coveredInputs(engine, kpi);
  if (inputs.length === 0) return;
  for (const channel of channels) {
    const last = engine.index.lastDay(prev.end, [channel]);
    if (last === null || last < prev.start) continue;
    const byInput = inputEnds(engine, kpi, channel, prev.start, last);
    if (lacksInput(engine, kpi, byInput)) continue;
    const ends = Object.entries(byInput);
    const [input, end] = ends.reduce((a, b) => (b[1] < a[1] ? b : a));
    if (end >= last) continue;
    place.report.note(at, say(input, channel, formatDay(end), formatDay(last)));
    return;
  }
}

/**
 * Two values as a note shows them: formatted, and where the display rounds them together (1.0%
 * below 1.0%), each followed by the value to as many digits as tell them apart: 1.0% (0.0101).
 */
function apart(a: number, b: number, show: (v: number) => string): [string, string] {
  const [sa, sb] = [show(a), show(b)];
  if (sa !== sb || a === b) return [sa, sb];
  for (let digits = 2; digits <= 15; digits++) {
    const [x, y] = [Number(a.toPrecision(digits)), Number(b.toPrecision(digits))];
    if (x !== y) return [`${sa} (${x})`, `${sb} (${y})`];
  }
  return [sa, sb];
}

/** A relative target as written: `+10%`, `-0.01`. */
/** Parts of engagements that stop before a later period (see `partsDroppedIn`), in words: "saves on ig to 2026-05-15". */
function droppedWords(dropped: ReturnType<typeof partsDroppedIn>): string {
  return dropped.map(({ channel, end, parts }) => `${parts.join(' and ')} on ${channel} to ${formatDay(end)}`).join(', ');
}

function relativeText(t: TargetSpec): string {
  if (t.kind === 'percent') return `${t.ratio >= 0 ? '+' : ''}${Number((t.ratio * 100).toPrecision(12))}%`;
  if (t.kind === 'delta') return `${t.amount >= 0 ? '+' : ''}${t.amount}`;
  return String(t.value);
}

function aboveOrBelow(t: TargetSpec): string {
  return (t.kind === 'percent' ? t.ratio : t.kind === 'delta' ? t.amount : 0) >= 0 ? 'above' : 'below';
}

/** A relative target that moves against the KPI's direction (a fall where up is good). */
function againstDirection(t: TargetSpec, good: Direction): boolean {
  const sign = t.kind === 'percent' ? Math.sign(t.ratio) : t.kind === 'delta' ? Math.sign(t.amount) : 0;
  return good === 'up' ? sign < 0 : sign > 0;
}

/** A KPI's label inside a sentence: "engagement rate", but "CTR" and "NPS" as they are. */
function kpiWords(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function same(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Why a level on a unique metric (reach) over `period` can only ever be a bound of the true figure,
 * so that its status stays undecided unless the bound decides it, even after its deadline: its
 * rows are finer than the period on a channel (months of reach for a quarter: the same people
 * counted in each), or it sums several channels (a person reached on two counted twice). Null
 * when its figure over the whole period is exact, or there is none yet.
 */
function boundOnly(engine: KpiEngine, kpi: Kpi, channels: readonly string[], period: Period): string | null {
  const whole = windowFor(engine, channels, period.start, period.end).value(kpi);
  if (whole.value === null || !whole.approximate) return null;
  const over = whole.channels ?? channels;
  const measured = { current: whole, over, gaps: null, overCovered: false, actual: whole.value };
  const bound = actualBound(engine, kpi, 'level', measured, true);
  if (bound === 'exact') return null;
  const unique = kpi.inputs.filter((name) => engine.index.metrics.get(name)?.aggregation === 'unique');
  const finer = over.filter((c) => windowFor(engine, [c], period.start, period.end).value(kpi).approximate);
  const what = `${unique.join(', ')} over ${period.label}`;
  const why =
    finer.length > 0
      ? `${what} on ${finer.join(', ')} comes only in rows shorter than the period, and summed they count the same people more than once` +
        (whole.bound === 'unbounded' && bound === 'unbounded'
          ? ', and none reached on the days whose rows leave it out (see the note on those rows)'
          : '')
      : `${what} is summed over ${over.join(', ')}, which counts a person reached on two channels twice`;
  const fix =
    finer.length > 0
      ? `export ${unique.join(', ')} for the whole of ${period.label} (one row per channel) to settle it`
      : 'set the goal on one channel to settle it';
  return (
    `${why}: ${kpi.def.id} is then ${bound === 'upper' ? 'only an upper bound' : bound === 'lower' ? 'only a lower bound' : 'neither exact nor a bound'} ` +
    `of the true figure, so the goal cannot settle (achieved or missed), even at its deadline${bound === 'unbounded' ? '' : ', unless that bound decides it'}; ${fix}`
  );
}

/** Days left out of a range, said once: " except 10 June to 20 June, 7 September to 16 September" (not "except … except …"). */
/** A covered part's days no export covers, each range "A to B", said per channel where the part has each channel's own. */
function holesWords(part: CoveredPart): string[] {
  const ranges = (gaps: ReadonlyArray<readonly [Day, Day]>) => gaps.map(([a, b]) => `${formatDay(a)} to ${formatDay(b)}`);
  if (!part.channelGaps) return ranges(part.gaps ?? []);
  return Object.entries(part.channelGaps).map(([channel, gaps]) => `${ranges(gaps).join(', ')} on ${channel}`);
}

function exceptWords(ranges: readonly string[]): string {
  return ranges.length === 0 ? '' : ` except ${ranges.join(', ')}`;
}
