/**
 * "Personal details in free text": staff describe families, they do not identify them. Details that
 * identify a person on their own (email, phone, NHS and National Insurance numbers) refuse the text;
 * details that only narrow it down (a postcode, a date of birth) warn, because ordinary text about a
 * service can hold them for innocent reasons (an office's postcode, the date a law came in).
 *
 * Every pattern is linear in the length of the text: no nested quantifiers, and each candidate starts
 * where a run of its characters starts, so no text, however crafted, makes the check backtrack.
 */
import { HYPOTHESIS_FIELDS } from './experiment.ts';
import { type CalendarDate, compareDates, isRealDate, londonDate } from './uk-time.ts';

export const PERSONAL_DETAIL_ERRORS = ['email', 'phone', 'nhsNumber', 'niNumber'] as const;
export const PERSONAL_DETAIL_WARNINGS = ['postcode', 'dateOfBirth'] as const;
export type PersonalDetailError = (typeof PERSONAL_DETAIL_ERRORS)[number];
export type PersonalDetailWarning = (typeof PERSONAL_DETAIL_WARNINGS)[number];

const DESCRIBE = "describe people, don't identify them";

/** The API's issue message per kind (the pages word their own, in English and Welsh, from the kind). */
export const PERSONAL_DETAIL_MESSAGES: { readonly [K in PersonalDetailError]: string } = {
  email: `Remove the email address: ${DESCRIBE}`,
  phone: `Remove the phone number: ${DESCRIBE}`,
  nhsNumber: `Remove the NHS number: ${DESCRIBE}`,
  niNumber: `Remove the National Insurance number: ${DESCRIBE}`,
};

export interface TextField {
  path: string;
  text: string;
}

export interface FreeTextCheck {
  errors: { path: string; kind: PersonalDetailError; message: string }[];
  warnings: { path: string; kind: PersonalDetailWarning }[];
}

// ---- Email -------------------------------------------------------------------------------------

// The local part starts only where a run of its characters starts (the lookbehind), so a long run
// without an "@" is read once, not once per character.
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9.-]+/g;

// "jo@example.org.uk" and also "jo@example.org.Then": any later label that could be a top-level
// domain ends a valid address, so a missing space after a full stop hides nothing.
const isEmailDomain = (domain: string): boolean => {
  const labels = domain.split('.');
  for (let i = 1; i < labels.length; i++) {
    if (/^[A-Za-z]{2,}$/.test(labels[i] ?? '')) return labels.slice(0, i).every((label) => label.length > 0);
  }
  return false;
};

const hasEmail = (text: string): boolean => {
  for (const match of text.matchAll(EMAIL)) {
    const domain = match[0].slice(match[0].indexOf('@') + 1);
    if (isEmailDomain(domain)) return true;
  }
  return false;
};

// ---- Numbers written in groups: phone and NHS numbers ------------------------------------------

interface DigitGroup {
  digits: string;
  /** What separates it from the group before: spaces, hyphens, brackets. */
  before: string;
}

interface NumberRun {
  international: boolean;
  /** Straight after a word ("ref0123456789", "secret-0123456789"): an identifier, not a number. */
  glued: boolean;
  groups: DigitGroup[];
}

// A run of digits with the separators people put in numbers. Matched greedily from the first
// character, so each character is read once.
const NUMBER_RUN = /\+?[\d(][\d ()\u00a0-]*/g;

const numberRuns = function* (text: string): Generator<NumberRun> {
  for (const match of text.matchAll(NUMBER_RUN)) {
    const run = match[0];
    const groups: DigitGroup[] = [];
    let before = '';
    let digits = '';
    for (const char of run) {
      if (char >= '0' && char <= '9') digits += char;
      else if (digits) {
        groups.push({ digits, before });
        digits = '';
        before = char;
      } else before += char;
    }
    if (digits) groups.push({ digits, before });
    const first = groups[0];
    // "+44" counts only when the plus sign is right against the digits.
    const glued = /[\p{L}\p{N}_]-?$/u.test(text.slice(Math.max(0, match.index - 2), match.index));
    if (first) yield { international: run.startsWith('+') && first.before === '+', glued, groups };
  }
};

const NATIONAL = /^0[12378]\d{9}$/;
const SUBSCRIBER = /^[12378]\d{9}$/;

/** After "+44" or "0044" people drop the 0, keep it, or put it in brackets: "+44 (0)20 7946 0123". */
const isInternationalRest = (rest: string): boolean =>
  SUBSCRIBER.test(rest.startsWith('0') ? rest.slice(1) : rest);

const isUkPhone = (groups: readonly DigitGroup[], international: boolean): boolean => {
  const digits = groups.map((group) => group.digits).join('');
  if (international) return digits.startsWith('44') && isInternationalRest(digits.slice(2));
  if (digits.startsWith('0044')) return isInternationalRest(digits.slice(4));
  // National spellings: 11 digits at once, or in groups of three or more ("07700 900123",
  // "020 7946 0123", "(01632) 960 123"); never stray short numbers joined up.
  return NATIONAL.test(digits) && groups.every((group) => group.digits.length >= 3);
};

// A hyphen with no space binds groups into one number ("000-010-0000"), so a phone number neither
// starts nor ends in the middle of a hyphenated one; " - " between numbers is only punctuation.
const bound = (group: DigitGroup | undefined): boolean => group?.before === '-';

const hasPhoneIn = (run: NumberRun): boolean => {
  const { groups } = run;
  for (let start = 0; start < groups.length; start++) {
    if (start > 0 && bound(groups[start])) continue;
    let count = 0;
    for (let end = start; end < groups.length && end < start + 6; end++) {
      count += groups[end]?.digits.length ?? 0;
      if (count > 15) break;
      if (count < 10 || bound(groups[end + 1])) continue;
      if (isUkPhone(groups.slice(start, end + 1), run.international && start === 0)) return true;
    }
  }
  return false;
};

/** The NHS number's modulus 11 check: weights 10 down to 2; a remainder giving 10 is never issued. */
export const nhsCheckDigit = (first9: string): number | null => {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
};

export const isValidNhsNumber = (digits: string): boolean =>
  /^\d{10}$/.test(digits) && nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);

