/**
 * The site's currency changed in `content/site.yaml` (red-team 31 #3): every money goal and key
 * result is then read in another currency, so `diff` lists it per goal (a plain change, as a unit
 * change is: the two currencies do not compare), and a money target changed with it shows each
 * side in its own currency (€150,000 → $140,000), not both in the new one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { repo, run } from './helpers.ts';

const GOALS = (cap: number) => `goals:
  - { id: budget, title: Spend at most the budget, kpi: spend, channel: instagram, period: 2026-Q2, target: ${cap} }
  - { id: reach, title: Impressions, kpi: impressions, channel: instagram, period: 2026-Q2, target: 50000 }
`;

describe('a change of the site currency', () => {
  it('is listed for each money goal, with money targets in their own currency on each side', async () => {
    const r = repo();
    const a = r.commit(GOALS(150000), '2026-03-01');
    const site = join(r.dir, 'content/site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('currency: EUR', 'currency: USD'));
    const b = r.commit(GOALS(140000), '2026-03-20');
    const json = await run(r.dir, ['diff', a, b, '--format', 'json']);
    const changes = (JSON.parse(json.out) as { changes: GoalChange[] }).changes;
    expect(changes.map((c) => [c.goal, c.field, c.old, c.new, c.moved_goalpost])).toEqual([
      ['budget', 'currency', 'EUR', 'USD', false],
      ['budget', 'target', 150000, 140000, false],
    ]);
    expect(changes[1]).toMatchObject({ old_currency: 'EUR', new_currency: 'USD' });
    const comment = await run(r.dir, ['diff', a, b]);
    expect(comment.out).toContain('| currency | EUR | USD |');
    expect(comment.out).toContain('| €150,000 | \\$140,000<br>');
  });

  it('says nothing when the currency stays', async () => {
    const r = repo();
    const a = r.commit(GOALS(150000), '2026-03-01');
    const b = r.commit(GOALS(140000), '2026-03-20');
    const changes = (JSON.parse((await run(r.dir, ['diff', a, b, '--format', 'json'])).out) as { changes: GoalChange[] }).changes;
    expect(changes.map((c) => c.field)).toEqual(['target']);
    expect(changes[0]).not.toHaveProperty('old_currency');
  });
});
