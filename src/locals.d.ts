/** Route data on `Astro.locals` (the way Starlight passes its route data to components). */
declare namespace App {
  interface Locals {
    /** Set by a quarter page before its narrative renders: the figures its components show. */
    goalpost?: import('./site/narrativeView.ts').NarrativeLocals;
  }
}
