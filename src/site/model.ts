/**
 * The site's view models, built once per build (memoised per process) on the one project
 * and engine: the pages render them as props and call no engine themselves.
 */
import { type GoalsIndexView, goalsIndexView } from './goalsIndexView.ts';
import { type HomeView, homeView } from './homeView.ts';
import { type SiteModel, siteModel } from './project.ts';

export interface SiteViews extends SiteModel {
  readonly home: HomeView;
  readonly goalsIndex: GoalsIndexView;
}

let cached: Promise<SiteViews> | null = null;

/** The project, its engine and the view models of the site's pages, computed once. */
export function siteViews(): Promise<SiteViews> {
  cached ??= siteModel().then(async (model) => ({
    ...model,
    home: await homeView(model.project, model.engine),
    goalsIndex: goalsIndexView(model.project, model.engine),
  }));
  return cached;
}
