/**
 * Personal details in free text, in the page's words: the same check the services run
 * (shared/domain/personal-details.ts), each refusal naming the field and the kind of detail on that
 * field, GOV.UK style, and each warning said the same way for the page to show before submitting.
 */
import { checkFreeText, type PersonalDetailWarning, textFields } from '#shared/domain/personal-details.ts';
import type { Issue } from '#shared/domain/schemas.ts';
import type { Messages } from '../i18n/index.ts';

type FieldPath = keyof Messages['personalDetails']['fields'];

/** The field as its question's short name says it (one word per thing), else the check's own name. */
const fieldName = (t: Messages, path: string): string => {
  const key = path.split('.').at(-1) ?? path;
  const question: { short?: string } | undefined = Object.hasOwn(t.fields, key)
    ? (t.fields as Record<string, { short?: string }>)[key]
    : undefined;
  if (question?.short) return question.short;
  return path in t.personalDetails.fields ? t.personalDetails.fields[path as FieldPath] : path;
};

export interface PersonalDetailFindings {
  /** Refusals, one per field and kind, as form issues on the field. */
  issues: Issue[];
  /** Warnings, one per field and kind: a postcode or a date of birth. */
  warnings: string[];
  /** The same warnings as codes, to be worded later (after a redirect, in the page's language). */
  warningCodes: { path: string; kind: PersonalDetailWarning }[];
}

/** One warning in the page's words: the field and the kind of detail it may hold. */
export const warningText = (t: Messages, path: string, kind: PersonalDetailWarning): string =>
  t.personalDetails.warning(fieldName(t, path), t.personalDetails.kinds[kind]);

/** Checks `paths` of a request body as the services will, in the page's words. */
export const personalDetails = (
  t: Messages,
  body: unknown,
  paths: readonly string[],
  today: Date,
): PersonalDetailFindings => {
  const { errors, warnings } = checkFreeText(textFields(body, paths), { today });
  const words = t.personalDetails;
  return {
    issues: errors.map(({ path, kind }) => ({
      path,
      message: words.error(fieldName(t, path), words.kinds[kind]),
    })),
    warnings: warnings.map(({ path, kind }) => warningText(t, path, kind)),
    warningCodes: warnings.map(({ path, kind }) => ({ path, kind })),
  };
};
