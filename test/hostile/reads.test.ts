/**
 * Hostile input to reading and parsing (issue "Hardening"): links out of the content root,
 * devices, FIFOs, loops, huge files, floods of errors, alias bombs, tags, Latin-1 bytes,
 * deep nesting, a stack trace after a failed build, two channels with one label, and years
 * before 2000. Each case failed (or hung, or crashed) on the main branch before its fix.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trendChart, channelMixChart } from '../../src/charts/specs.ts';
import { runCli } from '../cliRunner.ts';
import { createEngine } from '../../src/core/project.ts';
import goalpost from '../../src/integration/index.ts';
import { formatProblem, problemCount } from '../../src/load/problems.ts';
import { loadFromSources, loadProject, type LoadResult } from '../../src/load/project.ts';
import { readHistory } from '../../src/site/history.ts';
import { outcomeOf, problemsOf, SITE, VALID_DATA } from '../load/helpers.ts';

/** A scratch content root with the basic fixture's settings, goals and data. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-reads-'));
  for (const part of ['content/site.yaml', 'goals', 'data'])
    cpSync(join('test/fixtures/basic', part), join(dir, part), { recursive: true });
  return dir;
}

/** A file outside any content root, holding valid metric JSON of a secret channel. */
function outsideFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-outside-'));
  const path = join(dir, 'secret.json');
  writeFileSync(path, JSON.stringify({ channel: 'secret', rows: [{ date: '2026-04-01', impressions: 1 }] }));
  return path;
}

