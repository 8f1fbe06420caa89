/** The card's answer straight after submitting, in the page's language. */
import type { Experiment } from '#shared/domain/experiment.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';
import { experimentHref, reasonText } from '../../presenters.ts';

type Answer = 'failed' | 'assessing' | 'escalated' | 'authorised';

/** Which answer to show; none once the experiment has moved on (decided, tested). */
export const answerShown = (exp: Experiment): Answer | undefined => {
  if (exp.failure) return 'failed';
  if (exp.status === 'assessing') return 'assessing';
  if (exp.cycles.length > 0) return undefined;
  if (exp.status === 'escalated') return 'escalated';
  return exp.authorisation?.by === 'card' ? 'authorised' : undefined;
};

export const confirmationModel = (t: Messages, fmt: Formatter, exp: Experiment, view: Answer) => ({
  view,
  exp,
  heading: {
    failed: t.confirmation.failedTitle,
    assessing: t.confirmation.assessingTitle,
    escalated: t.confirmation.escalatedTitle,
    authorised: t.confirmation.goAheadTitle,
  }[view],
  coversUntil: exp.reviewBy ? t.confirmation.coversUntil(fmt.date(exp.reviewBy)) : undefined,
  goAheadNext: exp.reviewBy ? t.confirmation.goAheadNext(fmt.date(exp.reviewBy)) : undefined,
  reasons: (exp.assessment?.reasons ?? []).map((reason) => reasonText(t, fmt, reason)),
  deadline: exp.deadlineAt ? t.confirmation.escalatedNext(fmt.dateTime(exp.deadlineAt)) : undefined,
  selfHref: `${experimentHref(exp.id)}/submitted`,
  experimentHref: experimentHref(exp.id),
});
