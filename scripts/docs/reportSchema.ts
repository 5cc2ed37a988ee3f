/**
 * zod schema of what `goalpost report --json` prints (src/core/report.ts ReportJson, with
 * the figures it shows from src/cli/report.ts and each goal's moved goalposts from
 * src/review/history.ts). Only the JSON Schema generator and the tests use it: the CLI
 * builds its output from the typed report, and this schema is checked against that output.
 */
import * as z from 'zod';
import type { ReportJson } from '../../src/core/report.ts';
import { GOAL_STATUSES } from '../../src/core/status.ts';
import type { MovedGoalpostJson } from '../../src/review/history.ts';
import { isoDate } from '../../src/load/schemas.ts';

const figure = z.number().nullable();
const text = z.string();
const channelSelection = z.union([text, z.array(text)]);
const status = z.enum(GOAL_STATUSES as [string, ...string[]]);
const coveredPart = z.strictObject({
  from: isoDate,
  to: isoDate,
  gaps: z
    .array(z.strictObject({ from: isoDate, to: isoDate }))
    .optional()
    .meta({
      description:
        'Ranges of days inside from–to that no export of an input covers on a channel counted (a hole in a daily export, days between two exports): not among the days covered.',
    }),
  channel_gaps: z
    .record(text, z.array(z.strictObject({ from: isoDate, to: isoDate })))
    .optional()
    .meta({
      description:
        "Where the figure counts more than one channel: each channel's own gaps, by channel id. A rate leaves out of each channel only the days its exports miss, so these, not gaps, are the days each channel is counted without.",
    }),
});

