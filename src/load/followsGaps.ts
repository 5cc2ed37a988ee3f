/**
 * Follows missing for a week or more between two follows exports of a channel that also gives
 * follower totals (red-team 18 #6): a follower count is never carried across such days by the
 * follows into a later quarter (`MetricIndex.followersAtEnd`), so the counts of the quarters after
 * them, up to the next total, are n/a (the quarter holding them flags them on its own count).
 * Without a note the reader saw "n/a" (a goal on follower_count "No data") and no reason; the
 * note names the days and the fix. Runs after loading, on valid content.
 */
import { formatDay } from '../core/dates.ts';
import { HOLE_MIN_DAYS } from '../core/exportHoles.ts';
import type { MetricIndex, MetricRow } from '../core/metricIndex.ts';
import { FOLLOWS } from '../core/metrics.ts';
import type { FileReporter } from './files.ts';

/** Notes, at the first follows row after it, each run of a week or more with no follows export on a channel with follower totals. */
export function checkFollowsGaps(
  rows: readonly MetricRow[],
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  // Per channel: the day rows giving follows, by day, and its follower totals' days.
  const follows = new Map<string, MetricRow[]>();
  const totals = new Map<string, number[]>();
  for (const row of rows) {
    if (row.period.kind !== 'day') continue;
    if (Object.hasOwn(row.values, 'followers')) totals.set(row.channel, [...(totals.get(row.channel) ?? []), row.period.start]);
    if (FOLLOWS.some((m) => Object.hasOwn(row.values, m))) {
      const list = follows.get(row.channel);
      if (list) list.push(row);
      else follows.set(row.channel, [row]);
    }
  }
  for (const [channel, list] of [...follows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const days = totals.get(channel);
    if (!days) continue;
    list.sort((x, y) => x.period.start - y.period.start);
    const first = list[0]!.period.start;
    const last = list.at(-1)!.period.start;
    const gaps = new Map<number, readonly [number, number]>();
    for (const metric of FOLLOWS)
      for (const gap of index.coverageGaps(channel, metric, first, last))
        if (gap[1] - gap[0] + 1 >= HOLE_MIN_DAYS && (gaps.get(gap[0])?.[1] ?? -Infinity) < gap[1]) gaps.set(gap[0], gap);
    for (const [from, to] of [...gaps.values()].sort((x, y) => x[0] - y[0])) {
      const after = list.find((r) => r.period.start > to);
      if (!after) continue;
      const before = days.filter((d) => d < from).at(-1);
      const next = days.find((d) => d > to);
      const carried =
        before === undefined
          ? `follower counts before them, taken back from the total of ${formatDay(next!)}, are n/a`
          : `follower counts of the quarters after them, carried across them from the total of ${formatDay(before)}, are n/a` +
            (next === undefined ? '' : ` until the total of ${formatDay(next)}`) +
            ', while the count of the quarter they fall in takes them as none, flagged';
      reporters
        .get(after.origin.file)
        ?.note(
          ['rows', after.origin.row],
          `no export gives ${channel}'s follows from ${formatDay(from)} to ${formatDay(to)}: ${carried} ` +
            `(the follows over those days are unknown, not none); add the export that covers them, or give a ` +
            `followers total on a day after them`,
          'key',
        );
    }
  }
}

/**
 * Notes, at a channel's first follower total, a count the follows before it take below 0 (red-team 23 #1:
 * Meta's daily "Facebook follows" gives new follows only, beside a total read off the page): such counts
 * are n/a (`MetricIndex.negativeCount`), and the note says why and what to fix.
 */
export function checkNegativeCounts(
  rows: readonly MetricRow[],
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  for (const channel of index.channels) {
    const below = index.negativeCount(channel);
    if (!below) continue;
    const row = rows.find(
      (r) => r.channel === channel && r.period.end === below.totalDay && Object.hasOwn(r.values, 'followers'),
    );
    if (!row) continue;
    reporters
      .get(row.origin.file)
      ?.note(
        ['rows', row.origin.row, 'followers'],
        `${channel}'s follower count, taken back from the total of ${below.total} on ${formatDay(below.totalDay)} by the ` +
          `follows since ${formatDay(below.day + 1)}, is below 0 on ${formatDay(below.day)} (${below.value}): the counts ` +
          `below 0 are n/a; the follows lack the unfollows (lost_followers), or the total is wrong: add the unfollows, ` +
          `or check the total`,
        'key',
      );
  }
}
