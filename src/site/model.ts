/**
 * The site's view models, built once per build (memoised per process) on the one project
 * and engine: the pages render them as props and call no engine themselves.
 */
import { type ChangeEntryView, changeLogView } from './changesView.ts';
import { type GoalsIndexView, goalsIndexView } from './goalsIndexView.ts';
import { siteHistory } from './history.ts';
import { type HomeView, homeView } from './homeView.ts';
import { type SiteModel, siteModel } from './project.ts';
import { type QuarterIndexItem, quartersIndexView } from './quartersIndexView.ts';
import { type SiteContext, siteContext } from './siteContext.ts';

/** The `/changes/` page: every commit that changed the goals, or why the history cannot be read. */
export type ChangesView =
  | {
      readonly available: true;
      readonly entries: readonly ChangeEntryView[];
      /** Commits whose goals validate. */
      readonly commits: number;
      /** Changes that moved a goalpost. */
      readonly moved: number;
    }
  | { readonly available: false; readonly reason: string; readonly why: 'shallow' | 'no_repository' };

export interface SiteViews extends SiteModel {
  /** What every page's templates render beside their own view: words, settings, markers, the frame. */
  readonly context: SiteContext;
  readonly home: HomeView;
  readonly goalsIndex: GoalsIndexView;
  readonly quartersIndex: readonly QuarterIndexItem[];
  readonly changes: ChangesView;
}

let cached: Promise<SiteViews> | null = null;

/** The project, its engine and the view models of the site's pages, computed once. */
export function siteViews(): Promise<SiteViews> {
  cached ??= siteModel().then(async (model) => {
    const { project, engine } = model;
    const history = await siteHistory();
    const changes: ChangesView = history.available
      ? {
          available: true,
          entries: changeLogView(project, engine, history.entries),
          commits: history.entries.filter((e) => !e.invalid).length,
          moved: history.entries.flatMap((e) => e.changes).filter((c) => c.moved_goalpost).length,
        }
      : { available: false, reason: history.reason, why: history.why };
    return {
      ...model,
      context: siteContext(project, engine, history),
      home: await homeView(project, engine),
      goalsIndex: goalsIndexView(project, engine),
      quartersIndex: quartersIndexView(project),
      changes,
    };
  });
  return cached;
}