const kpiCell = z.strictObject({
  value: figure.meta({
    description:
      'The KPI over the quarter as of the as-of date; null when it cannot be computed (a denominator of 0 or missing).',
  }),
  qoq: figure.meta({
    description:
      'Relative change vs the previous quarter, (this − previous) / |previous|; null when the earlier value is missing or 0.',
  }),
  yoy: figure.meta({
    description: 'Relative change vs the same quarter a year before; null when the earlier value is missing or 0.',
  }),
  previous: z.number().optional().meta({
    description:
      "The previous quarter's value that qoq compares with (taken over the same days as qoq: see qoq_to, qoq_partial); present where qoq is not null. A change in points is value − previous.",
  }),
  year_ago: z.number().optional().meta({
    description: 'The value a year before that yoy compares with; present where yoy is not null.',
  }),
  approximate: z
    .literal(true)
    .optional()
    .meta({ description: 'Reads a reach summed from finer rows or across channels: the value is only a bound (see bound).' }),
  bound: z.enum(['upper', 'lower', 'unbounded']).optional().meta({
    description:
      'With approximate: the value is an upper bound of the true figure (reach, reach per post), a lower one (a KPI that divides by the summed reach: spend per thousand reached) or neither.',
  }),
  channels: z
    .array(text)
    .optional()
    .meta({ description: 'Over several channels: the channels reporting every input of the KPI, which it is computed over.' }),
  left_out: z.array(text).optional().meta({ description: 'Over several channels: the channels left out for lacking an input.' }),
  basis: z
    .literal('net_follows')
    .optional()
    .meta({ description: 'Followers counted from daily follows (new − lost followers).' }),
  inputs_to: z.record(text, z.record(text, isoDate)).optional().meta({
    description:
      "The channels whose summed inputs of the KPI end on different days in the quarter (e.g. clicks to 2026-09-10, impressions to 2026-09-30), with each input's last day: the figure mixes ranges.",
  }),
  data_to: isoDate.optional().meta({
    description:
      'Computed only to this day, the last where every summed input is whole: a month or quarter row of one input goes on past the day the others reach (clicks as a row for August, impressions to 2026-08-20: computed to 2026-07-31). With inputs_to.',
  }),
  gaps: z
    .record(text, z.record(text, z.array(z.strictObject({ from: isoDate, to: isoDate }))))
    .optional()
    .meta({
      description:
        "Per channel and summed input, the days in the quarter no export covers between two of its exports (clicks from 2026-06-11 to 2026-06-30): unknown days. A rate of flows (CTR, cost per lead) is taken over the days every input covers, as a goal is; a total is as it is, flagged, with qoq and yoy null (part of a quarter against whole ones). A total's gaps also list the days after an input's exports end while its channel's other data go on (mentions as month rows to August beside daily rows to 2026-09-30: from 2026-09-01 to 2026-09-30), with qoq and yoy null likewise.",
    }),
  counted_from: z.record(text, isoDate).optional().meta({
    description:
      "A change of followers (follower growth, audience growth rate) counted, as the catalogue says, from the last total before the quarter where that total is a week old or more on the quarter's eve and no daily follows carry it on (totals on the 1st of each month: Q4 from 2026-09-01): per channel, that total's day. The figure holds the change since then, not the quarter's alone.",
  }),
  qoq_channels_differ: z.literal(true).optional().meta({
    description:
      'Computed over other channels in the previous quarter: a rate (its formula divides) has qoq null, the two are not comparable; a total keeps its change (a channel launched or stopped is part of it), flagged.',
  }),
  yoy_channels_differ: z.literal(true).optional().meta({
    description: 'The same against the quarter a year before: a rate has yoy null, a total keeps it.',
  }),
  qoq_bound_differs: z.literal(true).optional().meta({
    description:
      "One of the value and the previous quarter's is only a bound of the true figure and the other is exact (reach as month rows, then as quarter rows): they do not compare, and qoq is null.",
  }),
  yoy_bound_differs: z.literal(true).optional().meta({ description: 'The same against the quarter a year before (yoy).' }),
  qoq_to: isoDate.optional().meta({
    description:
      "qoq compares with the previous quarter only to this day: a KPI that is not a total whose inputs end apart there (clicks to 2026-06-10, impressions to 2026-06-30) is taken to the first day an input stops, over days all its inputs cover (as a goal's baseline_to); any KPI to the last day every input is whole (a month row beside day rows, as data_to).",
  }),
  yoy_to: isoDate.optional().meta({ description: 'The same for the quarter a year before (yoy).' }),
  to_date: z.literal(true).optional().meta({
    description:
      'The quarter is not over and the KPI grows with the days counted (a total, a reach): qoq and yoy compare the quarter to date with whole quarters.',
  }),
  qoq_partial: coveredPart.optional().meta({
    description:
      "A channel counted covers the previous quarter only in part: its daily data start after the quarter's first day while other data start earlier (launched on 2026-05-20), or its exports end before the quarter's last day, or an export of an input misses days inside it (gaps: a hole in a daily export, days between two exports). The days every channel counted covers (from–to without the gaps): a total (or a reach) has qoq null, part of a quarter against a whole one; a rate is compared with its rate over those days.",
  }),
  yoy_partial: coveredPart.optional().meta({ description: 'The same for the quarter a year before (yoy).' }),
  incomplete: z.array(text).optional().meta({
    description:
      "Channels counted in the figure whose data stop before the quarter's last day (or the as-of date, when earlier): the figure covers part of the quarter for them, as the report's incomplete says. A figure that grows with the days counted (a total, a reach, a follower growth) then has qoq and yoy null: part of a quarter against whole ones; a rate or a follower count keeps its change, marked.",
  }),
  incomplete_to: z
    .record(text, isoDate)
    .optional()
    .meta({ description: 'With incomplete: each of those channels\' last day with data (e.g. { "instagram": "2026-05-15" }).' }),
});

const achievability = z
  .strictObject({
    verdict: z.enum(['already_met', 'realistic', 'ambitious', 'stretch', 'unknown']).meta({
      description:
        "The target against the KPI's past changes over periods of the same length: already_met, realistic, ambitious (above the 75th percentile), stretch (above the best), unknown (fewer than four).",
    }),
    needed: figure.meta({
      description: 'The relative change the target asks for (a decrease counts as positive on a "down" KPI).',
    }),
    best: figure.meta({ description: 'The largest past change, in the same sense.' }),
    median: figure,
    periods: z.number().int().nonnegative().meta({ description: 'How many past changes there are.' }),
  })
  .optional()
  .meta({ description: "Whether the target is achievable, judged against the KPI's own history." });

const movedGoalpost = z.strictObject({
  field: text.meta({
    description:
      'The changed field (target, baseline, milestones, start, deadline, kpi, channel, weight...; formula, unit or good of a redefined KPI, with kpi), or id for a rename, key_result for an added or removed key result, goal for a removed goal.',
  }),
  kr: text.optional().meta({ description: 'The key result concerned.' }),
  kpi: text
    .optional()
    .meta({ description: 'For a KPI redefined under the goal (field formula, unit or good): the id of that KPI.' }),
  old: z.unknown(),
  new: z.unknown(),
  date: isoDate.meta({ description: 'The date of the commit that moved it.' }),
  commit: text.meta({ description: 'The short hash of that commit.' }),
  reason: text,
});

