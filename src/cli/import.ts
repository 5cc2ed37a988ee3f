import { type Day, formatDay, parseIsoDate } from '../core/dates.ts';
import { EXPORT_KINDS } from '../import/catalogue.ts';
import { declareMetrics } from '../import/declare.ts';
import { checkContent, planOutputs, platformNames, type PlannedOutput } from '../import/plan.ts';
import { MAX_INPUT_BYTES, readContent, readInputs, schemasFolder, writeOutputs } from '../import/write.ts';
import { MAX_WORKBOOK_BYTES } from '../import/zip.ts';
import { signalStatus, type WriteSeam } from '../io/atomic.ts';
import type { Problem } from '../load/problems.ts';
import { checkRoot } from '../load/project.ts';
import { loadSite, SITE_FILE } from '../load/site.ts';
import { type Io, parseOptions, printProblems, rootOf, usageError } from './io.ts';
import { escapeControl as esc } from './terminal.ts';

const HELP = `Usage: npm run goalpost -- import <file or folder>... [--channel <id>] [--account <name>] [--platform <name>]
       [--date-order mdy|dmy] [--from YYYY-MM-DD] [--through YYYY-MM-DD] [--dry-run]

Turns platform exports (CSV, XLS, XLSX) into metric JSON under data/<channel>/ of the
content root. The platform and the kind of export are detected from the headers.
Re-importing an export replaces the file it wrote before. Custom metrics it writes (such
as post_follows) are declared under metrics: in content/site.yaml. All or nothing: any
problem in any file, or in the content as it would be after the import, writes nothing;
the files are written atomically (a failure or an interruption leaves the content root as it was).
Inputs are regular files of at most ${MAX_INPUT_BYTES / 2 ** 20} MB (an .xlsx whose parts unpack to at most ${MAX_WORKBOOK_BYTES / 2 ** 20} MB).

Options:
  --channel <id>        write to this channel (required for exports that name no network: GA4, Meta Ads)
  --account <name>      the team's account, for per-post exports that hold several (Instagram collab posts,
                        several Facebook pages); else the channel's account: in content/site.yaml
  --platform <name>     only consider exports of ${platformNames().join(', ')}
  --date-order <o>      mdy or dmy, for DD/MM vs MM/DD dates that nothing else decides
  --from <day>          the first day the exports cover, written as from (else the range in a file's name):
                        the days before a per-post export's first post are then days without a post
  --through <day>       the last day the exports cover, written as through (else the range in a file's name;
                        never the file's modification day)
  --dry-run             write nothing; print what would be written

Known exports:
${EXPORT_KINDS.map((k) => `  ${k.id.padEnd(18)} ${k.label}`).join('\n')}`;

const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

