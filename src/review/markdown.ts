/**
 * Goal changes as markdown for a pull-request comment: moved goalposts first, then every
 * change with old → new, values in the site's locale and units. User text is escaped.
 */
import type { Unit } from '../core/catalogue.ts';
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { type FormatOptions, formatKpiValue, STATUS_LABELS } from '../format/numbers.ts';
import { type GoalChange, movedGoalposts } from './goalDiff.ts';

/** Escapes text for a markdown table cell (no HTML, no table breaks, no emphasis). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|&#]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' } as Record<string, string>)[c] ?? `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

export interface MarkdownContext {
  readonly base: string;
  readonly head: string;
  readonly engine: KpiEngine;
  readonly format: FormatOptions;
  /** Goals of both versions by id, to name them and find their KPI. */
  readonly goals: ReadonlyMap<string, Goal>;
}

function unitOf(ctx: MarkdownContext, change: GoalChange): Unit {
  const goal = ctx.goals.get(change.goal);
  if (!goal) return 'count';
  const kpi = goal.type === 'smart' ? goal.kpi : goal.keyResults.find((k) => k.id === change.kr)?.measure?.kpi;
  return (kpi && ctx.engine.kpis.get(kpi)?.def.unit) || 'count';
}

function value(ctx: MarkdownContext, change: GoalChange, v: unknown, text: string | undefined): string {
  if (v === undefined) return '';
  if (v === null) return '—';
  if ((change.field === 'target' || change.field === 'baseline') && typeof v === 'number') {
    const shown = formatKpiValue(v, unitOf(ctx, change), ctx.format);
    return escapeMarkdown(text && !/^\d/.test(text) ? `${shown} (${text})` : shown);
  }
  if (typeof v === 'string') return escapeMarkdown(text ? `${v} (${text})` : v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return escapeMarkdown(v.join(', '));
  return escapeMarkdown(JSON.stringify(v));
}

function what(c: GoalChange): string {
  const subject = c.kr ? `key result \`${escapeMarkdown(c.kr)}\`` : 'goal';
  switch (c.kind) {
    case 'added': return `${subject} added`;
    case 'removed': return `${subject} removed`;
    case 'renamed': return `${subject} renamed`;
    case 'changed': return `${c.kr ? `${subject}: ` : ''}${c.field}${c.moved_goalpost ? ' ⚠️ **goalpost moved**' : ''}`;
  }
}

/** The markdown comment for a list of changes. */
export function changesMarkdown(changes: readonly GoalChange[], ctx: MarkdownContext): string {
  const lines = [`### Goal changes: \`${escapeMarkdown(ctx.base)}\` → \`${escapeMarkdown(ctx.head)}\``, ''];
  if (changes.length === 0) {
    lines.push('No goal or key result changed.');
    return `${lines.join('\n')}\n`;
  }
  const moved = movedGoalposts(changes);
  if (moved.length > 0) {
    lines.push(`> [!WARNING]`, `> **${moved.length} goalpost${moved.length === 1 ? '' : 's'} moved** after the period began:`);
    for (const c of moved) lines.push(`> - \`${escapeMarkdown(c.goal)}\`${c.kr ? ` / \`${escapeMarkdown(c.kr)}\`` : ''}: ${escapeMarkdown(c.reason ?? c.field ?? '')}`);
    lines.push('');
  }
  const goals = new Set(changes.map((c) => c.goal)).size;
  lines.push(`${changes.length} change${changes.length === 1 ? '' : 's'} to ${goals} goal${goals === 1 ? '' : 's'}.`, '');
  lines.push('| Goal | Change | Before | After |', '|---|---|---|---|');
  for (const c of changes) {
    const title = ctx.goals.get(c.goal)?.title;
    const goal = `\`${escapeMarkdown(c.goal)}\`${title ? ` ${escapeMarkdown(title)}` : ''}`;
    const before = c.kind === 'added' ? '' : c.kind === 'removed' ? 'defined' : value(ctx, c, c.old, c.old_text);
    let after = c.kind === 'removed' ? '' : c.kind === 'added' ? 'defined' : value(ctx, c, c.new, c.new_text);
    if (c.status) after += `<br>status as of the data: ${STATUS_LABELS[c.status.old].label} → ${STATUS_LABELS[c.status.new].label}`;
    lines.push(`| ${goal} | ${what(c)} | ${before} | ${after} |`);
  }
  return `${lines.join('\n')}\n`;
}
