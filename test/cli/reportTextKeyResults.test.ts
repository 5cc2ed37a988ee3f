/**
 * The text report's key-result lines carry the SMART goal's words (red-team 6; test/trustFixture.ts):
 * a target equal to a baseline of 0 clicks asks for no change, and a window cutting a month's
 * reach row leaves the actual n/a. On main a key result's line said neither.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { trustReport, trustRoot } from '../trustFixture.ts';

const { report, kpis } = trustReport();
const text = renderText(report, trustRoot().project.site, kpis);
const line = (kr: string) => text.split('\n').find((l) => l.includes(` ${kr}: `))!;

describe('key-result lines of the text report', () => {
  it('say that a target equal to its baseline asks for no change', () => {
    expect(line('kr-zero')).toContain(', the target equals the baseline: it asks for no change (at or above it is achieved)');
  });
  it('say that a reach row cut by the window leaves the figure neither exact nor a bound', () => {
    expect(line('kr-mid')).toContain(
      ', n/a: a month or quarter row straddles the goal’s window and is left out, so the actual is neither exact nor an upper bound',
    );
  });
  it('say neither of a key result that asks for a change on whole rows', () => {
    expect(line('kr-cap')).not.toContain('no change');
    expect(line('kr-cap')).not.toContain('straddles');
  });
});
