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
/** What names a download: `2026-q3`, `2026-q3-instagram`, `2026-q3-v1` (the part between `goalpost-` and `-kpis.csv`). */
export const downloadSlug = (label: string, scope?: { channel?: string; version?: number }): string =>
  `${quarterSlug(label)}${scope?.channel ? `-${scope.channel}` : ''}${scope?.version !== undefined ? `-v${scope.version}` : ''}`;
/** A download's file name, the same on disk and in the `download` attribute: `goalpost-2026-q3-instagram-kpis.csv`. */
export const downloadName = (slug: string, what: 'kpis' | 'scorecard'): string => `goalpost-${slug}-${what}.csv`;
/** The KPI CSV of a quarter, a quarter's channel or a frozen version. */
export const csvPath = (label: string, channel?: string, version?: number): string => {
  const dir = version !== undefined ? versionPath(label, version) : channel ? channelPath(label, channel) : quarterPath(label);
  return `${dir}${downloadName(downloadSlug(label, { channel, version }), 'kpis')}`;
};
/** The scorecard CSV of a quarter (every goal and key result, all channels). */
export const scorecardCsvPath = (label: string): string =>
  `${quarterPath(label)}${downloadName(downloadSlug(label), 'scorecard')}`;
export const goalPath = (id: string): string => `goals/${id}/`;
export const versionPath = (label: string, version: number): string => `reports/${quarterSlug(label)}/v${version}/`;
export const changesPath = 'changes/';
