/**
 * A goal's definition as plain JSON, as its author wrote it (dates written out, targets
 * in their written form): what the goal diff shows for added and removed goals and what
 * a frozen report keeps of each goal.
 */
import { formatDay } from './dates.ts';
import type { Goal, KeyResult, Milestone, TargetSpec } from './goals.ts';

/** A target as written: `14400`, `+20%`, `+500`. */
export function targetText(t: TargetSpec): string {
  switch (t.kind) {
    case 'absolute':
      return String(t.value);
    case 'percent':
      return `${t.ratio >= 0 ? '+' : ''}${Math.round(t.ratio * 1e6) / 1e4}%`;
    case 'delta':
      return `${t.amount >= 0 ? '+' : ''}${t.amount}`;
  }
}

/** Milestones as written: `{ date, target }`. */
export function milestones(list: readonly Milestone[]): Array<{ date: string; target: number }> {
  return list.map((m) => ({ date: formatDay(m.date), target: m.target }));
}

/** A goal's definition as plain JSON (dates written out), for added and removed goals. */
export function definition(g: Goal): Record<string, unknown> {
  const common = {
    type: g.type,
    title: g.title,
    description: g.description,
    category: g.category,
    objective: g.objective,
    owner: g.owner,
    start: formatDay(g.period.start),
    deadline: formatDay(g.period.end),
  };
  if (g.type === 'smart') {
    return {
      ...common,
      kpi: g.kpi,
      channel: g.channel,
      baseline: g.baseline,
      target: targetText(g.target),
      milestones: milestones(g.milestones),
    };
  }
  return { ...common, stretch: g.stretch, key_results: g.keyResults.map(krDefinition) };
}

/** A key result's definition as plain JSON (its measure or manual target, weight, title). */
export function krDefinition(kr: KeyResult): Record<string, unknown> {
  return {
    id: kr.id,
    title: kr.title,
    weight: kr.weight,
    ...(kr.measure
      ? {
          kpi: kr.measure.kpi,
          channel: kr.measure.channel,
          baseline: kr.measure.baseline,
          target: targetText(kr.measure.target),
          milestones: milestones(kr.measure.milestones),
        }
      : {}),
    ...(kr.manual ? { manual: kr.manual } : {}),
  };
}
