/** Site URLs, under the site's base path. */

/** `base` + a path inside the site (no leading slash), e.g. href('/r/', 'reports/2026-q2/'). */
export function href(base: string, path = ''): string {
  return `${base.endsWith('/') ? base : `${base}/`}${path}`;
}

/** The URL segment of a quarter: `2026-q2`. */
export function quarterSlug(label: string): string {
  return label.toLowerCase();
}

export const quarterPath = (label: string): string => `reports/${quarterSlug(label)}/`;
export const channelPath = (label: string, channel: string): string => `reports/${quarterSlug(label)}/${channel}/`;
export const csvPath = (label: string, channel?: string): string =>
  channel ? `reports/${quarterSlug(label)}/${channel}/kpis.csv` : `reports/${quarterSlug(label)}/kpis.csv`;
export const goalPath = (id: string): string => `goals/${id}/`;
export const versionPath = (label: string, version: number): string => `reports/${quarterSlug(label)}/v${version}/`;
export const changesPath = 'changes/';
