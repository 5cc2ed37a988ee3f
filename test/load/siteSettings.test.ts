import { describe, expect, it } from 'vitest';
import { loadFromSources } from '../../src/load/project.ts';
import { formatProblem } from '../../src/load/problems.ts';
import { uiStrings } from '../../src/translations/index.ts';
import { outcomeOf, problemsOf, SITE, VALID_DATA } from './helpers.ts';

function siteOf(extra: string) {
  const result = loadFromSources(
    { path: 'content/site.yaml', text: SITE + extra },
    [],
    [{ path: 'data/ig.json', text: VALID_DATA }],
  );
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.project.site;
}

describe('site settings: url, robots, strings', () => {
  it('defaults: no url, indexed, no overrides', () => {
    const site = siteOf('');
    expect(site.url).toBeNull();
    expect(site.robots).toBe('index');
    expect(site.strings).toEqual({});
  });

  it('reads an absolute http(s) url (with a trailing slash added), robots and overrides', () => {
    const site = siteOf(
      'url: https://reports.example.com/q\nrobots: noindex\nstrings:\n  status.on_track: Progressing\n  footer.goals.other: "{count} tracked goals"\n',
    );
    expect(site.url).toBe('https://reports.example.com/q/');
    expect(site.robots).toBe('noindex');
    expect(uiStrings('en-US', site.strings).status.on_track).toBe('Progressing');
  });

  it('refuses a url that is not an absolute http(s) address of a site', () => {
    for (const url of [
      '/reports/',
      'ftp://example.com/',
      'javascript:alert(1)',
      'https://user:pw@example.com/',
      'https://example.com/?q=1',
      'example.com',
    ]) {
      const problems = problemsOf({ site: `${SITE}url: "${url}"\n` });
      expect(problems, url).toEqual([
        expect.stringMatching(/^content\/site\.yaml:5:6: url must be the absolute http\(s\) address/),
      ]);
    }
  });

  it('refuses a robots value other than index or noindex', () => {
    expect(problemsOf({ site: `${SITE}robots: nofollow\n` })).toEqual(['content/site.yaml:5:9: robots must be index or noindex']);
  });

  it('positions an unknown strings key with "did you mean", a group key, and an unknown slot', () => {
    const problems = problemsOf({
      site: `${SITE}strings:\n  status.on_trak: Progressing\n  status: Fine\n  quarter.title: "Quarter {quartre}"\n  nope: x\n`,
    });
    expect(problems).toEqual([
      "content/site.yaml:6:3: unknown text key 'status.on_trak': did you mean 'status.on_track'?",
      "content/site.yaml:7:3: unknown text key 'status': 'status' is a group of texts; override one of them, such as 'status.achieved'",
      "content/site.yaml:8:18: unknown slot {quartre} in the text of 'quarter.title': it can use {quarter}",
      "content/site.yaml:9:3: unknown text key 'nope': the keys are the dotted names of the texts, such as status.on_track (see docs/site.md)",
    ]);
  });

  it('refuses a strings value that is not text', () => {
    expect(problemsOf({ site: `${SITE}strings:\n  status.on_track: [1]\n` })).toEqual([
      'content/site.yaml:6:20: status.on_track: a string override is a text',
    ]);
  });
});

describe('channel colours', () => {
  it('notes configured colours too close to tell apart, at the second colour', () => {
    const site =
      'title: T\nchannels:\n  facebook: { label: Facebook, color: "#1877f2" }\n  instagram: { label: Instagram, color: "#c13584" }\n  linkedin: { label: LinkedIn, color: "#0a66c2" }\n';
    const data = { 'data/fb.json': VALID_DATA.replace('"instagram"', '"facebook"') };
    expect(outcomeOf({ site, data })).toEqual({
      problems: [],
      notes: [
        "content/site.yaml:5:39: note: the colours of channels 'facebook' (#1877f2) and 'linkedin' (#0a66c2) are hard to tell apart in charts (ΔE OK 0.08, under 0.12): give one of them a more distinct colour",
      ],
    });
  });

  it('says nothing of distinct colours', () => {
    const site =
      'title: T\nchannels:\n  instagram: { label: Instagram, color: "#c13584" }\n  linkedin: { label: LinkedIn, color: "#0a66c2" }\n';
    expect(outcomeOf({ site }).notes).toEqual([]);
  });
});

describe('site settings: keys named __proto__', () => {
  it('reports one under channels: and under strings:, where the records would drop it (red-team 8 #11)', () => {
    const site = `${SITE}strings:\n  __proto__: x\n`.replace('channels:\n', 'channels:\n  __proto__: { label: P }\n');
    const found = problemsOf({ site, data: { 'data/a.json': VALID_DATA } });
    const proto = found.filter((p) => p.includes("'__proto__' cannot be a key: JavaScript keeps the name for itself"));
    expect(proto).toHaveLength(2);
    expect(proto[0]).toMatch(/^content\/site\.yaml:\d+:3: /);
  });
});
