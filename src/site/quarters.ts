import { quartersOverlapping, type Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';

/** The quarters the site reports on: every quarter from the first to the last day with data, oldest first. */
export function reportQuarters(project: Project): Period[] {
  const range = project.index.dataRange();
  return range ? quartersOverlapping(range.first, range.last) : [];
}