const SINGLE_SEPARATOR = /^[ \u00a0-]$/;

// Written as ten digits together or as 3-3-4 with single spaces or hyphens, the ways the NHS prints it.
const hasNhsNumberIn = ({ groups, glued }: NumberRun): boolean =>
  groups.some((group, i) => {
    if (i === 0 && glued) return false;
    if (group.digits.length === 10) return isValidNhsNumber(group.digits);
    const [second, third] = [groups[i + 1], groups[i + 2]];
    if (group.digits.length !== 3 || second?.digits.length !== 3 || third?.digits.length !== 4) return false;
    if (!SINGLE_SEPARATOR.test(second.before) || !SINGLE_SEPARATOR.test(third.before)) return false;
    return isValidNhsNumber(group.digits + second.digits + third.digits);
  });

// ---- National Insurance numbers and postcodes ---------------------------------------------------

// First letter never D F I Q U V; second never D F I O Q U V; then six digits and a suffix A–D.
const NI_NUMBER =
  /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \u00a0]?\d\d[ \u00a0]?\d\d[ \u00a0]?\d\d[ \u00a0]?[A-D](?![A-Za-z0-9])/gi;
const NI_NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

const hasNiNumber = (text: string): boolean => {
  for (const match of text.matchAll(NI_NUMBER)) {
    if (!NI_NEVER_ISSUED.has((match[1] ?? '').toUpperCase())) return true;
  }
  return false;
};

// The Royal Mail's shapes: A9, A99, A9A, AA9, AA99, AA9A, then 9AA; the inward letters never use
// C I K M O V, so "M6 2am" is not a postcode.
const POSTCODE =
  /(?<![A-Za-z0-9])(?:GIR[ \u00a0]?0AA|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?)[ \u00a0]?(\d[ABD-HJLNP-UW-Z]{2}))(?![A-Za-z0-9])/gi;
const ORDINAL = /^\d(?:st|nd|rd|th)$/;

const hasPostcode = (text: string): boolean => {
  for (const match of text.matchAll(POSTCODE)) {
    // "Room B12 3rd floor": a lower-case ordinal is a word, not an inward code.
    if (!ORDINAL.test(match[1] ?? '')) return true;
  }
  return false;
};

// ---- Dates of birth -----------------------------------------------------------------------------

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'ionawr'],
  ['february', 'feb', 'chwefror'],
  ['march', 'mar', 'mawrth'],
  ['april', 'apr', 'ebrill'],
  ['may', 'mai'],
  ['june', 'jun', 'mehefin'],
  ['july', 'jul', 'gorffennaf'],
  ['august', 'aug', 'awst'],
  ['september', 'sept', 'sep', 'medi'],
  ['october', 'oct', 'hydref'],
  ['november', 'nov', 'tachwedd'],
  ['december', 'dec', 'rhagfyr'],
];
const MONTH_OF = new Map(MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));
const MONTH_NAMES = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|');
const SP = '[ \\u00a0]+';