/** Loads a root, failing the test (rather than hanging it) after `ms`. */
async function loadWithin(root: string, ms = 5000): Promise<LoadResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([loadProject(root), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function problemLinesOf(result: LoadResult): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

const cli = (root: string, args: string[]) => runCli(args, root, { now: '2026-07-03T09:30:00Z' });

describe('only regular files inside the content root are read', () => {
  it('refuses a link to a file outside the root, and does not read it', async () => {
    const root = scratch();
    symlinkSync(outsideFile(), join(root, 'data/x.json'));
    const result = await loadWithin(root);
    expect(problemLinesOf(result)).toContain(
      'data/x.json:1:1: is a symbolic link to a file outside the content root: it is not read; copy the file instead',
    );
    expect(result.files).not.toContain('data/x.json');
    expect(problemLinesOf(result).join('\n')).not.toContain('secret');
  });

  it('refuses a link to a device without reading from it', async () => {
    const root = scratch();
    symlinkSync('/dev/zero', join(root, 'goals/zero.yaml'));
    const result = await loadWithin(root);
    expect(problemLinesOf(result)).toContain(
      'goals/zero.yaml:1:1: is a symbolic link to a file outside the content root: it is not read; copy the file instead',
    );
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const root = scratch();
    execFileSync('mkfifo', [join(root, 'data/pipe.json')]);
    const result = await loadWithin(root);
    expect(problemLinesOf(result)).toContain('data/pipe.json:1:1: is a named pipe (FIFO), not a regular file: it is not read');
  });

  it('reports a link loop and a dangling link, one problem each', async () => {
    const root = scratch();
    symlinkSync('loop.json', join(root, 'data/loop.json'));
    symlinkSync('gone.yaml', join(root, 'goals/dangling.yaml'));
    const lines = problemLinesOf(await loadWithin(root));
    expect(lines).toContain(
      'data/loop.json:1:1: is a symbolic link that leads to itself (a loop): it is not read; replace it with the file',
    );
    expect(lines).toContain(
      'goals/dangling.yaml:1:1: is a symbolic link to a file that does not exist: it is not read; replace it with the file or remove it',
    );
    expect(lines).toHaveLength(2);
  });

  it('refuses content/site.yaml and reports/ when they lead outside the root', async () => {
    const root = scratch();
    const outside = mkdtempSync(join(tmpdir(), 'goalpost-outside-'));
    writeFileSync(join(outside, 'site.yaml'), SITE);
    mkdirSync(join(outside, 'reports'));
    execFileSync('rm', [join(root, 'content/site.yaml')]);
    symlinkSync(join(outside, 'site.yaml'), join(root, 'content/site.yaml'));
    symlinkSync(join(outside, 'reports'), join(root, 'reports'));
    const lines = problemLinesOf(await loadWithin(root));
    expect(lines).toContain(
      'content/site.yaml:1:1: is a symbolic link to a file outside the content root: it is not read; copy the file instead',
    );
    expect(lines.some((l) => l.startsWith('reports:1:1: reports/ is a symbolic link'))).toBe(true);
  });

  it('follows a link to a regular file inside the root (documented)', async () => {
    const root = scratch();
    mkdirSync(join(root, 'shared'));
    writeFileSync(
      join(root, 'shared/extra.json'),
      JSON.stringify({ channel: 'instagram', rows: [{ date: '2026-06-15', clicks: 3 }] }),
    );
    symlinkSync('../shared/extra.json', join(root, 'data/extra.json'));
    const result = await loadWithin(root);
    expect(problemLinesOf(result)).toEqual([]);
    expect(result.files).toContain('data/extra.json');
  });
});

describe('size limits', () => {
  it('refuses a metric file over 64 MB without reading it', async () => {
    const root = scratch();
    const path = join(root, 'data/huge.json');
    writeFileSync(path, '');
    truncateSync(path, 64 * 1024 * 1024 + 1); // sparse: nothing is written
    const lines = problemLinesOf(await loadWithin(root));
    expect(lines).toContain(
      'data/huge.json:1:1: the file is 64 MB, larger than the 64 MB Goalpost reads: split it into smaller files',
    );
  });

  it('refuses a goals file over 1 MB', async () => {
    const root = scratch();
    writeFileSync(join(root, 'goals/big.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    const lines = problemLinesOf(await loadWithin(root));
    expect(lines).toContain(
      'goals/big.yaml:1:1: the file is 1 MB, larger than the 1 MB Goalpost reads: split it into smaller files',
    );
  });
});

describe('a flood of problems', () => {
  const flood = (n: number) => JSON.stringify({ channel: 'instagram', rows: Array.from({ length: n }, () => 1) });

  it('keeps at most 200 problems per file and counts the rest', () => {
    const result = loadFromSources(
      { path: 'content/site.yaml', text: SITE },
      [],
      [{ path: 'data/flood.json', text: flood(100_000) }],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeLessThanOrEqual(201);
    expect(problemCount(result.problems)).toBe(100_000);
  });

  it('makes validate print 200 problems, then "… and N more problems" and the full count', async () => {
    const root = scratch();
    writeFileSync(join(root, 'data/flood.json'), flood(50_000));
    const { status, err } = await cli(root, ['validate']);
    expect(status).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(202);
    expect(lines[200]).toBe('… and 49800 more problems');
    expect(lines[201]).toBe('50000 problems found.');
  });

  it('caps the list in freeze too', async () => {
    const root = scratch();
    writeFileSync(join(root, 'data/flood.json'), flood(1_000));
    const { status, err } = await cli(root, ['freeze', '2026-Q2']);
    expect(status).toBe(1);
    expect(err).toContain('… and 800 more problems');
    expect(err.trim().split('\n').length).toBe(202);
  });

  it('caps keys written twice without positioning each of them', () => {
    const text = `{"channel":"instagram","rows":[{"date":"2026-04-01",${Array.from({ length: 20_000 }, () => '"clicks":1').join(',')}}]}`;
    const result = loadFromSources({ path: 'content/site.yaml', text: SITE }, [], [{ path: 'data/twice.json', text }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeLessThanOrEqual(201);
    expect(problemCount(result.problems)).toBe(19_999);
  });
});

const GOALS = (extra: string) => `goals:
  - id: g1
    title: Impressions
    period: 2026-Q2
    channel: instagram
    kpi: impressions
    target: 5000
${extra}`;

describe('positions in large JSON', () => {
  it('come without a syntax tree, for a syntax error past 1 MB too', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `{"date":"2026-04-01","clicks":${i}}`);
    const text = `{"channel":"instagram","rows":[\n${rows.join(',\n')},\n{"date" "2026-04-02"}]}`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const lines = problemsOf({ data: { 'data/big.json': text } });
    expect(lines).toEqual([
      "data/big.json:30002:9: JSON syntax error: Expected ':' after property name; a colon is missing between the key and its value",
    ]);
  });
});

describe('YAML aliases', () => {
  it('refuses more than 100 uses of one alias at the 101st', () => {
    const uses = Array.from({ length: 150 }, () => '*c').join(', ');
    const lines = problemsOf({ goals: { 'goals/a.yaml': `x: &c instagram\n${GOALS('')}    y: [${uses}]\n` } });
    const column = 9 + 4 * 100;
    expect(lines).toContain(
      `goals/a.yaml:9:${column}: the alias *c is used more than 100 times: write the values out or use fewer aliases`,
    );
  });

  it('refuses an alias bomb', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array.from({ length: 10 }, () => `*${String.fromCharCode(96 + i)}`).join(', ')}]`,
      );
    const lines = problemsOf({ goals: { 'goals/bomb.yaml': `${levels.join('\n')}\n` } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^goals\/bomb\.yaml:2:\d+: the aliases expand to too many values/);
  });

  it('refuses an alias inside the value it names', () => {
    const lines = problemsOf({ goals: { 'goals/loop.yaml': 'goals: &g\n  - *g\n' } });
    expect(lines).toEqual(['goals/loop.yaml:2:5: the alias *g is inside the value it names (a loop): write the value out']);
  });

  it('names an alias whose anchor is not set, a second document and a key that is a list, in words (red-team 8 #8, #9)', () => {
    expect(problemsOf({ goals: { 'goals/undef.yaml': 'goals:\n  - *nope\n' } })).toEqual([
      'goals/undef.yaml:2:5: unknown alias *nope: an alias repeats a value marked &nope before it; mark the value, or write it out',
    ]);
    expect(problemsOf({ goals: { 'goals/two.yaml': 'goals: []\n---\ngoals: []\n' } })).toEqual([
      'goals/two.yaml:2:1: a file holds one YAML document, and this one starts a second (`---`): put it in a file of its own',
    ]);
    expect(problemsOf({ goals: { 'goals/key.yaml': '? [a, b]\n: c\ngoals: []\n' } })).toEqual([
      'goals/key.yaml:1:3: a key is plain text, not a list (`? [a, b]`): write the key as text',
    ]);
  });

  it('does not stop the goal history when an old commit has an alias bomb', async () => {
    const root = scratch();
    const git = (args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'A',
          GIT_AUTHOR_EMAIL: 'a@example.org',
          GIT_COMMITTER_NAME: 'A',
          GIT_COMMITTER_EMAIL: 'a@example.org',
        },
      });
    git(['init', '-q', '-b', 'main']);
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'goals']);
    const uses = Array.from({ length: 150 }, () => '*c').join(', ');
    writeFileSync(join(root, 'goals/bad.yaml'), `x: &c instagram\ny: [${uses}]\n`);
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'an alias bomb']);
    execFileSync('rm', [join(root, 'goals/bad.yaml')]);
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'fixed']);
    const loaded = await loadProject(root);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const history = readHistory(root, loaded.project, createEngine(loaded.project));
    expect(history.available).toBe(true);
  });
});

describe('YAML tags', () => {
  it('refuses !!float, !!str and a custom tag at the tag, never dropping them silently', () => {
    const lines = problemsOf({
      goals: {
        'goals/t.yaml': `goals:
  - id: g1
    title: !foo Impressions
    period: 2026-Q2
    channel: !!str instagram
    kpi: impressions
    target: !!float 1000
`,
      },
    });
    expect(lines).toEqual([
      "goals/t.yaml:3:12: YAML tag !foo is not supported: remove it (write numbers plainly, and text in quotes, e.g. '12')",
      "goals/t.yaml:5:14: YAML tag !!str is not supported: remove it (write numbers plainly, and text in quotes, e.g. '12')",
      "goals/t.yaml:7:13: YAML tag !!float is not supported: remove it (write numbers plainly, and text in quotes, e.g. '12')",
    ]);
  });

  it('refuses a tag in content/site.yaml', () => {
    const lines = problemsOf({ site: 'title: !!binary aGk=\n' });
    expect(lines).toEqual([
      "content/site.yaml:1:8: YAML tag !!binary is not supported: remove it (write numbers plainly, and text in quotes, e.g. '12')",
    ]);
  });
});

describe('bytes that are not UTF-8', () => {
  it('name the byte and its place in a metric file, never U+FFFD', async () => {
    const root = scratch();
    const json = Buffer.concat([
      Buffer.from('{\n  "channel": "instagram",\n  "source": "Export de l\''),
      Buffer.from([0xe9]),
      Buffer.from('t\u00e9",\n  "rows": []\n}\n'),
    ]);
    writeFileSync(join(root, 'data/latin1.json'), json);
    const lines = problemLinesOf(await loadWithin(root));
    expect(lines).toContain(
      'data/latin1.json:3:26: the file is not UTF-8: byte 0xE9 at line 3 column 26; save the file as UTF-8 (it looks like Latin-1 or Windows-1252)',
    );
  });

  it('name the byte in a goals file, and UTF-16 by its name', async () => {
    const root = scratch();
    writeFileSync(
      join(root, 'goals/latin1.yaml'),
      Buffer.concat([Buffer.from('goals: []\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    writeFileSync(
      join(root, 'goals/utf16.yaml'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('goals: []\n', 'utf16le')]),
    );
    const lines = problemLinesOf(await loadWithin(root));
    expect(lines).toContain(
      'goals/latin1.yaml:2:6: the file is not UTF-8: byte 0xE9 at line 2 column 6; save the file as UTF-8 (it looks like Latin-1 or Windows-1252)',
    );
    expect(lines).toContain('goals/utf16.yaml:1:1: the file is UTF-16, not UTF-8: save the file as UTF-8');
  });
});

describe('deep nesting', () => {
  const deepJson = `{"channel":"instagram","rows":${'['.repeat(5000)}${']'.repeat(5000)}}`;

  it('refuses a metric file nested 5,000 levels deep at the first level too deep', () => {
    const lines = problemsOf({ data: { 'data/deep.json': deepJson } });
    expect(lines).toEqual([
      'data/deep.json:1:94: the JSON is nested more than 64 levels deep: content needs only a few levels (check for a run of brackets or indentation)',
    ]);
  });

  it('refuses deep JSON that does not even parse, without overflowing on its position', () => {
    const lines = problemsOf({ data: { 'data/deep.json': `{"rows":${'['.repeat(5000)}` } });
    expect(lines).toEqual([
      'data/deep.json:1:72: the JSON is nested more than 64 levels deep: content needs only a few levels (check for a run of brackets or indentation)',
    ]);
  });

  it('refuses a frozen report nested 5,000 levels deep', async () => {
    const root = scratch();
    mkdirSync(join(root, 'reports/2026-q2'), { recursive: true });
    writeFileSync(join(root, 'reports/2026-q2/v1.json'), deepJson);
    const lines = problemLinesOf(await loadWithin(root));
    expect(lines.some((l) => l.startsWith('reports/2026-q2/v1.json:1:94: the JSON is nested more than 64 levels deep'))).toBe(
      true,
    );
  });

  it('refuses goal YAML nested 5,000 levels (flow or block) with a plain message', () => {
    const flow = problemsOf({ goals: { 'goals/deep.yaml': `goals: ${'['.repeat(5000)}${']'.repeat(5000)}\n` } });
    expect(flow).toHaveLength(1);
    expect(flow[0]).toMatch(/^goals\/deep\.yaml:1:\d+: the YAML is nested more than 64 levels deep/);
    const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(problemsOf({ goals: { 'goals/deep.yaml': `${block} 1\n` } })).toEqual([
      'goals/deep.yaml:65:65: the YAML is nested more than 64 levels deep: content needs only a few levels (check for a run of brackets or indentation)',
    ]);
  });
});

describe('a build on invalid content', () => {
  it('fails with the positioned problems and no stack trace', async () => {
    const hook = goalpost().hooks['astro:config:setup']!;
    const previous = process.env['GOALPOST_ROOT'];
    process.env['GOALPOST_ROOT'] = 'test/fixtures/broken';
    let error: unknown = null;
    try {
      await (hook as (options: unknown) => Promise<void>)({ logger: { warn() {}, info() {} }, updateConfig() {} });
    } catch (e) {
      error = e;
    } finally {
      if (previous === undefined) delete process.env['GOALPOST_ROOT'];
      else process.env['GOALPOST_ROOT'] = previous;
    }
    expect(error).toBeInstanceOf(Error);
    const e = error as Error;
    expect(e.message).toContain("goals/goals.yaml:14:10: unknown KPI 'engagment_rate': did you mean 'engagement_rate'?");
    expect(e.stack ?? '').not.toMatch(/^\s+at /m);
  });
});

describe('two channels with the same label', () => {
  const site = 'title: T\nchannels:\n  instagram: { label: Instagram }\n  instagram-de: { label: Instagram }\n';

  it('stay two series in a trend chart, told apart by their ids', () => {
    const ctx = {
      site: {
        title: 'T',
        locale: 'en-US',
        currency: 'EUR',
        customerLtv: null,
        channels: {},
        base: '/',
        url: null,
        robots: 'index' as const,
        strings: {},
      },
      colors: new Map([
        ['instagram', '#111111'],
        ['instagram-de', '#222222'],
      ]),
    };
    const chart = trendChart(ctx, {
      id: 't',
      title: 'T',
      kpiLabel: 'Impressions',
      unit: 'count',
      step: 'month',
      series: [
        { channel: 'instagram', label: 'Instagram', points: [{ date: '2026-04-01', value: 1 }] },
        { channel: 'instagram-de', label: 'Instagram', points: [{ date: '2026-04-01', value: 2 }] },
      ],
    });
    const values = (chart.spec as { layer: Array<{ data: { values: Array<{ channel: string }> } }> }).layer[0]!.data.values;
    expect(new Set(values.map((v) => v.channel)).size).toBe(2);
    expect(chart.table.columns).toEqual(['Month of', 'Instagram (instagram)', 'Instagram (instagram-de)']);
    const mix = channelMixChart(ctx, {
      id: 'm',
      title: 'M',
      kpiLabel: 'Impressions',
      unit: 'count',
      values: [
        { channel: 'instagram', label: 'Instagram', value: 1 },
        { channel: 'instagram-de', label: 'Instagram', value: 2 },
      ],
    });
    expect(mix.table.rows.map((r) => r[0])).toEqual(['Instagram (instagram)', 'Instagram (instagram-de)']);
  });

  it('are noted by validate', () => {
    const { notes } = outcomeOf({ site, data: { 'data/ig.json': VALID_DATA } });
    expect(notes).toEqual([
      "content/site.yaml:4:26: note: channels 'instagram' and 'instagram-de' have the same label 'Instagram': charts tell them apart as 'Instagram (instagram)' and 'Instagram (instagram-de)'; give each channel its own label",
    ]);
  });
});

describe('years before 2000', () => {
  it('are refused in data (year 1, 0999-12, 0500-Q1), with four-digit years', () => {
    const data = JSON.stringify({
      channel: 'instagram',
      rows: [
        { date: '0001-01-01', impressions: 1 },
        { month: '0999-12', impressions: 1 },
        { quarter: '0500-Q1', impressions: 1 },
        { date: '2026-04-01', impressions: 5 },
      ],
    });
    expect(problemsOf({ data: { 'data/a.json': data } })).toEqual([
      'data/a.json:1:40: rows[0].date: 0001-01-01 is before 2000: is it a typo?',
      'data/a.json:1:79: rows[1].month: 0999-12 is before 2000: is it a typo?',
      'data/a.json:1:117: rows[2].quarter: 0500-Q1 is before 2000: is it a typo?',
    ]);
  });

  it('are refused in goals (period and start), and so are deadlines after 2099', () => {
    const goal = (when: string) =>
      `goals:\n  - id: g1\n    title: T\n    kpi: impressions\n    channel: instagram\n${when}    target: 5000\n`;
    expect(problemsOf({ goals: { 'goals/a.yaml': goal('    period: 0001-Q1\n') } })).toEqual([
      'goals/a.yaml:6:13: 0001-Q1 is before 2000: is it a typo?',
    ]);
    expect(problemsOf({ goals: { 'goals/a.yaml': goal('    start: 0999-01-01\n    deadline: 2026-06-30\n') } })).toEqual([
      'goals/a.yaml:6:12: 0999-01-01 is before 2000: is it a typo?',
    ]);
    expect(problemsOf({ goals: { 'goals/a.yaml': goal('    start: 2026-04-01\n    deadline: 9999-12-31\n') } })).toEqual([
      'goals/a.yaml:7:15: 9999-12-31 is after 2099: is it a typo?',
    ]);
  });

  it('never reach freeze', async () => {
    const root = scratch();
    writeFileSync(
      join(root, 'goals/old.yaml'),
      'goals:\n  - { id: old, title: Old, period: 0001-Q1, channel: instagram, kpi: impressions, target: 5 }\n',
    );
    const { status, err } = await cli(root, ['freeze', '2026-Q2']);
    expect(status).toBe(1);
    expect(err).toContain('goals/old.yaml:2:36: 0001-Q1 is before 2000: is it a typo?');
    expect(err).not.toMatch(/\b0-Q1\b|\s+at /);
  });
});

describe('bounded fuzz over hostile bytes and shapes', () => {
  const positioned = (result: LoadResult | ReturnType<typeof loadFromSources>): void => {
    if (result.ok) return;
    for (const p of result.problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
    }
  };

  it('random bytes in a goals and a metric file: loads or positioned problems, never a throw or a hang', async () => {
    const root = scratch();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), async (yaml, json) => {
        writeFileSync(join(root, 'goals/fuzz.yaml'), yaml);
        writeFileSync(join(root, 'data/fuzz.json'), json);
        positioned(await loadWithin(root));
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  it('deep, aliased and tagged shapes: loads or positioned problems', () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      '&a ',
      '*a',
      '!!str ',
      '!x ',
      'a: ',
      '- ',
      '\n  ',
      ', ',
      '1',
      '"k": ',
      '<<: *a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.nat(6000), (pieces, depth) => {
        const body = pieces.join('');
        positioned(
          loadFromSources(
            { path: 'content/site.yaml', text: SITE },
            [{ path: 'goals/f.yaml', text: `${'['.repeat(depth % 200)}${body}` }],
            [{ path: 'data/f.json', text: `${'['.repeat(depth)}${body}${']'.repeat(depth)}` }],
          ),
        );
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
