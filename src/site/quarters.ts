import { overlaps, parseQuarter, quartersOverlapping, type Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';

/**
 * The quarters the site reports on, oldest first: from the first to the last quarter with
 * data, those with data or overlapped by a goal's period; and every frozen quarter (its
 * report stays published). A gap in the data (a pause, which validation notes) gets no
 * run of empty reports, and goals beyond the data make no report of their own.
 */
export function reportQuarters(project: Project): Period[] {
  const quarters = new Map<string, Period>();
  const add = (q: Period): void => {
    if (!quarters.has(q.label)) quarters.set(q.label, q);
  };
  const range = project.index.dataRange();
  if (range) {
    const goals = project.goals.map((g) => g.period);
    for (const q of quartersOverlapping(range.first, range.last)) {
      const last = project.index.lastDay(q.end);
      if ((last !== null && last >= q.start) || goals.some((g) => overlaps(g, q))) add(q);
    }
  }
  for (const { snapshot } of project.reports) {
    const parsed = parseQuarter(snapshot.quarter);
    if (parsed.ok) add(parsed.period);
  }
  return [...quarters.values()].sort((a, b) => a.start - b.start);
}