const movedGoalposts = z.array(movedGoalpost).optional().meta({
  description:
    'Moved goalposts of the goal from its git history (an empty list when none moved); absent when the content is not in a git repository.',
});

const goalMeta = {
  id: text,
  title: text,
  category: text.nullable(),
  objective: text.nullable(),
  owner: text.nullable(),
  start: isoDate,
  deadline: isoDate,
  elapsed: z.number().meta({ description: "Share of the goal's period elapsed at the as-of date, 0 to 1." }),
};

const incomplete = z
  .array(text)
  .optional()
  .meta({ description: 'Channels whose data for the period ends before the as-of day.' });
const dataTo = isoDate.optional().meta({
  description:
    "With incomplete: the day it is evaluated as of, the last day its channels all have data (and each of the KPI's summed inputs; see inputs_to).",
});

const incompleteTo = z.record(text, isoDate).optional().meta({
  description:
    'With incomplete channels whose data end on different days: each one with its own last day (instagram to 2026-09-15, facebook to 2026-09-10); data_to is the earliest. Absent when they end together: each ends on data_to.',
});

const actualTo = isoDate.optional().meta({
  description:
    "A total that cannot be negative which, over every day with data to this day (past data_to), already decides the goal (a cap overspent, a target reached): actual, progress and status are that total's; the pace and projection stay as of data_to.",
});

const cutRows = z.literal(true).optional().meta({
  description:
    'A month or quarter row of a unique metric (reach) straddles the start or end of the window and is left out, with no finer rows for its part: the actual is neither exact nor an upper bound, so progress and status are n/a (no_data).',
});

const goalInputsTo = z.record(text, z.record(text, isoDate)).optional().meta({
  description:
    "The channels whose exports of a summed input of the KPI end before their other data in the goal's period so far (e.g. clicks to 2026-09-10, impressions to 2026-09-30), with each input's last day: the goal is evaluated as of the first of them (data_to), not on figures over different days.",
});

const goalCountedFrom = z.record(text, isoDate).optional().meta({
  description:
    "The actual, a change of followers, is counted from a total a week old or more when the period began (see the KPI table's counted_from): per channel, that total's day. It is neither the period's change nor a bound of it: status undecided, no projection.",
});
const goalGaps = z
  .record(text, z.record(text, z.array(z.strictObject({ from: isoDate, to: isoDate }))))
  .optional()
  .meta({
    description:
      "Days in the goal's period so far that no export of a summed input of the KPI covers on a channel of its actual, between two of its exports (a clicks file ending 2026-06-10, the next starting 2026-07-01): per channel and input, the ranges. Those days are unknown: the figure counts nothing for them, so it is flagged.",
  });

const baselineTo = isoDate.optional().meta({
  description:
    "A level's implicit baseline (none given) whose previous period has an input of the KPI exported only to an earlier day than the channel's other data (clicks to 2026-09-10, impressions to 2026-09-30): the baseline is the KPI over the previous period up to this day, the days all its inputs cover, not a figure over different days.",
});

const referenceTo = isoDate.optional().meta({
  description:
    "A relative target on a total whose reference, the previous period's total, counts an input (or a channel's whole data) only up to this day, where its export ends before the period does: the reference is kept as it is (a partial total), and flagged.",
});

const previousLeftOut = z.array(text).optional().meta({
  description:
    "Channels of the goal that have the KPI over the previous period but that its reference (a relative target's total, or the implicit baseline) leaves out, as its actual does (a channel that stopped before the period): like with like, said.",
});

const baselineLeftOut = z.array(text).optional().meta({
  description:
    "Channels the goal's actual counts that its implicit baseline has no data for: none over the previous period (a channel launched in this one), or none up to baseline_to (a channel launched after an input export ended). The baseline is the KPI over the other channels alone.",
});

const baselineChannelsDiffer = z.literal(true).optional().meta({
  description:
    "The implicit baseline is a rate (CPC, CTR) that leaves out a channel the actual counts (baseline_left_out): a rate of other channels is no comparison (the KPI table's qoq_channels_differ), so progress is null and the status undecided; give a baseline to measure progress. A figure that adds up across channels (a follower count) keeps its progress.",
});

