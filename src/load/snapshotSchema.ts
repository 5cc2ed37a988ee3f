/**
 * zod schema of a frozen report (`reports/<yyyy-qn>/v<k>.json`, see core/snapshot.ts).
 * Strict: a hand-edited snapshot with a typo, a missing figure or a value that is not a
 * finite number is reported at its position, like any other input (the loader then checks
 * the digest, which catches an edit that keeps to the schema).
 */
import * as z from 'zod';
import { GOAL_STATUSES } from '../core/status.ts';
import { SNAPSHOT_FORMAT } from '../core/snapshot.ts';
import { currencyCode, isoDate } from './schemas.ts';

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });
const figure = finite.nullable();
const text = z.string({ error: 'must be text' });
const status = z.enum(GOAL_STATUSES as [string, ...string[]], { error: `must be one of ${GOAL_STATUSES.join(', ')}` });
const band = z.enum(['green', 'yellow', 'red']).nullable();
const channelSelection = z.union([text, z.array(text)]);
const unit = z.enum(['count', 'money', 'percent', 'ratio', 'per_post', 'score', 'minutes']);

const inputsTo = z.record(text, z.record(text, isoDate));
const gaps = z.record(text, z.record(text, z.array(z.strictObject({ from: isoDate, to: isoDate }))));
const days = z.array(z.strictObject({ from: isoDate, to: isoDate }));
/** A KPI cell's `qoq_partial`/`yoy_partial`, a goal's `previous_partial`; `gaps`, `channel_gaps` are absent in snapshots frozen before they carried them. */
const coveredPart = z.strictObject({
  from: isoDate,
  to: isoDate,
  gaps: days.optional(),
  channel_gaps: z.record(text, days).optional(),
});

const kpiCell = z.strictObject({
  value: figure,
  qoq: figure,
  yoy: figure,
  /** Absent in snapshots frozen before KPI cells carried them. */
  previous: z.number().optional(),
  year_ago: z.number().optional(),
  approximate: z.literal(true).optional(),
  /** Absent in snapshots frozen before KPI cells carried it. */
  bound: z.enum(['upper', 'lower', 'unbounded']).optional(),
  channels: z.array(text).optional(),
  left_out: z.array(text).optional(),
  basis: z.literal('net_follows').optional(),
  inputs_to: inputsTo.optional(),
  data_to: isoDate.optional(),
  /** Absent in snapshots frozen before KPI cells carried it. */
  gaps: gaps.optional(),
  counted_from: z.record(text, isoDate).optional(),
  qoq_channels_differ: z.literal(true).optional(),
  yoy_channels_differ: z.literal(true).optional(),
  qoq_bound_differs: z.literal(true).optional(),
  yoy_bound_differs: z.literal(true).optional(),
  qoq_to: isoDate.optional(),
  yoy_to: isoDate.optional(),
  to_date: z.literal(true).optional(),
  qoq_partial: coveredPart.optional(),
  yoy_partial: coveredPart.optional(),
  /** Absent in snapshots frozen before KPI cells carried them. */
  incomplete: z.array(text).optional(),
  incomplete_to: z.record(text, isoDate).optional(),
});

const achievable = z.strictObject({
  verdict: z.enum(['already_met', 'realistic', 'ambitious', 'stretch', 'unknown']),
  needed: figure,
  best: figure,
  median: figure,
  periods: z.number().int().nonnegative(),
});

const goalMeta = {
  id: text,
  title: text,
  category: text.nullable(),
  objective: text.nullable(),
  owner: text.nullable(),
  start: isoDate,
  deadline: isoDate,
  elapsed: finite,
};

const smartGoal = z.strictObject({
  ...goalMeta,
  type: z.literal('smart'),
  kpi: text,
  channel: channelSelection,
  mode: z.enum(['cumulative', 'level']),
  baseline: figure,
  previous: figure,
  /** Absent in snapshots frozen before goals carried them. */
  baseline_to: isoDate.optional(),
  previous_left_out: z.array(text).optional(),
  baseline_left_out: z.array(text).optional(),
  baseline_channels_differ: z.literal(true).optional(),
  reference_to: isoDate.optional(),
  /** Absent in snapshots frozen before goals carried it. */
  previous_partial: coveredPart.optional(),
  baseline_bound: z.enum(['upper', 'lower', 'unbounded']).optional(),
  target: figure,
  actual: figure,
  progress: figure,
  expected: finite,
  status,
  projection: figure,
  approximate: z.literal(true).optional(),
  bound: z.enum(['upper', 'lower', 'unbounded']).optional(),
  left_out: z.array(text).optional(),
  basis: z.literal('net_follows').optional(),
  incomplete: z.array(text).optional(),
  data_to: isoDate.optional(),
  /** Absent in snapshots frozen before goals carried it, and where the incomplete channels end together. */
  incomplete_to: z.record(text, isoDate).optional(),
  actual_to: isoDate.optional(),
  cut_rows: z.literal(true).optional(),
  /** Absent in snapshots frozen before goals carried it. */
  inputs_to: inputsTo.optional(),
  /** Absent in snapshots frozen before goals carried it. */
  gaps: gaps.optional(),
  counted_from: z.record(text, isoDate).optional(),
  provisional: z.literal(true).optional(),
  ends_early: z.literal(true).optional(),
  met_so_far: z.literal(true).optional(),
  achievability: achievable.optional(),
});

