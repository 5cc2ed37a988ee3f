/** git in a throwaway repository, as one author, a commit dated `date` (YYYY-MM-DD, noon UTC) when given. */
import { execFileSync } from 'node:child_process';

export function gitAs(dir: string, args: readonly string[], date?: string): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ana',
      GIT_AUTHOR_EMAIL: 'ana@example.org',
      GIT_COMMITTER_NAME: 'Ana',
      GIT_COMMITTER_EMAIL: 'ana@example.org',
      ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}),
    },
  });
}
