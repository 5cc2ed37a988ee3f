import { parseQuarter, quartersOverlapping, type Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';

/**
 * The quarters the site reports on, oldest first: every quarter from the first to the
 * last day with data, and every frozen quarter (its report stays published).
 */
export function reportQuarters(project: Project): Period[] {
  const range = project.index.dataRange();
  const quarters = new Map((range ? quartersOverlapping(range.first, range.last) : []).map((q) => [q.label, q]));
  for (const { snapshot } of project.reports) {
    const parsed = parseQuarter(snapshot.quarter);
    if (parsed.ok && !quarters.has(parsed.period.label)) quarters.set(parsed.period.label, parsed.period);
  }
  return [...quarters.values()].sort((a, b) => a.start - b.start);
}
