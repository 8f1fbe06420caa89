/**
 * Validation messages in the reader's language. The schemas in `shared/domain` say what is wrong, in
 * English, per path; the English catalogue holds the same sentences, so an issue is matched to its kind
 * ("enter", "tooLong", "precision", …) by its English text, and the kind is then read from the
 * catalogue of the page's language.
 */
import {
  CHOICE_FIELDS,
  type ChoiceField,
  THRESHOLD_FIELDS,
  type ThresholdField,
} from '#shared/domain/card.ts';
import type { Issue } from '#shared/domain/schemas.ts';
import { en } from '../i18n/en.ts';
import type { Messages } from '../i18n/index.ts';

type Group = Readonly<Record<string, string>>;

const isChoice = (field: string): field is ChoiceField =>
  (CHOICE_FIELDS as readonly string[]).includes(field);
const isThreshold = (field: string): field is ThresholdField =>
  (THRESHOLD_FIELDS as readonly string[]).includes(field);

const TEXT_FIELDS = [
  'title',
  'problem',
  'weBelieve',
  'toTestIt',
  'measure',
  'rightIf',
  'outcome',
  'reason',
  'conditions',
  'result',
  'observed',
  'learned',
  'next',
  'decisionDeadlineDays',
  'policyReason',
  'incident',
  'incidentDetail',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const isTextField = (field: string): field is TextField => (TEXT_FIELDS as readonly string[]).includes(field);

const groupFor = (t: Messages, path: string): Group | undefined => {
  const parts = path.split('.');
  const field = parts[parts.length - 1] ?? '';
  // A team's own limit (teams.<team>.<field>) has the same messages as the card's.
  if (parts[0] === 'thresholds' || parts[0] === 'teams')
    return isThreshold(field) ? t.policyForm.limitErrors[field] : undefined;
  // A cycle's `changes` are card answers, with the card's own messages.
  if (parts[0] === 'card' || parts[0] === 'changes') {
    if (isChoice(field)) return { enter: t.card[field].error };
    if (isThreshold(field)) return t.card[field].errors as unknown as Group;
    if (field === 'commitToShare') return { enter: t.card.commitToShare.error };
    return undefined;
  }
  return isTextField(field) ? (t.fields[field].errors as Group) : undefined;
};

export const localiseIssue = (issue: Issue, t: Messages): string => {
  const english = groupFor(en, issue.path);
  const local = groupFor(t, issue.path);
  if (!english || !local) return issue.message;
  // A message the catalogue does not know is already in the page's words (set by a controller).
  const kind = Object.keys(english).find((key) => english[key] === issue.message);
  return (kind && local[kind]) || issue.message;
};

/** The id of the input an error summary links to: "card.extraCost" → "card-extraCost". */
export const fieldId = (path: string): string => path.replaceAll('.', '-');

export interface FormErrors {
  /** For govukErrorSummary, in the order of the form. */
  list: { text: string; href: string }[];
  /** By path, for each field's errorMessage. */
  byPath: Record<string, { text: string }>;
}

export const formErrors = (
  issues: readonly Issue[],
  t: Messages,
  order: readonly string[] = [],
): FormErrors => {
  const rank = (path: string) => {
    const at = order.indexOf(path);
    return at === -1 ? order.length : at;
  };
  const sorted = [...issues].sort((a, b) => rank(a.path) - rank(b.path));
  const list = sorted.map((issue) => ({ text: localiseIssue(issue, t), href: `#${fieldId(issue.path)}` }));
  const byPath = Object.fromEntries(sorted.map((issue, i) => [issue.path, { text: list[i]?.text ?? '' }]));
  return { list, byPath };
};

/**
 * Errors a screen finds itself (in a GET form's filters, say): each links to its field `#id` in the
 * summary and shows on the field, under `key` where the view names the field otherwise.
 */
export const errorCollector = () => {
  const list: FormErrors['list'] = [];
  const byKey: Record<string, { text: string }> = {};
  return {
    list,
    byKey,
    add(id: string, text: string, key: string = id) {
      list.push({ text, href: `#${id}` });
      byKey[key] = { text };
    },
  };
};
