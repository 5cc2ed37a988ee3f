import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderFresh } from '../../../src/charts/render.ts';
import { markDifferences, marks } from './oracle.ts';

const SVG = (label: string, x = 0) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><g transform="translate(10,5)"><g class="mark-text role-axis-label"><text text-anchor="end" transform="translate(${x},20)" font-size="12px" fill="#333333">${label}</text></g><g class="mark-line role-mark"><path d="M0,1L50,2.5" stroke="#0072B2" stroke-width="2"/></g></g></svg>`;

describe('the chart oracle', () => {
  it('flattens marks with their absolute origin, role, paint and text', () => {
    expect(marks(SVG('A &amp; B', 3))).toEqual([
      {
        role: 'mark-text role-axis-label',
        tag: 'text',
        x: 13,
        y: 25,
        rest: '',
        geometry: [],
        paint: { fill: '#333333', 'font-size': '12px', 'text-anchor': 'end' },
        text: 'A & B',
      },
      {
        role: 'mark-line role-mark',
        tag: 'path',
        x: 10,
        y: 5,
        rest: '',
        geometry: [0, 1, 50, 2.5],
        paint: { stroke: '#0072B2', 'stroke-width': '2' },
        text: '',
      },
    ]);
  });

  it('accepts a difference within the tolerance and reports one beyond it, a changed text or a missing mark', () => {
    expect(markDifferences(SVG('a', 0.9), SVG('a', 0))).toEqual([]);
    expect(markDifferences(SVG('a', 1.5), SVG('a', 0))).toHaveLength(1);
    expect(markDifferences(SVG('b'), SVG('a'))).toHaveLength(1);
    expect(markDifferences(SVG('a').replace(/<g class="mark-line.*?<\/g>/, ''), SVG('a'))).toEqual([
      'mark-line role-mark: 0 marks, expected 1',
    ]);
    expect(markDifferences(SVG('a').replace('width="100"', 'width="103"'), SVG('a'))).toEqual(['size 103×50, expected 100×50']);
  });

  it("finds no difference between Vega's rendering of a chart and itself, and some once a mark moves", async () => {
    const spec = {
      data: { values: [1, 5, 3].map((value, i) => ({ date: `2026-0${i + 1}-01`, value })) },
      mark: 'line',
      height: 100,
      encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } },
    } as TopLevelSpec;
    const svg = await renderFresh(spec, 300);
    expect(marks(svg).length).toBeGreaterThan(10);
    expect(markDifferences(svg, svg)).toEqual([]);
    const moved = svg.replace(/(<path[^>]*d="M)(-?[\d.]+)/, (_, head: string, x: string) => `${head}${Number(x) + 5}`);
    expect(moved).not.toBe(svg);
    expect(markDifferences(moved, svg)).toHaveLength(1);
  });
});
