/**
 * Turns domain values into what the pages show, in the page's language: answers, amounts, reasons,
 * statuses and history. Shared by every screen so an answer reads the same everywhere.
 */
import { type AllowanceReason, financialYear } from '#shared/domain/allowance.ts';
import type { Reason } from '#shared/domain/assess.ts';
import {
  CARD_FIELDS,
  type CardAnswers,
  type CardField,
  CHOICE_FIELDS,
  type ChoiceField,
  THRESHOLD_FIELDS,
  type ThresholdField,
} from '#shared/domain/card.ts';
import { type Experiment, type HistoryEntry, HYPOTHESIS_FIELDS } from '#shared/domain/experiment.ts';
import type { Status } from '#shared/domain/status.ts';
import { type Formatter, type Messages, teamName } from './i18n/index.ts';

const isChoice = (field: CardField): field is ChoiceField =>
  (CHOICE_FIELDS as readonly string[]).includes(field);
const isThreshold = (field: string): field is ThresholdField =>
  (THRESHOLD_FIELDS as readonly string[]).includes(field);

export const answerText = (t: Messages, fmt: Formatter, field: CardField, answer: unknown): string => {
  if (answer === undefined || answer === null || answer === '') return t.common.notAnswered;
  if (isChoice(field)) {
    const labels: Readonly<Record<string, string>> = t.card[field].answers;
    return labels[String(answer)] ?? String(answer);
  }
  return typeof answer === 'number' && Number.isFinite(answer) ? fmt.amount(field, answer) : String(answer);
};

/**
 * A reason from the card in the page's language; built from its rule, answer and limit, not its English
 * text. The allowance's reason names its financial year, that of `assessedAt`.
 */
export const reasonText = (
  t: Messages,
  fmt: Formatter,
  reason: Reason | AllowanceReason,
  assessedAt?: string,
): string => {
  if (reason.rule === 'allowance') {
    const year = financialYear(assessedAt ? new Date(assessedAt) : new Date()).label;
    return t.allowance.reason({ message: reason.message, left: fmt.amount('extraCost', reason.limit), year });
  }
  const field = reason.rule;
  if (isChoice(field)) {
    const reasons: Readonly<Record<string, string | undefined>> = t.card[field].reasons;
    return reasons[String(reason.answer)] ?? t.card.unrecognised;
  }
  if (isThreshold(field) && typeof reason.answer === 'number' && reason.limit !== undefined) {
    const [answer, limit] = [fmt.amount(field, reason.answer), fmt.amount(field, reason.limit)];
    // The limit was the team's own (a policy's `teams`), not the card's: say so.
    if (reason.team !== undefined)
      return t.cardLearns.teamReason(t.card[field].short, answer, limit, teamName(t, reason.team));
    return t.card[field].reason(answer, limit);
  }
  return t.card.unrecognised;
};

export interface AnswerRow {
  field: CardField | 'commitToShare';
  question: string;
  answer: string;
  escalates: boolean;
}

export const cardRows = (
  t: Messages,
  fmt: Formatter,
  card: Partial<CardAnswers> & { commitToShare?: boolean },
  escalating: ReadonlySet<string>,
): AnswerRow[] => [
  ...CARD_FIELDS.map((field) => ({
    field,
    question: t.card[field].label,
    answer: answerText(t, fmt, field, card[field]),
    escalates: escalating.has(field),
  })),
  {
    field: 'commitToShare' as const,
    question: t.card.commitToShare.label,
    answer: card.commitToShare ? t.card.commitToShare.yes : t.common.notAnswered,
    escalates: false,
  },
];

const STATUS_COLOURS: Record<Status, string> = {
  assessing: 'govuk-tag--grey',
  authorised: 'govuk-tag--green',
  escalated: 'govuk-tag--orange',
  declined: 'govuk-tag--red',
  testing: 'govuk-tag--blue',
  adopted: 'govuk-tag--teal',
  abandoned: 'govuk-tag--grey',
};

export const statusTag = (t: Messages, status: Status) => ({
  text: t.statuses[status],
  classes: STATUS_COLOURS[status],
});

/** The people behind history entries written by the workflow, in the page's language. */
const whoDid = (t: Messages, entry: HistoryEntry): string =>
  entry.by === 'card' ? t.common.theCard : entry.by === 'system' ? t.common.system : entry.byName;

/**
 * History entries in the page's language. Words written by the workflow are replaced by catalogue text;
 * words a person wrote (a manager's conditions or reason) are shown as they wrote them.
 */
export const historyItems = (t: Messages, fmt: Formatter, exp: Experiment) =>
  exp.history.map((entry) => {
    let detail: string | string[] | undefined = entry.detail;
    if (entry.event === 'authorised' && entry.by === 'card') detail = t.eventDetails.authorised;
    if (entry.event === 'escalated' && entry.by === 'card') {
      detail = (exp.assessment?.reasons ?? []).map((reason) =>
        reasonText(t, fmt, reason, exp.assessment?.assessedAt),
      );
    }
    if (entry.event === 'raisedToLeaders') detail = t.eventDetails.raisedToLeaders;
    if (entry.event === 'failed') detail = t.eventDetails.failed;
    return {
      at: fmt.dateTime(entry.at),
      datetime: entry.at,
      title: t.events[entry.event],
      by: t.experiment.historyBy(whoDid(t, entry)),
      detail: Array.isArray(detail) ? undefined : detail,
      details: Array.isArray(detail) ? detail : undefined,
    };
  });

export const hypothesisRows = (t: Messages, exp: Pick<Experiment, 'hypothesis'>) =>
  HYPOTHESIS_FIELDS.map((field) => ({
    key: { text: t.fields[field].short },
    value: multiline(exp.hypothesis[field]),
  }));

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** For the few table cells built as HTML in code: people's words must never become markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

export const linkHtml = (href: string, text: string): string =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

export const tagHtml = (tag: { text: string; classes: string }): string =>
  `<strong class="govuk-tag ${tag.classes}">${escapeHtml(tag.text)}</strong>`;

/** People's own words with their line breaks kept, and nothing else of theirs read as markup. */
export const multiline = (text: string): { html: string } => ({
  html: escapeHtml(text).replace(/\r?\n/g, '<br>'),
});

export const experimentHref = (id: string): string => `/experiments/${encodeURIComponent(id)}`;

/**
 * The card's answers as GOV.UK summary list rows. An answer outside the card carries a tag and a row
 * class, so it stands out by words as well as colour.
 */
export const answerSummaryRows = (
  t: Messages,
  fmt: Formatter,
  card: Partial<CardAnswers> & { commitToShare?: boolean },
  escalating: ReadonlySet<string>,
) =>
  cardRows(t, fmt, card, escalating).map((answer) => ({
    key: { text: answer.question },
    value: answer.escalates
      ? {
          html: `${escapeHtml(answer.answer)} ${tagHtml({ text: t.case.outsideTag, classes: 'govuk-tag--orange ff-tag-after' })}`,
        }
      : { text: answer.answer },
    ...(answer.escalates ? { classes: 'ff-summary-row--outside' } : {}),
  }));