const baselineBound = z.enum(['upper', 'lower', 'unbounded']).optional().meta({
  description:
    "A level's implicit baseline (the KPI over the previous period) would be only this bound of the true figure (a reach summed from month rows is an upper bound; a cost per thousand reached over it a lower one): such a figure is no baseline, so baseline is null, progress cannot be measured and the status is no_data. Absent when the baseline is given or exact.",
});
const previousPartial = coveredPart.optional().meta({
  description:
    "The previous period is covered only over these days by a channel the goal's reference counts (its daily data start after the period's first day, as a channel launched on 2026-05-15, or end before its last), or an export of an input misses days inside it (gaps: a hole in a daily export, days between two exports), as the KPI table's qoq_partial: a KPI that does not grow with its days (a rate) has its previous value and implicit baseline taken over them; a total keeps its previous value, which judges no achievability; a level that grows with its days (reach) gets no implicit baseline (part of a period is none).",
});

const provisional = z.literal(true).optional().meta({
  description:
    'A level on a KPI that builds up as its period runs (reach, audience growth rate), before its deadline: its value so far is compared with a whole period, so progress and status are provisional.',
});

const metSoFar = z.literal(true).optional().meta({
  description:
    "Before the deadline, the target is met on data that end before the report's day (data_to), which could not settle it at the deadline (a level): the status is on_track, not achieved, so that no achieved is withdrawn while those data stay the same.",
});
const endsEarly = z.literal(true).optional().meta({
  description:
    'The as-of day is on or after the deadline while the data end before it (data_to), or the data end before the period (a follower count carried into it, at any as-of day): the figures are as of data_to, and the status settles only on what they decide (a total already past its target, a cap already overspent, a count over other channels already at its target), else undecided, with no projection.',
});

const smartGoal = z.strictObject({
  ...goalMeta,
  type: z.literal('smart'),
  kpi: text,
  channel: channelSelection,
  mode: z.enum(['cumulative', 'level']),
  baseline: figure,
  previous: figure,
  baseline_to: baselineTo,
  reference_to: referenceTo,
  previous_left_out: previousLeftOut,
  baseline_left_out: baselineLeftOut,
  baseline_channels_differ: baselineChannelsDiffer,
  previous_partial: previousPartial,
  baseline_bound: baselineBound,
  target: figure,
  actual: figure,
  progress: figure.meta({
    description: 'Unclamped: cumulative actual / target; level (actual − baseline) / (target − baseline).',
  }),
  expected: z.number(),
  status,
  projection: figure,
  approximate: z.literal(true).optional(),
  bound: z.enum(['upper', 'lower', 'unbounded']).optional().meta({
    description:
      'The actual is only an upper or a lower bound of the true figure (reach summed from finer rows; a total over days no export covers, at its deadline), or neither: its status stands only where the true figure could not change it.',
  }),
  left_out: z
    .array(text)
    .optional()
    .meta({ description: 'Channels of the goal left out of its actual for lacking an input of the KPI.' }),
  basis: z.literal('net_follows').optional(),
  incomplete,
  data_to: dataTo,
  incomplete_to: incompleteTo,
  actual_to: actualTo,
  cut_rows: cutRows,
  inputs_to: goalInputsTo,
  gaps: goalGaps,
  counted_from: goalCountedFrom,
  provisional,
  ends_early: endsEarly,
  met_so_far: metSoFar,
  achievability,
  moved_goalposts: movedGoalposts,
});

const keyResult = z.strictObject({
  id: text,
  title: text.nullable(),
  kpi: text.nullable(),
  channel: channelSelection.nullable(),
  weight: z.number(),
  manual: z.boolean(),
  baseline: figure,
  baseline_to: baselineTo,
  reference_to: referenceTo,
  previous_left_out: previousLeftOut,
  baseline_left_out: baselineLeftOut,
  baseline_channels_differ: baselineChannelsDiffer,
  previous_partial: previousPartial,
  baseline_bound: baselineBound,
  target: figure,
  actual: figure,
  progress: figure,
  expected: z.number(),
  status,
  projection: figure,
  score: figure.meta({ description: 'Progress clamped to 0–1; null when it cannot be computed or the period has not started.' }),
  approximate: z.literal(true).optional(),
  bound: z.enum(['upper', 'lower', 'unbounded']).optional().meta({
    description: "As a SMART goal's bound: the actual is only an upper or a lower bound of the true figure, or neither.",
  }),
  left_out: z
    .array(text)
    .optional()
    .meta({ description: 'Channels of the key result left out of its actual for lacking an input of the KPI.' }),
  incomplete,
  data_to: dataTo,
  incomplete_to: incompleteTo,
  actual_to: actualTo,
  cut_rows: cutRows,
  inputs_to: goalInputsTo,
  gaps: goalGaps,
  counted_from: goalCountedFrom,
  provisional,
  ends_early: endsEarly,
  met_so_far: metSoFar,
  achievability,
});