const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/g;
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\w.,£$])(\\d{1,2})(?:st|nd|rd|th)?${SP}(?:of${SP})?(${MONTH_NAMES})\\.?,?${SP}(\\d{4})(?!\\d)`,
  'gi',
);
const MONTH_DAY_YEAR = new RegExp(
  `(?<![\\w])(${MONTH_NAMES})\\.?${SP}(\\d{1,2})(?:st|nd|rd|th)?,?${SP}(\\d{4})(?!\\d)`,
  'gi',
);
const BIRTH_CUE = /(?<![a-z])(?:born|birth[a-z]*|dob|d\.o\.b|ganwyd|geni|pen-?blwydd)(?![a-z])/i;
const CUE_WINDOW = 40;
const YEARS_WITHOUT_A_CUE = 5;

interface FoundDate {
  date: CalendarDate;
  index: number;
}

const fullYear = (text: string, today: CalendarDate): number => {
  const year = Number(text);
  if (text.length === 4) return year;
  return 2000 + year <= today.year ? 2000 + year : 1900 + year;
};

const fullDates = function* (text: string, today: CalendarDate): Generator<FoundDate> {
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const date = { year: fullYear(m[4] ?? '', today), month: Number(m[3]), day: Number(m[1]) };
    yield { date, index: m.index };
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const month = MONTH_OF.get((m[2] ?? '').toLowerCase()) ?? 0;
    yield { date: { year: Number(m[3]), month, day: Number(m[1]) }, index: m.index };
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const month = MONTH_OF.get((m[1] ?? '').toLowerCase()) ?? 0;
    yield { date: { year: Number(m[3]), month, day: Number(m[2]) }, index: m.index };
  }
};

/**
 * A full date that could be a birthday. Full means day, month and year, written "12/03/2015",
 * "12.03.15", "12-03-2015", "3 March 2015", "3rd of Mar 2015" or "March 3rd, 2015" (English or Welsh
 * month names; ISO dates are machine text, not how people write). It warns when the date is real,
 * not after today, and either within 40 characters after a cue ("born", "DOB", "date of birth",
 * "birthday", Welsh "ganwyd", "geni", "pen-blwydd") or five or more years ago. What a test describes
 * happened recently, so an old full date is most often someone's birthday; a recent one needs the
 * cue, or "since 1 April 2025" would warn.
 */
const hasDateOfBirth = (text: string, today: CalendarDate): boolean => {
  for (const { date, index } of fullDates(text, today)) {
    if (!isRealDate(date.year, date.month, date.day) || date.year < 1900) continue;
    if (compareDates(date, today) > 0) continue;
    const cue = BIRTH_CUE.test(text.slice(Math.max(0, index - CUE_WINDOW), index));
    const old = compareDates(date, { ...today, year: today.year - YEARS_WITHOUT_A_CUE }) <= 0;
    if (cue || old) return true;
  }
  return false;
};

// ---- The check ----------------------------------------------------------------------------------

/** The kinds of personal detail in one text, each kind once, in the order of the lists above. */
export const findPersonalDetails = (
  text: string,
  today: Date,
): { errors: PersonalDetailError[]; warnings: PersonalDetailWarning[] } => {
  const runs = [...numberRuns(text)];
  const found: Record<PersonalDetailError | PersonalDetailWarning, () => boolean> = {
    email: () => hasEmail(text),
    phone: () => runs.some(hasPhoneIn),
    nhsNumber: () => runs.some(hasNhsNumberIn),
    niNumber: () => hasNiNumber(text),
    postcode: () => hasPostcode(text),
    dateOfBirth: () => hasDateOfBirth(text, londonDate(today)),
  };
  return {
    errors: PERSONAL_DETAIL_ERRORS.filter((kind) => found[kind]()),
    warnings: PERSONAL_DETAIL_WARNINGS.filter((kind) => found[kind]()),
  };
};

/**
 * Checks every free-text field of a request. `errors` refuse it (400, one issue per field and kind,
 * in field order); `warnings` let it through (201 with `warnings`). `today` is a parameter so the
 * check stays pure.
 */
export const checkFreeText = (fields: readonly TextField[], opts: { today: Date }): FreeTextCheck => {
  const result: FreeTextCheck = { errors: [], warnings: [] };
  for (const { path, text } of fields) {
    const { errors, warnings } = findPersonalDetails(text, opts.today);
    for (const kind of errors) result.errors.push({ path, kind, message: PERSONAL_DETAIL_MESSAGES[kind] });
    for (const kind of warnings) result.warnings.push({ path, kind });
  }
  return result;
};

// ---- Which fields are free text -----------------------------------------------------------------

/** What staff write when they submit an idea. */
export const SUBMISSION_TEXT_PATHS: readonly string[] = [
  'title',
  'problem',
  ...HYPOTHESIS_FIELDS.map((field) => `hypothesis.${field}`),
];

/** What the owner writes on a learning card. */
export const CYCLE_TEXT_PATHS = ['observed', 'learned', 'incidentDetail'] as const;

/**
 * What a manager writes when deciding. The spec names submissions and cycles; a decline reason is shown
 * in the learning library to everyone, so the same check belongs on decisions.
 */
export const DECISION_TEXT_PATHS = ['reason', 'conditions'] as const;

const valueAt = (body: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
      body,
    );

/** The text fields of a request body at the given paths; missing or non-text values are skipped. */
export const textFields = (body: unknown, paths: readonly string[]): TextField[] =>
  paths.flatMap((path) => {
    const text = valueAt(body, path);
    return typeof text === 'string' ? [{ path, text }] : [];
  });
