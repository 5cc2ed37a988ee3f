/**
 * The note on a change of followers counted from a count a week old or more at the period's start
 * (`counted_from`, red-team 27 #3): the day in the reader's language, each channel by its label.
 */
import { describe, expect, it } from 'vitest';
import type { SiteSettings } from '../../src/core/project.ts';
import { countedFromNote } from '../../src/format/countedFrom.ts';
import { formatDate } from '../../src/format/intl.ts';

const site = (locale: string): SiteSettings => ({
  title: 'T',
  locale,
  currency: 'EUR',
  customerLtv: null,
  channels: { instagram: { label: 'Instagram', color: null }, linkedin: { label: 'LinkedIn <Pro>', color: null } },
  base: '/',
  url: null,
  robots: 'index',
  strings: {},
});

describe('countedFromNote', () => {
  it('is null without counted_from', () => {
    expect(countedFromNote(undefined, site('en-US'))).toBeNull();
    expect(countedFromNote({}, site('en-US'))).toBeNull();
  });

  it('names the day of the count, short and long, in the page’s language', () => {
    const en = countedFromNote({ instagram: '2026-09-01' }, site('en-US'), (iso) => formatDate(iso, 'en-US'))!;
    expect(en.short).toBe('counted from the count of Sep 1, 2026');
    expect(en.long).toContain('Instagram from its count of Sep 1, 2026');
    expect(en.long).toContain('a week old or more when the period began');
    const fr = countedFromNote({ instagram: '2026-09-01' }, site('fr-FR'), (iso) => formatDate(iso, 'fr-FR'))!;
    expect(fr.short).toBe('compté depuis le total du 1 sept. 2026');
    expect(fr.long).toContain('Instagram depuis son total du 1 sept. 2026');
  });

  it('names each channel where their counts are from different days, sorted', () => {
    const note = countedFromNote({ linkedin: '2026-06-15', instagram: '2026-06-01' }, site('en-US'))!;
    expect(note.short).toBe('counted from earlier counts');
    expect(note.long).toContain('Instagram from its count of 2026-06-01; LinkedIn <Pro> from its count of 2026-06-15');
  });
});
