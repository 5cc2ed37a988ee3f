/**
 * The build's garbage collection on demand (issue 15, peak memory): it runs in a process
 * started without --expose-gc, and what it collects is really freed.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/io/memory.ts';

describe('collectGarbage', () => {
  it('frees garbage in a process started without --expose-gc', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let garbage: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, i) => i + 0.5));
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(10_000_000);
    garbage = null;
    collectGarbage();
    expect(garbage).toBeNull();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5_000_000);
  });
});
