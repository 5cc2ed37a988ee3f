/**
 * The least-squares line through (x, y) points, read at `x`. Null with fewer than two
 * distinct x values (no line is defined).
 */
export function leastSquaresAt(points: ReadonlyArray<readonly [number, number]>, x: number): number | null {
  const n = points.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (const [px, py] of points) {
    mx += px;
    my += py;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (const [px, py] of points) {
    sxx += (px - mx) ** 2;
    sxy += (px - mx) * (py - my);
  }
  if (sxx === 0) return null;
  const value = my + (sxy / sxx) * (x - mx);
  return Number.isFinite(value) ? value : null;
}