const okrGoal = z.strictObject({
  ...goalMeta,
  type: z.literal('okr'),
  stretch: z.boolean(),
  score: figure.meta({ description: "Weighted mean of the key results' scores, 0 to 1; null before the start." }),
  band: z.enum(['green', 'yellow', 'red']).nullable().meta({
    description: 'The band of the score; null without a score, or while undecided key results could still change it.',
  }),
  undecided: z.array(text).optional().meta({
    description: 'Key results whose status is undecided: the score counts them as 0, so it is only a floor of the true one.',
  }),
  without_data: z.array(text).optional().meta({
    description:
      'Key results whose status is no_data (no value of the KPI, no baseline): the score counts them as 0, so it is only a floor of the true one.',
  }),
  bounded: z.array(text).optional().meta({
    description:
      'Key results whose actual is only a bound of the true figure (reach summed from month rows): the score counts them at their score, itself a bound.',
  }),
  score_bound: z.enum(['lower', 'upper', 'unbounded']).optional().meta({
    description:
      'Present when the score is not exact: lower (a floor: key results undecided or without data count 0, or scores at least what is shown), upper (a ceiling: key results whose score is at most what is shown), unbounded (neither).',
  }),
  key_results: z.array(keyResult),
  moved_goalposts: movedGoalposts,
});

/** The object `goalpost report --json` prints. */
export const reportJsonSchema = z
  .strictObject({
    period: text.meta({ description: 'The quarter, e.g. 2026-Q2.' }),
    figures: z
      .enum(['live', 'frozen'])
      .meta({ description: "Whether the figures are today's computation or a frozen version's." }),
    version: z.number().int().positive().nullable().meta({ description: 'The frozen version shown; null for live figures.' }),
    frozen_at: z.iso.datetime().nullable().meta({ description: 'When the version shown was frozen; null for live figures.' }),
    as_of: isoDate.meta({ description: "The day the goals are evaluated as of: the quarter's last day with data, or --as-of." }),
    partial: z.boolean().meta({
      description:
        'Whether the quarter is not over as of as_of: qoq and yoy then compare the quarter to date with the whole previous quarter and the whole quarter a year before.',
    }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .meta({
        description:
          "The ISO 4217 currency of the amounts of money: the site's, or for a frozen version the one it was frozen in (the site's currency then).",
      }),
    currency_now: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .meta({
        description:
          "Present on a frozen version frozen in another currency than the site's of today: the site's currency now (today's figures are in it, and its amounts of money count as restated whatever their numbers).",
      }),
    channels: z.array(text).meta({ description: 'The scopes of kpis: all and each channel, or the one channel asked for.' }),
    coverage: z.record(text, isoDate.nullable()).meta({
      description:
        "Each channel's last day with data in the quarter, up to the as-of day (null: none): the last day its exports are known to cover (an export's first row to its through, else its last row). An export of month or quarter rows alone (reach by month) does not carry a channel past its daily exports in that quarter.",
    }),
    incomplete: z.array(text).meta({ description: 'Channels whose data for the quarter ends before the as-of day.' }),
    kpis: z
      .record(text, z.record(text, kpiCell))
      .meta({ description: 'KPI values by scope (all, then each channel) and KPI id.' }),
    goals: z
      .array(z.discriminatedUnion('type', [smartGoal, okrGoal]))
      .meta({ description: 'Every goal whose period overlaps the quarter.' }),
  })
  .meta({ title: 'goalpost report --json' });

/** What the CLI prints, as the TypeScript types describe it. */
type PrintedReport = Omit<ReportJson, 'goals'> & {
  partial: boolean;
  figures: 'live' | 'frozen';
  version: number | null;
  frozen_at: string | null;
  currency: string;
  currency_now?: string;
  goals: Array<ReportJson['goals'][number] & { moved_goalposts?: MovedGoalpostJson[] }>;
};

/** Compile-time check that the typed report fits the schema (a field renamed in one and not the other fails tsc). */
export const printedReportFits = (r: PrintedReport): z.input<typeof reportJsonSchema> => ({
  ...r,
  goals: r.goals.map((g) =>
    g.type === 'smart'
      ? { ...g, channel: typeof g.channel === 'string' ? g.channel : [...g.channel] }
      : {
          ...g,
          key_results: g.key_results.map((kr) => ({
            ...kr,
            channel: kr.channel === null || typeof kr.channel === 'string' ? kr.channel : [...kr.channel],
          })),
        },
  ),
});
