/**
 * What an editor sees: the YAML language server that VS Code's YAML extension runs, given
 * the files' `# yaml-language-server: $schema=…` line and the committed schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';

const REPO = join(import.meta.dirname, '../..');

const service = getLanguageService({
  schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
});
service.configure({ validate: true, completion: true, hover: true });

let version = 0;
/** A document; each gets a new version, since the server caches parsed documents by URI and version. */
function document(path: string, text: string): TextDocument {
  return TextDocument.create(pathToFileURL(join(REPO, path)).toString(), 'yaml', ++version, text);
}

async function diagnostics(path: string, text: string): Promise<string[]> {
  const found = await service.doValidation(document(path, text), false);
  return found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
}

const HEAD = '# yaml-language-server: $schema=../schemas/goals.schema.json\n';

describe('the YAML language server with the published schemas', () => {
  for (const path of ['goals/objectives.yaml', 'goals/2025.yaml', 'goals/2026.yaml', 'content/site.yaml']) {
    it(`finds nothing wrong in the example's ${path}, which names its schema`, async () => {
      const text = readFileSync(join(REPO, path), 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/(goals|site)\.schema\.json$/);
      expect(await diagnostics(path, text)).toEqual([]);
    });
  }

  it('flags an unknown key in a goal at its position', async () => {
    const text = `${HEAD}goals:\n  - id: g\n    title: G\n    period: 2026-Q2\n    tagret: 5\n`;
    expect(await diagnostics('goals/new.yaml', text)).toEqual(['6:5: Property tagret is not allowed.']);
  });

  it('flags an unknown site setting and a category outside the list', async () => {
    const site = '# yaml-language-server: $schema=../schemas/site.schema.json\ntitle: T\ncolour: red\n';
    expect((await diagnostics('content/site.yaml', site)).join('\n')).toContain('3:1: Property colour is not allowed.');
    const goal = `${HEAD}goals:\n  - { id: g, title: G, category: awarenes }\n`;
    expect((await diagnostics('goals/new.yaml', goal)).join('\n')).toMatch(
      /^3:\d+: Value is not accepted\. Valid values: "awareness"/,
    );
  });

  it('completes the keys of a goal', async () => {
    const text = `${HEAD}goals:\n  - id: g\n    \n`;
    const list = await service.doComplete(document('goals/new.yaml', text), { line: 3, character: 4 }, false);
    const labels = list.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['title', 'period', 'channel', 'kpi', 'target', 'key_results']));
    expect(labels).not.toContain('id');
  });
});
