/** Edit distance between two strings (Levenshtein), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest candidate to a misspelt name, if it is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== null && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return best !== null && bestDistance <= limit ? best : null;
}

/** `: did you mean 'x'?` when a close candidate exists, else a list of what is allowed (if short). */
export function hint(name: string, candidates: readonly string[], what: string): string {
  const near = closest(name, candidates);
  if (near) return `: did you mean '${near}'?`;
  if (candidates.length === 0) return '';
  if (candidates.length <= 12) return `: known ${what} are ${candidates.map((c) => `'${c}'`).join(', ')}`;
  return '';
}
