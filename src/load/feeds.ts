/**
 * Goals that no data can feed. A goal on follower count over channels whose exports give only
 * daily follows (new and lost followers, no total) would show "No data" for ever: that is an
 * error with the way out. A goal whose KPI reads a metric that none of its channels reports yet
 * is a note (the data may simply not have arrived). Runs after loading, on valid content.
 */
import type { Goal, Measure } from '../core/goals.ts';
import { type KpiEngine, resolveChannels } from '../core/kpis.ts';
import { FOLLOWS } from '../core/metrics.ts';
import { forEachMeasure, type GoalPlace } from './goals.ts';
import type { PathKey } from './locate.ts';

const NEED_TOTAL = new Set(['followers', 'followers_start']);

/** Reports, at the KPI, every goal or key result whose KPI none of its channels can feed. */
export function checkFeeds(engine: KpiEngine, goals: readonly Goal[], places: ReadonlyMap<string, GoalPlace>): void {
  forEachMeasure(goals, places, (measure, _period, place, path) => check(engine, measure, place, path));
}

function check(engine: KpiEngine, measure: Measure, place: GoalPlace, path: PathKey[]): void {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) return;
  const { index } = engine;
  const channels = resolveChannels(measure.channel, index.channels);
  if (channels.length === 0) return;
  const where = channels.length === 1 ? channels[0]! : `any of ${channels.join(', ')}`;
  const hasFollows = FOLLOWS.some((m) => index.has(m, channels));
  const hasTotal = index.has('followers', channels);
  if (kpi.inputs.some((name) => NEED_TOTAL.has(name)) && !hasTotal) {
    if (hasFollows) {
      place.report.at(
        [...path, 'kpi'],
        `${measure.kpi} needs a follower total, and the data of ${where} has only daily follows ` +
          '(new_followers, lost_followers): use follower_growth, which counts new minus lost followers, ' +
          'or add one "followers" value (the total shown on the profile) to the data',
      );
    } else {
      place.report.note(
        [...path, 'kpi'],
        `no follower data for ${where} yet: the goal shows no figure until "followers" values arrive`,
      );
    }
    return;
  }
  if (kpi.inputs.includes('followers_change') && !hasTotal && !hasFollows) {
    place.report.note(
      [...path, 'kpi'],
      `no follower data for ${where} yet: the goal shows no figure until "followers" ` + 'or "new_followers" values arrive',
    );
    return;
  }
  const missing = kpi.inputs.filter((name) => index.metrics.get(name) && !NEED_TOTAL.has(name) && !index.has(name, channels));
  if (missing.length > 0) {
    place.report.note(
      [...path, 'kpi'],
      `no data for ${missing.map((m) => `'${m}'`).join(', ')} on ${where} yet: ` +
        `${measure.kpi} shows no figure until it arrives`,
    );
  }
}
