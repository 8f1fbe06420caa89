/**
 * The learning library's requests: the search query string and the draft that "ideas like yours" takes.
 * Built on first use (z.lazy), as every schema is (see schemas.ts).
 */
import * as z from 'zod';
import { LIBRARY_STATUSES, MAX_QUERY_LENGTH, QUERY_TOO_LONG } from './library-entry.ts';
import { BROKEN_TEXT, pageParameters, trimmedText } from './schemas.ts';
import { TEAM_SLUG } from './teams.ts';

const wellFormed = (value: string) => value.isWellFormed();

/**
 * Words to search for: at most MAX_QUERY_LENGTH characters (not UTF-16 units, so 200 emoji are 200).
 * Blank is no search at all (the newest entries); words the library ignores find nothing, which is
 * an answer, not an error.
 */
const queryWords = () =>
  z
    .string({ error: 'Enter words to search for' })
    .refine((q) => [...q].length <= MAX_QUERY_LENGTH, { error: QUERY_TOO_LONG, abort: true })
    .refine(wellFormed, { error: BROKEN_TEXT })
    .transform((q) => q.trim() || undefined);

export const libraryQuerySchema = z.lazy(() =>
  z.strictObject(
    {
      q: queryWords().optional(),
      team: z
        .string({ error: 'Enter a team like early-help' })
        .regex(TEAM_SLUG, { error: 'Enter a team like early-help: lower-case letters, numbers and hyphens' })
        .optional(),
      status: z
        .enum(LIBRARY_STATUSES, { error: `Choose a status from: ${LIBRARY_STATUSES.join(', ')}` })
        .optional(),
      ...pageParameters(),
    },
    { error: 'Send the search as query string parameters' },
  ),
);

/** Optional text of a draft: blank or null is the same as left out. */
const draftText = (max: number, tooLong: string) =>
  z
    .string({ error: 'Enter text, or leave it out' })
    .max(max, { error: tooLong })
    .refine(wellFormed, { error: BROKEN_TEXT })
    .transform((text) => text.trim() || undefined)
    .nullish();

const hypothesisPart = (name: string) => draftText(1000, `${name} must be 1,000 characters or fewer`);

export const draftSchema = z.lazy(() =>
  z.strictObject(
    {
      title: trimmedText(1, 120, {
        enter: 'Enter the title of your idea',
        tooLong: 'The title must be 120 characters or fewer',
      }),
      problem: draftText(2000, 'The problem must be 2,000 characters or fewer'),
      hypothesis: z
        .strictObject(
          {
            weBelieve: hypothesisPart('What you believe'),
            toTestIt: hypothesisPart('How you will test it'),
            measure: hypothesisPart('What you will measure'),
            rightIf: hypothesisPart('How you will know you were right'),
          },
          { error: 'Send the hypothesis as an object with weBelieve, toTestIt, measure and rightIf' },
        )
        .nullish(),
    },
    { error: 'Send the draft as a JSON object with a title' },
  ),
);

export type LibraryQuery = z.infer<typeof libraryQuerySchema>;
export type DraftRequest = z.infer<typeof draftSchema>;
