import { describe, expect, it } from 'vitest';
import { handOver, takeOver } from '../../src/load/handoff.ts';
import type { Project } from '../../src/core/project.ts';

describe('the validated project handed from the integration to the pages', () => {
  it('is given back for the same content root only', () => {
    const project = { goals: [] } as unknown as Project;
    handOver('/tmp/root-a', project);
    expect(takeOver('/tmp/root-a')).toBe(project);
    expect(takeOver('/tmp/root-b')).toBeNull();
  });
});
