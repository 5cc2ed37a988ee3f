import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const PAGES = [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replaceAll(' ', '-');
}

describe('the documentation', () => {
  it('has every page the package documents', () => {
    for (const page of ['goals.md', 'metrics.md', 'site.md', 'kpis.md', 'import.md', 'ARCHITECTURE.md']) {
      expect(PAGES, page).toContain(`docs/${page}`);
    }
  });

  for (const page of PAGES) {
    it(`${page} refers to nothing outside the repository and its links resolve`, () => {
      const text = readFileSync(join(REPO, page), 'utf8');
      expect(text).not.toMatch(/\.\.\/shared|SPEC\.md/);
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
      for (const link of links) {
        const [file, hash] = link.split('#') as [string, string | undefined];
        const target = file === '' ? join(REPO, page) : join(REPO, dirname(page), file);
        expect(existsSync(target), `${page}: ${link}`).toBe(true);
        if (hash && target.endsWith('.md')) {
          const headings = readFileSync(target, 'utf8')
            .split('\n')
            .filter((l) => /^#{1,6} /.test(l))
            .map((l) => anchor(l.replace(/^#+ /, '')));
          expect(headings, `${page}: ${link}`).toContain(hash);
        }
      }
    });
  }
});
