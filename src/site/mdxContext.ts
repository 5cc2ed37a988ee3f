import { parseQuarter, type Period } from '../core/periods.ts';

/** The quarter an MDX component reports on: its `period` prop, else the quarter in the page's URL (`/reports/2026-q2/`). */
export function quarterFor(period: string | undefined, pathname: string): Period | null {
  const text = period ?? /\/reports\/(\d{4}-q[1-4])\//i.exec(pathname)?.[1];
  if (!text) return null;
  const parsed = parseQuarter(text.toUpperCase());
  return parsed.ok ? parsed.period : null;
}
