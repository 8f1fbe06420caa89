/**
 * The experiment log in the page's language: its filters (a GET form, checked here), what the list is
 * asked for, and its rows.
 */
import type { Experiment } from '#shared/domain/experiment.ts';
import type { ListQuery } from '#shared/domain/schemas.ts';
import { STATUSES, type Status } from '#shared/domain/status.ts';
import { TEAM_IDS } from '#shared/domain/teams.ts';
import { type DateParts, dateInput, firstBoxId, isoOf, readDateParts } from '../../form/date-input.ts';
import { errorCollector } from '../../form/issues.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { experimentHref, linkHtml, statusTag, tagHtml } from '../../presenters.ts';

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);
const LEARNING_PREVIEW = 200;
const PAGE_SIZE = 25;

/** The filters as typed, shown back on the form, and the dates they make ("2025-03-31"), when real. */
export interface Filters {
  q: string;
  status: string;
  team: string;
  fromParts: DateParts;
  toParts: DateParts;
  from: string | undefined | null;
  to: string | undefined | null;
}

export const readFilters = (query: URLSearchParams): Filters => {
  const fromParts = readDateParts(query, 'from', 'date');
  const toParts = readDateParts(query, 'to', 'date');
  return {
    q: (query.get('q') ?? '').trim(),
    status: query.get('status') ?? '',
    team: query.get('team') ?? '',
    fromParts,
    toParts,
    from: isoOf(fromParts, 'date'),
    to: isoOf(toParts, 'date'),
  };
};

/** What is wrong with the filters, on their fields (the dates' errors under "fromDate" and "toDate"). */
export const filterErrors = (t: Messages, filters: Filters) => {
  const errors = errorCollector();
  if (filters.q.length > 100) errors.add('q', t.log.errors.q);
  if (filters.from === null) errors.add(firstBoxId('from', 'date'), t.log.errors.from, 'fromDate');
  if (filters.to === null) errors.add(firstBoxId('to', 'date'), t.log.errors.to, 'toDate');
  if (filters.from && filters.to && filters.from > filters.to)
    errors.add(firstBoxId('to', 'date'), t.log.errors.order, 'toDate');
  return errors;
};

/** What the list is asked for: the filters it knows, a page at a time. */
export const listQuery = (filters: Filters, cursor: string | undefined): ListQuery => ({
  limit: PAGE_SIZE,
  ...(filters.q ? { q: filters.q } : {}),
  ...(isStatus(filters.status) ? { status: filters.status } : {}),
  ...(TEAM_IDS.includes(filters.team) ? { team: filters.team } : {}),
  ...(filters.from ? { from: filters.from } : {}),
  ...(filters.to ? { to: filters.to } : {}),
  ...(cursor ? { cursor } : {}),
});

export const logRows = (t: Messages, fmt: Formatter, items: Experiment[]) =>
  items.map((exp) => {
    const learned = exp.cycles.at(-1)?.learned ?? '';
    return [
      { html: linkHtml(experimentHref(exp.id), exp.title) },
      { text: teamName(t, exp.team) },
      { text: exp.ownerName },
      // A workflow that failed for good shows beside the status, for leaders to have it put right.
      {
        html: `${tagHtml(statusTag(t, exp.status))}${exp.failure ? ` ${tagHtml({ text: t.experiment.failureTitle, classes: 'govuk-tag--red' })}` : ''}`,
      },
      { text: fmt.date(exp.createdAt) },
      { text: learned.length > LEARNING_PREVIEW ? `${learned.slice(0, LEARNING_PREVIEW)}…` : learned },
    ];
  });

/** The next page's address, with the same filters (the dates as `from=2025-03-31`, which the form reads too). */
export const nextHref = (filters: Filters, next: string | null): string | undefined => {
  if (!next) return undefined;
  const { q, status, team, from, to } = filters;
  return `/log?${new URLSearchParams({ q, status, team, from: from ?? '', to: to ?? '', cursor: next })}`;
};

/** The page: the filter form with its choices and errors, and the rows found. */
export const logModel = (
  t: Messages,
  filters: Filters,
  errors: ReturnType<typeof filterErrors>,
  page: { rows: unknown[]; next: string | undefined },
) => ({
  filters,
  fromInput: dateInput(t, {
    name: 'from',
    kind: 'date',
    legend: t.log.fromDate,
    hint: t.log.dateHint,
    parts: filters.fromParts,
    error: errors.byKey.fromDate,
  }),
  toInput: dateInput(t, {
    name: 'to',
    kind: 'date',
    legend: t.log.toDate,
    hint: t.log.dateHint,
    parts: filters.toParts,
    error: errors.byKey.toDate,
  }),
  rows: page.rows,
  next: page.next,
  errorList: errors.list,
  errors: errors.byKey,
  statusItems: [
    { value: '', text: t.log.anyStatus },
    ...STATUSES.map((status) => ({
      value: status,
      text: t.statuses[status],
      selected: filters.status === status,
    })),
  ],
  teamItems: [
    { value: '', text: t.log.anyTeam },
    ...TEAM_IDS.map((team) => ({ value: team, text: teamName(t, team), selected: filters.team === team })),
  ],
});
