/**
 * Turns domain values into what the pages show, in the page's language: answers, amounts, reasons,
 * statuses and history. Shared by every screen so an answer reads the same everywhere.
 */
import {
  CARD_FIELDS,
  type CardAnswers,
  type CardField,
  CHOICE_FIELDS,
  type ChoiceField,
} from '#shared/domain/card.ts';
import { type Experiment, type HistoryEntry, HYPOTHESIS_FIELDS } from '#shared/domain/experiment.ts';
import { describeReason, type ReasonCode, type ReasonWords } from '#shared/domain/reasons.ts';
import { REDACTED } from '#shared/domain/redaction.ts';
import type { Status } from '#shared/domain/status.ts';
import type { Formatter, Messages } from './i18n/index.ts';
import { fieldLabel } from './redacted-fields.ts';

const isChoice = (field: CardField): field is ChoiceField =>
  (CHOICE_FIELDS as readonly string[]).includes(field);

export const answerText = (t: Messages, fmt: Formatter, field: CardField, answer: unknown): string => {
  if (answer === undefined || answer === null || answer === '') return t.common.notAnswered;
  if (isChoice(field)) {
    const labels: Readonly<Record<string, string>> = t.card[field].answers;
    return labels[String(answer)] ?? String(answer);
  }
  return typeof answer === 'number' && Number.isFinite(answer) ? fmt.amount(field, answer) : String(answer);
};

/** A page's words for reasons: its catalogue, whose English words are the card's own rows. */
const reasonWords = (t: Messages, fmt: Formatter): ReasonWords => ({
  topic: (field) => t.card[field].short,
  choice: (field, answer) => {
    const details: Readonly<Record<string, string | undefined>> = t.card[field].reasons;
    return Object.hasOwn(details, answer) ? details[answer] : undefined;
  },
  threshold: (field, answer, limit, whose) => t.card[field].reason(answer, limit, whose),
  amount: (field, value) => fmt.amount(field, value),
  unrecognised: t.card.unrecognised,
  allowance: t.card.allowance,
});

/**
 * A reason in the page's language, built from its rule, answer and limit (never its stored English) by
 * the same function that builds the API's `message`, so the two cannot say different things.
 */
export const reasonText = (t: Messages, fmt: Formatter, reason: ReasonCode): string =>
  describeReason(reasonWords(t, fmt), reason);

/** A safety question's answers as radio items, with the hint that says when "Does not apply" applies. */
export const choiceItems = (t: Messages, field: ChoiceField) => {
  const answers: Readonly<Record<string, string>> = t.card[field].answers;
  return Object.keys(answers).map((value) => ({
    value,
    text: answers[value] ?? value,
    ...(field === 'consent' && value === 'notApplicable' ? { hint: t.card.consent.notApplicableHint } : {}),
  }));
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
const whoDid = (t: Messages, entry: HistoryEntry): string => {
  if (entry.by === 'card') return t.common.theCard;
  if (entry.by === 'system') return t.common.system;
  // Anonymised or erased: the name is null.
  return entry.byName ?? t.common.nameRemoved;
};

/** What a history entry's detail says: a paragraph, a list, or both (an escalation by a change). */
interface Detail {
  detail?: string | undefined;
  details?: string[] | undefined;
}

/** "Cycle 2: …", as entries written before they held codes began. */
const OLD_CYCLE_DETAIL = /^Cycle (\d+): /;

/** The test an entry is about: its code, or the number in an entry written before codes. */
const testOf = (entry: HistoryEntry): number | undefined => {
  if (entry.cycle !== undefined) return entry.cycle;
  const old = entry.event === 'cycleRecorded' ? OLD_CYCLE_DETAIL.exec(entry.detail ?? '') : null;
  return old ? Number(old[1]) : undefined;
};

const cycleDetail = (t: Messages, fmt: Formatter, exp: Experiment, entry: HistoryEntry): Detail => {
  const n = testOf(entry);
  const cycle = exp.cycles.find((c) => c.number === n);
  // Words the owner wrote, worded from the cycle itself (so a redaction of the cycle reaches it too).
  return cycle
    ? { detail: t.eventDetails.cycle(fmt.number(cycle.number), cycle.learned) }
    : { detail: entry.detail };
};

/**
 * An escalation: its reasons, from the entry's codes; for an entry written before it kept them, from the
 * assessment made at the same moment (the submission's, or the cycle's whose changes caused it).
 */
const escalationDetail = (t: Messages, fmt: Formatter, exp: Experiment, entry: HistoryEntry): Detail => {
  const byChange = exp.cycles.find(
    (c) => c.number === entry.cycle || (entry.cycle === undefined && c.assessment?.assessedAt === entry.at),
  );
  const reasons =
    entry.reasons ??
    (byChange?.assessment ?? (exp.assessment?.assessedAt === entry.at ? exp.assessment : undefined))?.reasons;
  return {
    detail: byChange
      ? t.eventDetails.changesOutside(fmt.number(byChange.number))
      : reasons
        ? undefined
        : t.eventDetails.escalated,
    details: reasons?.map((reason) => reasonText(t, fmt, reason)),
  };
};

/** "Removed the text of …", as entries written before they kept the field as a code began. */
const OLD_REDACTION_DETAIL = /^Removed the text of ([\w.]+): ([\s\S]*)$/;

/** A removal: the field by its name in the page's language, and governance's reason as written. */
const redactionDetail = (t: Messages, entry: HistoryEntry): Detail => {
  const old = entry.field === undefined ? OLD_REDACTION_DETAIL.exec(entry.detail ?? '') : null;
  const field = entry.field ?? old?.[1];
  const reason = old ? (old[2] ?? '') : (entry.detail ?? '');
  return field === undefined ? {} : { detail: t.eventDetails.redacted(fieldLabel(t, field), reason) };
};

/** Words the service wrote are worded here, in the page's language; words a person wrote are shown as written. */
const entryDetail = (t: Messages, fmt: Formatter, exp: Experiment, entry: HistoryEntry): Detail => {
  switch (entry.event) {
    case 'authorised':
      return { detail: t.eventDetails.authorised };
    case 'escalated':
      return escalationDetail(t, fmt, exp, entry);
    case 'cycleRecorded':
      return cycleDetail(t, fmt, exp, entry);
    case 'reminded':
      return { detail: t.eventDetails.reminded };
    case 'raisedToLeaders':
      return { detail: t.eventDetails.raisedToLeaders };
    case 'failed':
      return { detail: t.eventDetails.failed };
    case 'redacted':
      return redactionDetail(t, entry);
    default:
      // A manager's reason or conditions, unless governance removed them; nothing for a submission or a hand-over.
      return { detail: entry.detail === REDACTED ? t.library.removed : entry.detail };
  }
};

/** History entries in the page's language. */
export const historyItems = (t: Messages, fmt: Formatter, exp: Experiment) =>
  exp.history.map((entry) => ({
    at: fmt.dateTime(entry.at),
    datetime: entry.at,
    title: t.events[entry.event],
    by: t.experiment.historyBy(whoDid(t, entry)),
    ...entryDetail(t, fmt, exp, entry),
  }));

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
