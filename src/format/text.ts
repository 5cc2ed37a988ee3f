/** Small pieces of English for messages and pages. */

/** A count with its noun, singular or plural: `1 goal`, `3 goals`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
