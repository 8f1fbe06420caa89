/**
 * Calendar dates as a UK council means them. A financial year or a day of cover turns at midnight in
 * London, which is 23:00 UTC the evening before for half the year, so UTC dates would be an hour out.
 */

/** A day in the calendar; `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

// Built on first use, like the card's number formats: the first Intl formatter costs a cold start.
let londonParts: Intl.DateTimeFormat | undefined;
const formatter = (): Intl.DateTimeFormat => {
  londonParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  return londonParts;
};

const wallClock = (at: Date): { date: CalendarDate; ms: number } => {
  const part: Record<string, number> = {};
  for (const { type, value } of formatter().formatToParts(at)) part[type] = Number(value);
  const date = { year: part.year ?? 0, month: part.month ?? 0, day: part.day ?? 0 };
  const ms = Date.UTC(
    date.year,
    date.month - 1,
    date.day,
    part.hour ?? 0,
    part.minute ?? 0,
    part.second ?? 0,
  );
  return { date, ms };
};

/** The date on a London calendar at that moment. */
export const londonDate = (at: Date): CalendarDate => wallClock(at).date;

const offsetMs = (at: number): number => wallClock(new Date(at)).ms - Math.floor(at / 1000) * 1000;

/** The moment a London day starts. Clocks change at 01:00 UTC, never at midnight, so it is unique. */
export const startOfLondonDay = (date: CalendarDate): Date => {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day);
  const guess = asUtc - offsetMs(asUtc);
  return new Date(asUtc - offsetMs(guess));
};

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when the three numbers name a real day (no 30 February). */
export const isRealDate = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysIn(year, month);

/** Reads `YYYY-MM-DD`; null for anything else, including dates that do not exist. */
export const parseIsoDate = (text: string): CalendarDate | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
};

export const formatIsoDate = (date: CalendarDate): string =>
  `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

const dayNumber = (date: CalendarDate): number => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: CalendarDate, b: CalendarDate): number => dayNumber(b) - dayNumber(a);

export const addDays = (date: CalendarDate, days: number): CalendarDate => {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
};

/** Orders calendar dates: negative, zero or positive like a sort comparator. */
export const compareDates = (a: CalendarDate, b: CalendarDate): number => dayNumber(a) - dayNumber(b);

/** Calendar months later (or earlier); a day the month lacks moves back to its last day. */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysIn(year, month)) };
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** GOV.UK style, "1 July 2026", for messages built in the domain (the pages format their own). */
export const formatLongDate = (date: CalendarDate): string =>
  `${date.day} ${MONTH_NAMES[date.month - 1] ?? ''} ${date.year}`;
