/**
 * A report's KPIs as CSV (RFC 4180): period, as-of, channel, KPI id and label, unit,
 * value, QoQ and YoY changes, unrounded, empty where not computable (never NaN).
 */
import type { KpiMeta } from '../core/figures.ts';
import type { ReportJson } from '../core/report.ts';

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a report's KPI table. */
export function kpiCsv(report: ReportJson, kpis: ReadonlyMap<string, KpiMeta>): string {
  const lines = [['period', 'as_of', 'channel', 'kpi', 'label', 'unit', 'value', 'qoq', 'yoy', 'approximate'].join(',')];
  for (const scope of report.channels) {
    for (const [id, v] of Object.entries(report.kpis[scope] ?? {})) {
      const def = kpis.get(id);
      lines.push([report.period, report.as_of, scope, id, def?.label, def?.unit, v.value, v.qoq, v.yoy, v.approximate ? 'true' : 'false'].map(cell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
