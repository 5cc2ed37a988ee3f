/**
 * Goal changes as markdown for a pull-request comment: moved goalposts first, then every
 * change with old → new, values in the site's locale and units. User text is escaped.
 */
import { STATUS_LABELS } from '../format/numbers.ts';
import { achievabilityLines, changeValues, type DescribeContext } from './describe.ts';
import { type GoalChange, type KpiChange, movedGoalposts } from './goalDiff.ts';
import { countOf } from '../format/text.ts';
import { numberFormat } from '../format/intl.ts';

/**
 * Escapes text for a markdown table cell on GitHub: no HTML, no table break (`|`, any line
 * break or control character, a lone CR included), no emphasis, strike-through (`~~`), math
 * (`$`), code or links, and no mention (`@org/team` gets a word joiner after the `@`, so no one is pinged).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(
      /[\\`*_[\]<>|&#~$!]/g,
      (c) => (({ '<': '&lt;', '>': '&gt;', '&': '&amp;' }) as Record<string, string>)[c] ?? `\\${c}`,
    )
    .replace(/@/g, '@\u2060');
}

/**
 * Text as a markdown code span: shown as it is (a code span takes no backslash escape, so
 * `HEAD~1` must not become `HEAD\~1`), fenced by more backticks than it holds in a row, line
 * breaks and control characters as spaces. In a table cell only for ids (slugs): a `|` would end the cell.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(flat) || /^ .*[^ ].* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export interface MarkdownContext extends DescribeContext {
  readonly base: string;
  readonly head: string;
  /** The custom KPIs added, removed or redefined (`diffKpis`). */
  readonly kpiChanges?: readonly KpiChange[];
}

function what(c: GoalChange): string {
  const subject = c.kr ? `key result ${codeSpan(c.kr)}` : 'goal';
  const field = c.kpi !== undefined ? `KPI ${codeSpan(c.kpi)}: ${c.field}` : c.field;
  const text = c.kind !== 'changed' ? `${subject} ${c.kind}` : `${c.kr ? `${subject}: ` : ''}${field}`;
  return `${text}${c.moved_goalpost ? ' ⚠️ **goalpost moved**' : ''}`;
}

/** A KPI's definition in a few words: `formula clicks / impressions, unit percent, good up`. */
function kpiDefinitionText(d: unknown): string {
  const k = (d ?? {}) as Record<string, unknown>;
  return ['formula', 'unit', 'good']
    .filter((f) => typeof k[f] === 'string')
    .map((f) => `${f} ${String(k[f])}`)
    .join(', ');
}

/** The KPI changes in plain words, one line each: `KPI rpc: formula revenue / clicks → revenue / clicks * 10`. */
function kpiLines(changes: readonly KpiChange[]): string[] {
  if (changes.length === 0) return [];
  const value = (v: unknown) => (v === null || v === undefined ? '—' : escapeMarkdown(String(v)));
  return [
    '**KPI definitions changed** (every goal and key result measured on a KPI changes with it):',
    '',
    ...changes.map((c) =>
      c.kind === 'changed'
        ? `- KPI ${codeSpan(c.kpi)}: ${c.field} ${value(c.old)} → ${value(c.new)}${c.same_values ? ' (the same arithmetic: no figure changes)' : ''}`
        : `- KPI ${codeSpan(c.kpi)} ${c.kind} (${escapeMarkdown(kpiDefinitionText(c.kind === 'added' ? c.new : c.old))})`,
    ),
    '',
  ];
}

/** The markdown comment for a list of changes (and the KPI changes of `ctx`). */
export function changesMarkdown(changes: readonly GoalChange[], ctx: MarkdownContext): string {
  const lines = [`### Goal changes: ${codeSpan(ctx.base)} → ${codeSpan(ctx.head)}`, ''];
  if (changes.length === 0) {
    lines.push('No goal or key result changed.');
    const kpis = kpiLines(ctx.kpiChanges ?? []);
    if (kpis.length > 0) lines.push('', ...kpis.slice(0, -1));
    return `${lines.join('\n')}\n`;
  }
  const moved = movedGoalposts(changes);
  if (moved.length > 0) {
    lines.push(`> [!WARNING]`, `> **${countOf(moved.length, 'goalpost')} moved** after the period began:`);
    for (const c of moved)
      lines.push(`> - ${codeSpan(c.goal)}${c.kr ? ` / ${codeSpan(c.kr)}` : ''}: ${escapeMarkdown(c.reason ?? c.field ?? '')}`);
    lines.push('');
  }
  lines.push(...kpiLines(ctx.kpiChanges ?? []));
  const goals = new Set(changes.map((c) => c.goal)).size;
  lines.push(`${countOf(changes.length, 'change')} to ${countOf(goals, 'goal')}.`, '');
  lines.push('| Goal | Change | Before | After |', '|---|---|---|---|');
  for (const c of changes) {
    const title = ctx.goals.get(c.goal)?.title;
    const goal = `${codeSpan(c.goal)}${title ? ` ${escapeMarkdown(title)}` : ''}`;
    const values = changeValues(ctx, c);
    const before = escapeMarkdown(values.before);
    let after = escapeMarkdown(values.after);
    if (c.status)
      after += `<br>status as of the data: ${STATUS_LABELS[c.status.old].label} → ${STATUS_LABELS[c.status.new].label}`;
    if (c.score)
      after += `${after ? '<br>' : ''}score as of the data: ${scoreText(c.score.old, ctx)} → ${scoreText(c.score.new, ctx)}`;
    if (c.band) after += `${after ? '<br>' : ''}band as of the data: ${c.band.old} → ${c.band.new}`;
    for (const line of achievabilityLines(ctx, c)) after += `<br>${escapeMarkdown(line)}`;
    lines.push(`| ${goal} | ${what(c)} | ${before} | ${after} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** An OKR's score as the pages write it (two decimals, the site's locale), `—` for none. */
function scoreText(score: number | null, ctx: MarkdownContext): string {
  return score === null
    ? '—'
    : numberFormat(ctx.format.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}
