import { checkFreeText, type FreeTextCheck, textFields } from '../../domain/personal-details.ts';
import { ValidationError } from '../../errors.ts';

/** What a response carries when free text holds details that only narrow someone down. */
export interface FreeTextWarnings {
  warnings?: FreeTextCheck['warnings'];
}

/**
 * The personal-details check on a request's free text: details that identify someone refuse it (400,
 * an issue per field and kind, nothing stored); a postcode or a date of birth only warns, and the
 * warnings go back with the answer and nowhere else.
 */
export const refuseIdentifyingText = (
  body: unknown,
  paths: readonly string[],
  today: Date,
): FreeTextWarnings => {
  const { errors, warnings } = checkFreeText(textFields(body, paths), { today });
  const first = errors[0];
  if (first) {
    throw new ValidationError(
      first.message,
      errors.map(({ path, message }) => ({ path, message })),
    );
  }
  return warnings.length > 0 ? { warnings } : {};
};
