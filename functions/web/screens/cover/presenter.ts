/** What was wrong with a cover request, in the page's language and in the words of the form's labels. */
import type { CoverProblem } from '#shared/domain/cover.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';

/** One problem in the page's words: each kind has its own message, dates as the page writes them. */
export const problemText = (t: Messages, fmt: Formatter, problem: CoverProblem): string => {
  const errors = t.cover.errors;
  switch (problem.kind) {
    case 'coverByNotManager':
      return errors.coverByNotManager(problem.name);
    case 'tooLong':
      return errors.tooLong(fmt.date(problem.last));
    case 'overlap':
      return errors.overlap(fmt.date(problem.from), fmt.date(problem.to));
    case 'reasonIdentifies':
      // As every other free text says it (functions/web/form/personal-details.ts).
      return t.personalDetails.error(
        t.personalDetails.fields.reason,
        t.personalDetails.kinds[problem.detail],
      );
    default:
      return errors[problem.kind];
  }
};

/** A problem the services found, as the domain keeps it with each 400 (`problems`). */
export const isCoverProblem = (value: unknown): value is { path: string; problem: CoverProblem } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { path?: unknown }).path === 'string' &&
  typeof (value as { problem?: { kind?: unknown } }).problem?.kind === 'string';
