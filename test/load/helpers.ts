import { formatProblem } from '../../src/load/problems.ts';
import { loadFromSources } from '../../src/load/project.ts';

export const SITE = `title: Test
channels:
  instagram: { label: Instagram }
  linkedin: { label: LinkedIn }
`;

export const VALID_DATA = JSON.stringify(
  {
    channel: 'instagram',
    rows: [
      { date: '2026-04-01', impressions: 1000, engagements: 50, followers: 1000 },
      { date: '2026-04-02', impressions: 1200, engagements: 70, followers: 1010 },
    ],
  },
  null,
  2,
);

/** Loads in-memory files; returns the problems formatted as `path:line:col: message`. */
export function problemsOf(files: {
  site?: string | null;
  goals?: Record<string, string>;
  data?: Record<string, string>;
}): string[] {
  const site = files.site === null ? null : { path: 'content/site.yaml', text: files.site ?? SITE };
  const goals = Object.entries(files.goals ?? {}).map(([path, text]) => ({ path, text }));
  const data = Object.entries(files.data ?? { 'data/ig.json': VALID_DATA }).map(([path, text]) => ({ path, text }));
  const result = loadFromSources(site, goals, data);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** Loads in-memory files; returns errors and notes, formatted, apart. */
export function outcomeOf(files: { site?: string | null; goals?: Record<string, string>; data?: Record<string, string> }): {
  problems: string[];
  notes: string[];
} {
  const site = files.site === null ? null : { path: 'content/site.yaml', text: files.site ?? SITE };
  const goals = Object.entries(files.goals ?? {}).map(([path, text]) => ({ path, text }));
  const data = Object.entries(files.data ?? { 'data/ig.json': VALID_DATA }).map(([path, text]) => ({ path, text }));
  const result = loadFromSources(site, goals, data);
  return { problems: result.ok ? [] : result.problems.map(formatProblem), notes: result.notes.map(formatProblem) };
}