/** `goalpost import`: platform exports → metric JSON, all or nothing (`seam`: tests inject write failures and pauses). */
export async function runImport(args: readonly string[], io: Io, seam: WriteSeam = {}): Promise<number> {
  const parsed = parseOptions(
    args,
    {
      help: { type: 'boolean', short: 'h' },
      channel: { type: 'string' },
      account: { type: 'string' },
      from: { type: 'string' },
      through: { type: 'string' },
      platform: { type: 'string' },
      'date-order': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values['help']) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length === 0) return usageError(io, 'import needs at least one file or folder (see --help)');
  const channel = typeof values['channel'] === 'string' ? values['channel'] : null;
  if (channel !== null && (!SLUG.test(channel) || channel === 'all')) {
    return usageError(io, `--channel: '${channel}' is not a channel id (lower-case letters, digits, - and _; not 'all')`);
  }
  const platform = typeof values['platform'] === 'string' ? values['platform'] : null;
  if (platform !== null && !platformNames().includes(platform.toLowerCase()) && !EXPORT_KINDS.some((k) => k.id === platform)) {
    return usageError(io, `--platform: unknown platform '${platform}' (one of ${platformNames().join(', ')})`);
  }
  const order = values['date-order'];
  if (order !== undefined && order !== 'mdy' && order !== 'dmy')
    return usageError(io, `--date-order: expected mdy or dmy, got '${String(order)}'`);
  const account = typeof values['account'] === 'string' ? values['account'].trim() : null;
  if (account === '')
    return usageError(io, '--account: give the account name as the export shows it (e.g. --account nordlys.outdoor)');
  let through: Day | null = null;
  if (typeof values['through'] === 'string') {
    const day = parseIsoDate(values['through'].trim());
    if (!day.ok) return usageError(io, `--through: ${day.reason}`);
    through = day.day;
  }
  let from: Day | null = null;
  if (typeof values['from'] === 'string') {
    const day = parseIsoDate(values['from'].trim());
    if (!day.ok) return usageError(io, `--from: ${day.reason}`);
    from = day.day;
  }
  if (from !== null && through !== null && from > through)
    return usageError(
      io,
      `--from ${formatDay(from)} is after --through ${formatDay(through)}: give the first and the last day the exports cover`,
    );
  const dryRun = values['dry-run'] === true;

  const root = rootOf(io);
  const missing = await checkRoot(root);
  if (missing) return printProblems(io, [missing], 'nothing written');
  const problems: Problem[] = [];
  const inputs = await readInputs(positionals, io.cwd, problems);
  if (inputs.length === 0 && problems.length === 0)
    return usageError(io, 'no .csv, .tsv, .txt, .xls or .xlsx file in the folders given');
  const content = await readContent(root);
  // Settings that cannot be read safely fail the import (it would replace them).
  for (const p of content.unread) problems.push(p);
  // The settings' currency and accounts; problems in the settings are reported with the content check.
  const settingsProblems: Problem[] = [];
  const settings = loadSite(content.site, settingsProblems);
  const plan = planOutputs(
    inputs,
    {
      channel,
      platform,
      dateOrder: order ?? null,
      schemas: await schemasFolder(root),
      account,
      accounts: settings.accounts,
      currency: settingsProblems.some((p) => p.severity !== 'note') ? null : settings.site.currency,
      from,
      through,
    },
    content.data.map((f) => f.path),
  );
  // Never spread a list of problems into push(): its length is the input's to choose.
  for (const p of plan.problems) problems.push(p);
  const declaration = declareMetrics(
    content.site,
    plan.outputs.flatMap((o) => o.converted.metrics),
  );
  if (problems.length === 0)
    for (const p of checkContent(declaration.site ?? content.site, content.goals, content.data, plan.outputs)) problems.push(p);
  if (problems.length > 0) return printProblems(io, problems, 'nothing written');
  if (!dryRun) {
    const outcome = await writeOutputs(root, plan.outputs, declaration.site, seam);
    if (!outcome.ok) {
      if (outcome.signal) {
        io.err(`goalpost: interrupted by ${outcome.signal}: nothing written (the content root is as it was).`);
        return signalStatus(outcome.signal);
      }
      return printProblems(
        io,
        [{ file: outcome.path, line: 1, column: 1, message: outcome.message }],
        'nothing written (the content root is as it was)',
      );
    }
  }
  io.out(summary(plan.outputs, plan.skipped, dryRun, declaration.declared));
  return 0;
}

function summary(
  outputs: readonly PlannedOutput[],
  skipped: readonly string[],
  dryRun: boolean,
  declared: readonly string[],
): string {
  const header = ['file', 'platform', 'export', 'channel', 'rows', 'dates', 'metrics'];
  const rows = outputs.map((o) => [
    esc(o.input + (o.sheet ? ` [${o.sheet}]` : '')),
    o.converted.kind.platform,
    o.converted.kind.id,
    o.converted.channel,
    String(o.converted.sourceRows),
    `${formatDay(o.converted.first)}..${formatDay(o.converted.last)}`,
    o.converted.metrics.join(' '),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => (c === 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const o of outputs) {
    const replaces = o.replaces.filter((p) => p !== o.path);
    out.push(
      `${dryRun ? 'would write' : 'wrote'} ${esc(o.path)}${replaces.length > 0 ? ` (replacing ${esc(replaces.join(', '))})` : ''}`,
    );
    for (const note of o.converted.notes) out.push(`  ${esc(note)}`);
  }
  if (declared.length > 0) {
    out.push(
      `${dryRun ? 'would declare' : 'declared'} the custom metric${declared.length > 1 ? 's' : ''} ${declared.join(', ')} under metrics: in ${SITE_FILE}`,
    );
  }
  for (const s of skipped) out.push(`skipped ${esc(s)}`);
  if (dryRun) out.push('Dry run: nothing written.');
  return out.join('\n');
}
