/** What "no English on a Welsh page" means for a test: no word of the English catalogue the Welsh one does not use. */

import { cy } from '#functions/web/i18n/cy.ts';
import { en } from '#functions/web/i18n/en.ts';
import { REDACTED } from '#shared/domain/redaction.ts';

/** Every string a catalogue holds, its functions called with stand-in values. */
const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    try {
      return strings((value as (...args: unknown[]) => unknown)('7', 7, '7', 7));
    } catch {
      return [];
    }
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
};

/** The words of some text, lower case, of two letters or more. */
export const wordsOf = (texts: string[]): Set<string> =>
  new Set(texts.flatMap((text) => text.toLowerCase().match(/\p{L}[\p{L}’']*\p{L}/gu) ?? []));

// The stored marker for removed text is English by the spec; the Welsh catalogue quotes it once.
const welshWords = wordsOf(strings(cy).map((s) => s.replaceAll(REDACTED, '')));

/** Words of the English catalogue that the Welsh one never uses. */
export const ENGLISH_ONLY: ReadonlySet<string> = new Set(
  [...wordsOf(strings(en))].filter((w) => !welshWords.has(w)),
);

/** The English-only words in some text, which a Welsh page must not show. */
export const englishWordsIn = (...texts: string[]): string[] =>
  [...wordsOf(texts)].filter((w) => ENGLISH_ONLY.has(w));
