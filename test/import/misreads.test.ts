/**
 * Cells that a spreadsheet or a platform wrote in a way that would import as a wrong figure
 * (red-team 10 #6, #13): counts that read as fractions (dot thousands separators in an
 * English-header file re-saved by a European Excel) and money cells with a currency sign or
 * code. Each is read right or refused at its cell with a hint; nothing is written silently wrong.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNumber, splitCurrency } from '../../src/import/values.ts';
import { dataFiles, FIXTURES, freshRoot, importOk, run } from './helpers.ts';

const META = `${FIXTURES}/meta`;

describe('a count that reads as a fraction is a problem at its cell (red-team 10 #6)', () => {
  it('X overview with 12.400 impressions (English headers): refused at the cell, with the hint, nothing written', async () => {
    const root = freshRoot();
    const r = await run(['import', `${FIXTURES}/x/account_overview_analytics_dot_thousands.csv`], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${FIXTURES}/x/account_overview_analytics_dot_thousands.csv:2:21: Impressions: '12.400' is not a whole number`,
    );
    expect(r.err).toContain('dot thousands separators');
    expect(r.err).toContain('European Excel');
    expect(r.err).toContain('write 12400 or 12,400');
    expect(dataFiles(root)).toEqual({});
  });

  it('Meta Ads with 1.234 impressions: refused; the spend 400.25 beside it is an amount, not a count', async () => {
    const root = freshRoot();
    const r = await run(['import', `${META}/Meta-Ads-dot-thousands.csv`, '--channel', 'meta-ads'], root);
    expect(r.status).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /Meta-Ads-dot-thousands\.csv:2:\d+: Impressions: '1\.234' is not a whole number.*write 1234 or 1,234/,
      ),
      '1 problem found: nothing written.',
    ]);
    expect(dataFiles(root)).toEqual({});
  });

  it('parseNumber: counts must be whole, amounts may not be; the comma style keeps 1.500 = 1500', () => {
    expect(parseNumber('12.400', 'point')).toEqual({ ok: true, value: 12.4 });
    expect(parseNumber('12.400', 'point', { count: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('write 12400 or 12,400'),
    });
    expect(parseNumber('1.234.567', 'point', { count: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('write 1234567 or 1,234,567'),
    });
    expect(parseNumber('12.5', 'point', { count: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('is not a whole number'),
    });
    expect(parseNumber(12.4, 'point', { count: true }).ok).toBe(false);
    expect(parseNumber('12,5', 'comma', { count: true }).ok).toBe(false);
    expect(parseNumber('1.500', 'comma', { count: true })).toEqual({ ok: true, value: 1500 });
    expect(parseNumber('12,400', 'point', { count: true })).toEqual({ ok: true, value: 12400 });
    expect(parseNumber('400.25', 'point', { money: { currency: 'EUR' } })).toEqual({ ok: true, value: 400.25 });
  });
});

describe('key events GA4 credits in fractions (red-team 11 #2)', () => {
  it('imports a fractional key event count (data-driven attribution), and still refuses a dot-grouped one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-credited-'));
    const fixture = `${FIXTURES}/ga4/Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv`;
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(fixture, 'utf8');
    const fractional = join(dir, 'Traffic_acquisition_fractional.csv');
    writeFileSync(
      fractional,
      text.replace(
        'Organic Social,1800,1000,0.5555555555555556,41.2,4.2,7560,40,',
        'Organic Social,1800,1000,0.5555555555555556,41.2,4.2,7560,40.5,',
      ),
    );
    const root = freshRoot();
    const r = await run(['import', fractional, '--channel', 'ga4'], root);
    expect(r.status, r.err).toBe(0);
    // Organic Social's 40.5 beside Paid Social's 30.
    expect(JSON.stringify(dataFiles(root))).toContain('"conversions":70.5');
    expect(parseNumber('40.5', 'point', { credited: true })).toEqual({ ok: true, value: 40.5 });
    expect(parseNumber('1.234', 'point', { credited: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('write 1234 or 1,234'),
    });
  });
});

describe('money cells with a currency sign or code (red-team 10 #13)', () => {
  it('€400.25 and 1,400.25 EUR in a EUR report for a EUR site are read', async () => {
    const root = freshRoot();
    await importOk(root, `${META}/Meta-Ads-currency-signs.csv`, '--channel', 'meta-ads');
    expect(Object.values(dataFiles(root))).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        rows: [{ month: '2026-04', clicks: 400, impressions: 20000, spend: 400.25 + 1400.25 }],
      }),
    ]);
  });

  it('$12 under "Amount spent (EUR)" is refused, naming the currency', async () => {
    const root = freshRoot();
    const r = await run(['import', `${META}/Meta-Ads-dollar-sign.csv`, '--channel', 'meta-ads'], root);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/Meta-Ads-dollar-sign\.csv:2:\d+: Amount spent \(EUR\): '\$12' is an amount in \$ \(USD/);
    expect(r.err).toContain('convert it to EUR');
    expect(dataFiles(root)).toEqual({});
  });

  it("a revenue column without a currency in its header: the site's currency is read and written, another refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-money-'));
    const header = 'Date,Session primary channel group (Default Channel Group),Sessions,Engaged sessions,Total revenue';
    const euros = join(dir, 'exploration-euros.csv');
    writeFileSync(euros, `${header}\n20260601,Organic Social,120,80,€30.50\n20260602,Organic Social,100,70,€0\n`);
    const root = freshRoot();
    await importOk(root, euros, '--channel', 'website');
    expect(Object.values(dataFiles(root))).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        rows: [
          { date: '2026-06-01', bounces: 40, revenue: 30.5, sessions: 120 },
          { date: '2026-06-02', bounces: 30, revenue: 0, sessions: 100 },
        ],
      }),
    ]);
    const pounds = join(dir, 'exploration-pounds.csv');
    writeFileSync(pounds, `${header}\n20260601,Organic Social,120,80,£30.50\n`);
    const r = await run(['import', pounds, '--channel', 'website'], freshRoot());
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/exploration-pounds\.csv:2:\d+: Total revenue: '£30\.50' is an amount in £ \(GBP.*in EUR/);
  });

  it('splitCurrency: signs and ISO codes before or after the amount, or null', () => {
    expect(splitCurrency('€400.25')).toEqual({ codes: ['EUR'], name: 'EUR (€)', rest: '400.25' });
    expect(splitCurrency('1,400.25 EUR')).toEqual({ codes: ['EUR'], name: 'EUR', rest: '1,400.25' });
    expect(splitCurrency('400,25 €')?.rest).toBe('400,25');
    expect(splitCurrency('$12')?.codes).toEqual(expect.arrayContaining(['USD', 'CAD', 'AUD']));
    expect(splitCurrency('12')).toBeNull();
    expect(splitCurrency('12 apples')).toBeNull();
    expect(parseNumber('$12', 'point', { money: { currency: 'CAD' } })).toEqual({ ok: true, value: 12, currency: 'CAD' });
    expect(parseNumber('400,25 €', 'comma', { money: { currency: 'EUR' } })).toEqual({
      ok: true,
      value: 400.25,
      currency: 'EUR',
    });
    expect(parseNumber('€400.25', 'point', { count: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('no amount of money'),
    });
  });
});
