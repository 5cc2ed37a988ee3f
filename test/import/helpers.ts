import { cpSync, mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../cliRunner.ts';
import type { ReportJson } from '../../src/core/report.ts';

export const FIXTURES = 'test/fixtures/import';

/** A fresh copy of the minimal content root (site settings and custom KPIs that read single metrics). */
export function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-import-'));
  cpSync(join(FIXTURES, 'root'), root, { recursive: true });
  return root;
}

export interface Run {
  status: number;
  out: string;
  err: string;
}

export const run = (args: readonly string[], root: string, cwd = process.cwd()): Promise<Run> => runCli(args, root, { cwd });

/** Imports and expects success. */
export async function importOk(root: string, ...args: string[]): Promise<Run> {
  const r = await run(['import', ...args], root);
  expect(r.err).toBe('');
  expect(r.status).toBe(0);
  return r;
}

export interface MetricFile {
  channel: string;
  source: string;
  currency?: string;
  from?: string;
  through?: string;
  rows: Array<Record<string, string | number>>;
}

/** Every metric file written under data/, by path relative to the root, without its `$schema` (schemaRef.test.ts checks it). */
export function dataFiles(root: string): Record<string, MetricFile> {
  const out: Record<string, MetricFile> = {};
  const dir = join(root, 'data');
  if (!existsSync(dir)) return out;
  for (const channel of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, channel)).sort()) {
      const { $schema: _schema, ...file } = JSON.parse(readFileSync(join(dir, channel, name), 'utf8')) as MetricFile & {
        $schema?: string;
      };
      out[`data/${channel}/${name}`] = file;
    }
  }
  return out;
}

/** `validate` passes on the root. */
export async function expectValid(root: string): Promise<void> {
  const r = await run(['validate'], root);
  expect(r.err).toBe('');
  expect(r.status).toBe(0);
}

/** `report --period <q> --json`: the KPI values of one channel. */
export async function kpis(root: string, quarter: string, channel: string): Promise<Record<string, number | null>> {
  const r = await run(['report', '--period', quarter, '--json'], root);
  expect(r.err).toBe('');
  expect(r.status).toBe(0);
  const report = JSON.parse(r.out) as ReportJson;
  const values = report.kpis[channel];
  expect(values).toBeDefined();
  return Object.fromEntries(Object.entries(values!).map(([id, v]) => [id, v.value]));
}
