/**
 * The home page (`/`): the latest quarter's page, its headline KPIs with sparklines over the
 * last eight quarters, and every quarter, for the page to render as props.
 */
import { renderSvg } from '../charts/render.ts';
import { isRateFormula } from '../core/comparable.ts';
import { sparklineSpec } from '../charts/specs.ts';
import { channelColors } from '../charts/theme.ts';
import type { Unit } from '../core/catalogue.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';
import type { KpiJson } from '../core/report.ts';
import { type QuarterPage, quarterPage } from './quarterPage.ts';
import { reportQuarters } from './quarters.ts';
import { cellMove, type KpiMove, totalToDate } from './summary.ts';
import { changeText, partialComparison } from '../format/changes.ts';
import type { CoverageNote } from '../format/coverage.ts';
import { inputsNote } from '../format/inputs.ts';
import { formatDate } from '../format/intl.ts';
import { fill, uiStrings } from '../translations/index.ts';

const HEADLINES = ['impressions', 'reach', 'engagement_rate', 'follower_count', 'ctr', 'conversions', 'revenue', 'roi'];

export interface Headline {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly cell: KpiJson;
  readonly svg: string;
  /** The KPI in each recent quarter, with the currency of its amounts (a frozen quarter's own). */
  readonly history: ReadonlyArray<{ readonly period: string; readonly value: number | null; readonly currency: string }>;
  /**
   * The move since the previous quarter, judged by the KPI's direction; null when it cannot be
   * told, or for a total while the quarter is not over (see `toDate`).
   */
  readonly move: KpiMove | null;
  /** A total's change while the quarter is not over: "quarter to date against the whole of 2026-Q2"; else null. */
  readonly toDate: string | null;
  /** The QoQ change in words when it is no move ("n/a: earlier quarter covered only May 15, 2026 – Jun 30, 2026"), its days as the quarter page writes them. */
  readonly change: string;
  /** The note on a figure whose inputs end apart ("Clicks only to 10 Sept"), else null. */
  readonly inputs: CoverageNote | null;
}

export interface HomeView {
  readonly quarters: readonly Period[];
  readonly latest: Period | null;
  readonly page: QuarterPage | null;
  readonly headlines: readonly Headline[];
}

/** The home page's view: the latest quarter and its headline KPIs with their sparklines. */
export async function homeView(project: Project, engine: KpiEngine): Promise<HomeView> {
  const quarters = reportQuarters(project);
  const latest = quarters[quarters.length - 1] ?? null;
  const page = latest ? quarterPage(project, engine, latest) : null;
  const view = page?.view ?? null;
  const ctx = { site: project.site, colors: channelColors(project.site, engine.index.channels) };
  const recent = quarters.slice(-8);
  const partial = view ? partialComparison(view.report) : null;
  const t = uiStrings(project.site.locale, project.site.strings);
  const headlines = view
    ? await Promise.all(
        HEADLINES.flatMap((id) => {
          const cell = view.report.kpis['all']?.[id];
          if (!cell || cell.value === null) return [];
          const kpi = view.kpis.get(id);
          if (!kpi) return [];
          const history = recent.map((q) => {
            const { view: shown } = q === latest ? page! : quarterPage(project, engine, q);
            return { period: q.label, value: shown.report.kpis['all']?.[id]?.value ?? null, currency: shown.currency };
          });
          return [
            renderSvg(
              sparklineSpec(
                ctx,
                history.map(({ period, value }) => ({ period, value })),
              ),
              160,
            ).then((svg) => ({
              id,
              label: kpi.label,
              unit: kpi.unit,
              cell,
              svg,
              history,
              inputs: inputsNote(cell, project.site, (iso) => formatDate(iso, project.site.locale), 'kpi'),
              change: changeText(
                cell,
                'qoq',
                project.site,
                (iso) => formatDate(iso, project.site.locale),
                isRateFormula(kpi.formula),
              ),
              ...(partial && totalToDate(view.report, 'all', kpi, cell)
                ? { move: null, toDate: cell.qoq === null ? null : fill(t.home.toDate, { previous: partial.previous }) }
                : { move: cellMove(kpi, cell), toDate: null }),
            })),
          ];
        }),
      )
    : [];
  return { quarters, latest, page, headlines };
}
