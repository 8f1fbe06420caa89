/**
 * The GOV.UK date input on a GET filter form: a date as day, month and year boxes ("from-day",
 * "from-month", "from-year"), or a month as month and year. A filter link made before, or by the page
 * itself for its next page, may still say `from=2025-03-31` (or `from=2025-03`): read as the same boxes.
 */
import type { Messages } from '../i18n/index.ts';

export type DateKind = 'date' | 'month';

/** What was typed in each box, kept as typed to be shown back. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const LEGACY: Record<DateKind, RegExp> = {
  date: /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  month: /^(\d{4})-(\d{1,2})$/,
};

export const readDateParts = (query: URLSearchParams, name: string, kind: DateKind): DateParts => {
  const typed = (box: string) => (query.get(`${name}-${box}`) ?? '').trim();
  const parts = { day: kind === 'date' ? typed('day') : '', month: typed('month'), year: typed('year') };
  if (parts.day || parts.month || parts.year) return parts;
  const legacy = LEGACY[kind].exec((query.get(name) ?? '').trim());
  if (!legacy) return parts;
  return kind === 'date'
    ? { year: legacy[1] ?? '', month: legacy[2] ?? '', day: legacy[3] ?? '' }
    : { year: legacy[1] ?? '', month: legacy[2] ?? '', day: '' };
};

const isEmpty = (parts: DateParts) => !parts.day && !parts.month && !parts.year;

const whole = (text: string, min: number, max: number): number | undefined => {
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
};

/**
 * The boxes as "2025-03-31" (or "2025-03"); undefined when all are empty (no filter); null when they
 * do not make a real date.
 */
export const isoOf = (parts: DateParts, kind: DateKind): string | undefined | null => {
  if (isEmpty(parts)) return undefined;
  const year = parts.year.length === 4 ? whole(parts.year, 1900, 2999) : undefined;
  const month = whole(parts.month, 1, 12);
  if (year === undefined || month === undefined) return null;
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  if (kind === 'month') return yearMonth;
  const day = whole(parts.day, 1, 31);
  if (day === undefined) return null;
  const iso = `${yearMonth}-${String(day).padStart(2, '0')}`;
  // 30 February is not a real date: a Date made from it moves on to March.
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
};

/** The id of the first box, where an error summary's link sends the reader. */
export const firstBoxId = (name: string, kind: DateKind): string =>
  kind === 'date' ? `${name}-day` : `${name}-month`;

/** govukDateInput's parameters: a fieldset with the legend, the hint, the boxes and any error. */
export const dateInput = (
  t: Messages,
  opts: {
    name: string;
    kind: DateKind;
    legend: string;
    hint: string;
    parts: DateParts;
    error: { text: string } | undefined;
  },
) => {
  const box = (name: keyof DateParts, width: 2 | 4) => ({
    name,
    label: t.dateInput[name],
    value: opts.parts[name],
    classes: `govuk-input--width-${width}`,
  });
  return {
    id: opts.name,
    namePrefix: opts.name,
    fieldset: { legend: { text: opts.legend, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: opts.hint },
    errorMessage: opts.error,
    items: [...(opts.kind === 'date' ? [box('day', 2)] : []), box('month', 2), box('year', 4)],
  };
};