const keyResult = z.strictObject({
  id: text,
  title: text.nullable(),
  kpi: text.nullable(),
  channel: channelSelection.nullable(),
  weight: finite,
  manual: z.boolean(),
  baseline: figure,
  baseline_to: isoDate.optional(),
  previous_left_out: z.array(text).optional(),
  baseline_left_out: z.array(text).optional(),
  baseline_channels_differ: z.literal(true).optional(),
  reference_to: isoDate.optional(),
  /** Absent in snapshots frozen before goals carried it. */
  previous_partial: coveredPart.optional(),
  baseline_bound: z.enum(['upper', 'lower', 'unbounded']).optional(),
  target: figure,
  actual: figure,
  progress: figure,
  expected: finite,
  status,
  projection: figure,
  score: figure,
  /** Absent in snapshots frozen before key results carried them. */
  approximate: z.literal(true).optional(),
  bound: z.enum(['upper', 'lower', 'unbounded']).optional(),
  left_out: z.array(text).optional(),
  incomplete: z.array(text).optional(),
  data_to: isoDate.optional(),
  /** Absent in snapshots frozen before goals carried it, and where the incomplete channels end together. */
  incomplete_to: z.record(text, isoDate).optional(),
  actual_to: isoDate.optional(),
  cut_rows: z.literal(true).optional(),
  /** Absent in snapshots frozen before goals carried it. */
  inputs_to: inputsTo.optional(),
  /** Absent in snapshots frozen before goals carried it. */
  gaps: gaps.optional(),
  counted_from: z.record(text, isoDate).optional(),
  provisional: z.literal(true).optional(),
  ends_early: z.literal(true).optional(),
  met_so_far: z.literal(true).optional(),
  achievability: achievable.optional(),
});

const okrGoal = z.strictObject({
  ...goalMeta,
  type: z.literal('okr'),
  stretch: z.boolean(),
  score: figure,
  band,
  undecided: z.array(text).optional(),
  /** Absent in snapshots frozen before objectives carried it, and when every key result has data. */
  without_data: z.array(text).optional(),
  /** Absent in snapshots frozen before objectives carried it, and when no key result is measured on a bound. */
  bounded: z.array(text).optional(),
  /** Absent in snapshots frozen before objectives carried it, and when the score is exact. */
  score_bound: z.enum(['lower', 'upper', 'unbounded']).optional(),
  key_results: z.array(keyResult),
});

const report = z.strictObject({
  period: text,
  as_of: isoDate,
  channels: z.array(text),
  /** Absent in snapshots frozen before coverage was recorded. */
  coverage: z.record(text, isoDate.nullable()).default({}),
  incomplete: z.array(text).default([]),
  kpis: z.record(text, z.record(text, kpiCell)),
  goals: z.array(z.discriminatedUnion('type', [smartGoal, okrGoal], { error: "type must be 'smart' or 'okr'" })),
});

const figures = z.strictObject({
  report,
  trends: z.array(
    z.strictObject({
      kpi: text,
      step: z.enum(['week', 'month']),
      lines: z.array(z.strictObject({ channel: text, points: z.array(z.strictObject({ date: isoDate, value: figure })) })),
    }),
  ),
  mentions: z.array(z.strictObject({ channel: text, positive: figure, neutral: figure, negative: figure })),
});

export const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT, {
    error: `must be ${SNAPSHOT_FORMAT}: this snapshot was written by another version of goalpost; freeze the quarter again`,
  }),
  quarter: text,
  version: z.number().int().positive(),
  frozen_at: z.iso.datetime({ error: 'must be a date and time in ISO 8601 (2026-07-03T09:30:00.000Z)' }),
  commit: text.nullable(),
  uncommitted_changes: z.boolean(),
  /** Absent in snapshots frozen before it was recorded. */
  goalpost: z.strictObject({ version: text, core: z.string().regex(/^[0-9a-f]{16}$/) }).optional(),
  /** Absent in snapshots frozen before it was recorded. */
  currency: currencyCode.optional(),
  inputs: z.strictObject({ fingerprint: text, files: z.record(text, text) }),
  goals: z.array(z.record(text, z.unknown())),
  kpis: z.array(
    z.strictObject({
      id: text,
      label: text,
      unit,
      good: z.enum(['up', 'down']),
      formula: text,
      description: text,
      /** Absent in snapshots frozen before metas carried it. */
      grows_with_window: z.boolean().optional(),
    }),
  ),
  figures: z.record(text, figures),
  digest: z.string({ error: 'must be text' }).regex(/^sha256:[0-9a-f]{64}$/, {
    error: "must be 'sha256:' and 64 hex digits, as goalpost freeze writes it; freeze again instead of editing a snapshot",
  }),
});
