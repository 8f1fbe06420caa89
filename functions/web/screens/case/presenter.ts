/** A case for a manager in the page's language: the idea, its answers and reasons, and the decision form. */
import type { Experiment } from '#shared/domain/experiment.ts';
import type { Issue } from '#shared/domain/schemas.ts';
import { formErrors } from '../../form/issues.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { answerSummaryRows, hypothesisRows, reasonText } from '../../presenters.ts';

export const DECISION_PATHS = ['outcome', 'conditions', 'reason'];

export type DecisionValues = { outcome: string; conditions: string; reason: string };

export const NO_DECISION: DecisionValues = { outcome: '', conditions: '', reason: '' };

/** The form's answers, trimmed, as typed. */
export const readDecisionForm = (form: URLSearchParams): DecisionValues => ({
  outcome: form.get('outcome') ?? '',
  conditions: (form.get('conditions') ?? '').trim(),
  reason: (form.get('reason') ?? '').trim(),
});

/** The request the API would get. Without JavaScript both boxes show; only the one under the chosen answer counts. */
export const toDecisionRequest = (values: DecisionValues): unknown => ({
  ...(values.outcome ? { outcome: values.outcome } : {}),
  ...(values.outcome === 'approve' && values.conditions ? { conditions: values.conditions } : {}),
  ...(values.outcome === 'decline' && values.reason ? { reason: values.reason } : {}),
});

export const caseModel = (
  t: Messages,
  fmt: Formatter,
  exp: Experiment,
  form: { values: DecisionValues; issues: Issue[] },
) => {
  const reasons = exp.assessment?.reasons ?? [];
  const errors = formErrors(form.issues, t, DECISION_PATHS);
  return {
    exp,
    caption: t.case.captionFrom(exp.ownerName, teamName(t, exp.team)),
    reasons: reasons.map((reason) => reasonText(t, fmt, reason)),
    deadline: exp.deadlineAt ? t.case.deadline(fmt.dateTime(exp.deadlineAt)) : undefined,
    answers: answerSummaryRows(t, fmt, exp.card, new Set<string>(reasons.map((reason) => reason.rule))),
    testCard: hypothesisRows(t, exp),
    values: form.values,
    errorList: errors.list,
    errors: errors.byPath,
    action: `/queue/${encodeURIComponent(exp.id)}/decision`,
  };
};
