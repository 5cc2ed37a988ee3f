/**
 * The quarter page tells a reader when a figure's inputs come from exports that end on
 * different days: LinkedIn's page analytics to 30 September, its clicks export only to the 10th.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './harness.ts';

function daily(from: string, days: number, values: Record<string, number>): Array<Record<string, unknown>> {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    ...values,
  }));
}

describe('inputs that end apart, on the quarter page', () => {
  let html: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'goalpost-inputs-'));
    mkdirSync(join(root, 'content'), { recursive: true });
    mkdirSync(join(root, 'data/linkedin'), { recursive: true });
    writeFileSync(join(root, 'content/site.yaml'), 'title: Inputs\nchannels:\n  linkedin: { label: LinkedIn }\n');
    const file = (name: string, body: object) => writeFileSync(join(root, 'data/linkedin', name), JSON.stringify(body));
    file('page.json', { channel: 'linkedin', rows: daily('2026-07-01', 92, { impressions: 500 }) });
    file('campaign.json', { channel: 'linkedin', through: '2026-09-10', rows: daily('2026-07-01', 72, { clicks: 10 }) });
    const dist = buildSite(root);
    html = readFileSync(join(dist, 'reports/2026-q3/index.html'), 'utf8');
  }, 300_000);

  const cell = (kpi: string, scope: string) => {
    const row = new RegExp(`<tr data-kpi="${kpi}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    return new RegExp(`<td[^>]*data-scope="${scope}"[^>]*>([\\s\\S]*?)</td>`).exec(row)?.[1] ?? '';
  };

  it('marks CTR with the input that stops first, and says how far each goes', () => {
    const ctr = cell('ctr', 'linkedin');
    expect(ctr).toContain('1.6%');
    expect(ctr).toMatch(/Clicks only to [^<]*(2026-09-10|10 Sep|Sep 10)/);
    expect(ctr).toMatch(/LinkedIn: Clicks to [^<]*, Impressions to [^<]*\. The figure mixes these ranges/);
  });

  it('leaves figures of one input unmarked', () => {
    expect(cell('clicks', 'linkedin')).not.toContain('only to');
    expect(cell('impressions', 'linkedin')).not.toContain('only to');
  });
});
