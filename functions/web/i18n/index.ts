import { THRESHOLD_QUESTIONS, type ThresholdField } from '#shared/domain/card.ts';
import { en, type Messages } from './en.ts';

export type { Messages } from './en.ts';

export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'cy';

let welsh: Promise<Messages> | undefined;

/**
 * A language's catalogue. English is in the bundle; Welsh is loaded with `import()` by the first Welsh
 * page, so the cold start of the English pages, most of them, does not parse it. The
 * language switcher's words for both languages are in ./languages.ts.
 */
export const messages = (locale: Locale): Promise<Messages> => {
  if (locale === 'en') return Promise.resolve(en);
  welsh ??= import('./cy.ts').then(
    ({ cy }) => cy,
    (error: unknown) => {
      // Not kept: the next Welsh page tries again.
      welsh = undefined;
      throw error;
    },
  );
  return welsh;
};

// Council staff work in Wales and England; every date and deadline means UK time.
const TIME_ZONE = 'Europe/London';

export interface Formatter {
  number(value: number): string;
  /** "15 March 2025" / "15 Mawrth 2025". */
  date(iso: string | undefined): string;
  /** The GOV.UK way: "10:30am on 15 March 2025", "5pm on …", "midday on …" (Welsh: "10:30yb ar …"). */
  dateTime(iso: string | undefined): string;
  /** "in 2 days" / "ymhen 2 ddiwrnod", in the largest whole unit. */
  relative(iso: string, now: Date): string;
  /** A card amount with its unit: "£1,250", "12 people or families", "6 weeks". */
  amount(field: ThresholdField, value: number): string;
  /** "2025-03" as "March 2025" / "Mawrth 2025". */
  month(yearMonth: string): string;
  percent(share: number): string;
}

/** `make()` on the first call, the same value after. */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

const makeFormatter = (t: Messages): Formatter => {
  const numbers = once(() => new Intl.NumberFormat(t.intlLocale, { maximumFractionDigits: 2 }));
  const pence = once(
    () => new Intl.NumberFormat(t.intlLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  );
  const dates = once(() => new Intl.DateTimeFormat(t.intlLocale, { dateStyle: 'long', timeZone: TIME_ZONE }));
  const times = once(
    () =>
      new Intl.DateTimeFormat('en-GB', {
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
        timeZone: TIME_ZONE,
      }),
  );
  /** "5:19am", "5pm", "midday", "midnight": the hour and minute in London, in the catalogue's words. */
  const clock = (date: Date): string => {
    const parts = times().formatToParts(date);
    const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0) % 24;
    const minute = Number(parts.find((part) => part.type === 'minute')?.value ?? 0);
    if (minute === 0 && hour === 12) return t.time.midday;
    if (minute === 0 && hour === 0) return t.time.midnight;
    const twelve = hour % 12 === 0 ? 12 : hour % 12;
    const suffix = hour < 12 ? t.time.am : t.time.pm;
    return minute === 0 ? `${twelve}${suffix}` : `${twelve}:${String(minute).padStart(2, '0')}${suffix}`;
  };
  const relative = once(() => new Intl.RelativeTimeFormat(t.intlLocale, { numeric: 'auto' }));
  const months = once(
    () => new Intl.DateTimeFormat(t.intlLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  const percents = once(
    () => new Intl.NumberFormat(t.intlLocale, { style: 'percent', maximumFractionDigits: 0 }),
  );
  const valid = (iso: string | undefined): Date | undefined => {
    if (!iso) return undefined;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? undefined : date;
  };
  return {
    number: (value) => numbers().format(value),
    date: (iso) => {
      const date = valid(iso);
      return date ? dates().format(date) : '';
    },
    dateTime: (iso) => {
      const date = valid(iso);
      return date ? t.time.at(clock(date), dates().format(date)) : '';
    },
    relative: (iso, now) => {
      const ms = Date.parse(iso) - now.getTime();
      const minutes = Math.round(ms / 60_000);
      if (Math.abs(minutes) < 60) return relative().format(minutes, 'minute');
      const hours = Math.round(ms / 3_600_000);
      if (Math.abs(hours) < 48) return relative().format(hours, 'hour');
      return relative().format(Math.round(ms / 86_400_000), 'day');
    },
    month: (yearMonth) => {
      const date = new Date(`${yearMonth}-01T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? yearMonth : months().format(date);
    },
    percent: (share) => percents().format(share),
    amount: (field, value) => {
      const { unit } = THRESHOLD_QUESTIONS[field];
      const formatted = unit === 'pounds' && !Number.isInteger(value) ? pence() : numbers();
      return t.amounts[unit](formatted.format(value), value);
    },
  };
};

const formatters = new WeakMap<Messages, Formatter>();

/**
 * One formatter per catalogue, its `Intl` formats built on first use: building them (locale data
 * included) costs milliseconds, and most pages use one or two of them. They hold no state, so every
 * request of the language shares them.
 */
export const formatter = (t: Messages): Formatter => {
  let made = formatters.get(t);
  if (!made) {
    made = makeFormatter(t);
    formatters.set(t, made);
  }
  return made;
};

/** A team slug in words, or the slug itself for a team the catalogue does not know yet. */
export const teamName = (t: Messages, slug: string): string => t.teams[slug] ?? slug;
