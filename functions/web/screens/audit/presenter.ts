/**
 * The audit trail page in the page's language: its filters (a GET form with GOV.UK date inputs, checked
 * here), the query the service is asked, the rows, and the check of the hash chain.
 */
import { AUDIT_ACTIONS, type AuditAction } from '#shared/domain/audit.ts';
import type { AuditQuery } from '#shared/domain/governance-schemas.ts';
import { isPersonId } from '#shared/domain/person.ts';
import type { VerifyResult } from '#shared/services/audit-service.ts';
import { errorCollector } from '../../form/issues.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';

const PAGE_SIZE = 25;
const DATE_PARTS = ['day', 'month', 'year'] as const;
type DateParts = Record<(typeof DATE_PARTS)[number], string>;

/** The filters as typed, shown back on the form. */
export interface AuditFilters {
  action: string;
  actor: string;
  target: string;
  from: DateParts;
  to: DateParts;
}

const dateParts = (query: URLSearchParams, name: string): DateParts => ({
  day: (query.get(`${name}-day`) ?? '').trim(),
  month: (query.get(`${name}-month`) ?? '').trim(),
  year: (query.get(`${name}-year`) ?? '').trim(),
});

export const readAuditFilters = (query: URLSearchParams): AuditFilters => ({
  action: query.get('action') ?? '',
  actor: (query.get('actor') ?? '').trim(),
  target: (query.get('target') ?? '').trim(),
  from: dateParts(query, 'from'),
  to: dateParts(query, 'to'),
});

const isAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);
const isBlank = (parts: DateParts) => DATE_PARTS.every((part) => parts[part] === '');

/** "2026-03-27" from a GOV.UK date input, or undefined when it is no real date. */
const isoOf = (parts: DateParts): string | undefined => {
  if (![parts.day, parts.month].every((p) => /^\d{1,2}$/.test(p)) || !/^\d{4}$/.test(parts.year))
    return undefined;
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
};

/** What is wrong with the filters, on their fields, and the dates they give. */
export const auditFilterErrors = (t: Messages, filters: AuditFilters) => {
  const errors = errorCollector();
  if (filters.actor && !isPersonId(filters.actor)) errors.add('actor', t.auditTrail.errors.id);
  if (filters.target && !isPersonId(filters.target)) errors.add('target', t.auditTrail.errors.id);
  const from = isBlank(filters.from) ? undefined : isoOf(filters.from);
  const to = isBlank(filters.to) ? undefined : isoOf(filters.to);
  if (!isBlank(filters.from) && !from)
    errors.add('from-day', t.auditTrail.errors.date(t.auditTrail.from), 'from');
  if (!isBlank(filters.to) && !to) errors.add('to-day', t.auditTrail.errors.date(t.auditTrail.to), 'to');
  if (from && to && from > to) errors.add('to-day', t.auditTrail.errors.order, 'to');
  return { ...errors, from, to };
};

/** What the service is asked for: the filters it knows, a page at a time. */
export const auditQuery = (
  filters: AuditFilters,
  dates: { from: string | undefined; to: string | undefined },
  cursor: string | undefined,
): AuditQuery => ({
  format: 'json',
  limit: PAGE_SIZE,
  ...(isAction(filters.action) ? { action: filters.action } : {}),
  ...(filters.actor ? { actor: filters.actor } : {}),
  ...(filters.target ? { target: filters.target } : {}),
  ...(dates.from ? { from: dates.from } : {}),
  ...(dates.to ? { to: dates.to } : {}),
  ...(cursor ? { cursor } : {}),
});

/** The filters as a query string, for the next page and the CSV download. */
export const filterParams = (filters: AuditFilters): URLSearchParams => {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.target) params.set('target', filters.target);
  for (const name of ['from', 'to'] as const) {
    if (isBlank(filters[name])) continue;
    for (const part of DATE_PARTS) params.set(`${name}-${part}`, filters[name][part]);
  }
  return params;
};

const withQuery = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

const dateItems = (t: Messages, name: 'from' | 'to', filters: AuditFilters, error: boolean) =>
  DATE_PARTS.map((part) => ({
    name: part,
    label: t.auditTrail[part],
    value: filters[name][part],
    classes: `${part === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2'}${error ? ' govuk-input--error' : ''}`,
  }));

/** The page: the filter form with its choices and errors, the rows found, the next page and the CSV. */
export const auditModel = (
  t: Messages,
  filters: AuditFilters,
  errors: ReturnType<typeof auditFilterErrors>,
  page: { rows: unknown[]; next: string | null },
) => {
  const params = filterParams(filters);
  const next = page.next ? new URLSearchParams([...params, ['cursor', page.next]]) : undefined;
  return {
    filters,
    rows: page.rows,
    next: next ? `/audit?${next}` : undefined,
    csvHref: withQuery('/audit/export.csv', params),
    errorList: errors.list,
    errors: errors.byKey,
    fromItems: dateItems(t, 'from', filters, Boolean(errors.byKey.from)),
    toItems: dateItems(t, 'to', filters, Boolean(errors.byKey.to)),
    actionItems: [
      { value: '', text: t.auditTrail.anyAction },
      ...AUDIT_ACTIONS.map((action) => ({
        value: action,
        text: t.auditTrail.actions[action],
        selected: filters.action === action,
      })),
    ],
  };
};

/** The check of the chain: intact, or the first entry that does not match and why. */
export const verifyModel = (t: Messages, fmt: Formatter, result: VerifyResult) => {
  const count = fmt.number(result.entries);
  if (result.intact) {
    return {
      intact: true,
      title: t.auditTrail.intactTitle,
      body: t.auditTrail.intact(result.entries, count),
    };
  }
  const broken = result.firstBroken;
  const entry = broken.entry;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return {
    intact: false,
    title: t.auditTrail.brokenTitle,
    body: t.auditTrail.brokenBody(result.entries, count),
    reason: t.auditTrail.reasons[broken.reason],
    rows: entry
      ? [
          row(t.auditTrail.columns.at, fmt.dateTime(entry.at)),
          row(t.auditTrail.columns.actor, entry.actor),
          row(t.auditTrail.columns.action, t.auditTrail.actions[entry.action] ?? entry.action),
          row(t.auditTrail.columns.target, entry.target ?? t.common.empty),
          row(t.auditTrail.columns.outcome, t.auditTrail.outcomes[entry.outcome] ?? entry.outcome),
          row(t.auditTrail.hash, entry.hash),
        ]
      : broken.hash
        ? [row(t.auditTrail.hash, broken.hash)]
        : [],
  };
};
