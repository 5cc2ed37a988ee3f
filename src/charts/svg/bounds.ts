/**
 * An axis-aligned box as vega-scenegraph's Bounds: what every direct writer lays out with (the
 * bounds of text, rules, marks and guides, and the view's autosize).
 */

/** An axis-aligned box (x1 ≤ x2, y1 ≤ y2), empty until something is added. */
export class Bounds {
  x1 = Number.MAX_VALUE;
  y1 = Number.MAX_VALUE;
  x2 = -Number.MAX_VALUE;
  y2 = -Number.MAX_VALUE;

  /** A box spanning two corners (in any order). */
  static of(x1: number, y1: number, x2: number, y2: number): Bounds {
    return new Bounds().set(x1, y1, x2, y2);
  }

  set(x1: number, y1: number, x2: number, y2: number): this {
    this.x1 = Math.min(x1, x2);
    this.y1 = Math.min(y1, y2);
    this.x2 = Math.max(x1, x2);
    this.y2 = Math.max(y1, y2);
    return this;
  }

  add(x: number, y: number): this {
    if (x < this.x1) this.x1 = x;
    if (y < this.y1) this.y1 = y;
    if (x > this.x2) this.x2 = x;
    if (y > this.y2) this.y2 = y;
    return this;
  }

  union(b: Bounds): this {
    if (b.empty()) return this;
    return this.add(b.x1, b.y1).add(b.x2, b.y2);
  }

  expand(d: number): this {
    this.x1 -= d;
    this.y1 -= d;
    this.x2 += d;
    this.y2 += d;
    return this;
  }

  translate(dx: number, dy: number): this {
    this.x1 += dx;
    this.x2 += dx;
    this.y1 += dy;
    this.y2 += dy;
    return this;
  }

  empty(): boolean {
    return this.x1 === Number.MAX_VALUE && this.y1 === Number.MAX_VALUE;
  }

  width(): number {
    return this.empty() ? 0 : this.x2 - this.x1;
  }

  height(): number {
    return this.empty() ? 0 : this.y2 - this.y1;
  }
}

/** The bounds of a rule from (x, y) by (dx, dy), stroke width 1. */
export function ruleBounds(x: number, y: number, dx: number, dy: number): Bounds {
  return Bounds.of(x, y, x + dx, y + dy).expand(0.5);
}
