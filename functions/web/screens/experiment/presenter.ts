/** One experiment in the page's language: its details, answers, test cycles and history. */
import type { Cycle, Experiment } from '#shared/domain/experiment.ts';
import type { User } from '#shared/services/user.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import {
  answerSummaryRows,
  experimentHref,
  historyItems,
  hypothesisRows,
  multiline,
  reasonText,
  statusTag,
} from '../../presenters.ts';
import { canRecordCycle } from '../cycle/form.ts';
import { redactionRows } from '../redaction/presenter.ts';

/** A summary row, or none when there is nothing to say. */
const row = (key: string, value: string | undefined) =>
  value ? [{ key: { text: key }, value: { text: value } }] : [];

/** Who gave the go-ahead: the card allows, a manager or leader approves. */
const goAheadRows = (t: Messages, exp: Experiment) => {
  const { authorisation } = exp;
  if (!authorisation) return [];
  return authorisation.by === 'card'
    ? row(t.experiment.allowedBy, t.experiment.allowedByCard)
    : row(t.experiment.approvedBy, authorisation.byName ?? authorisation.by);
};

const declineRows = (t: Messages, exp: Experiment) =>
  exp.decision?.outcome === 'decline'
    ? [
        ...row(t.experiment.declinedBy, exp.decision.byName),
        ...row(t.experiment.declineReason, exp.decision.reason),
      ]
    : [];

const detailRows = (t: Messages, fmt: Formatter, exp: Experiment) => [
  ...row(t.experiment.owner, exp.ownerName),
  ...row(t.experiment.team, teamName(t, exp.team)),
  ...row(t.experiment.submitted, fmt.dateTime(exp.createdAt)),
  ...row(t.experiment.policy, t.experiment.policyVersion(fmt.number(exp.policyVersion))),
  ...goAheadRows(t, exp),
  ...row(t.experiment.conditions, exp.authorisation?.conditions),
  ...row(t.experiment.coversUntil, exp.reviewBy ? fmt.date(exp.reviewBy) : undefined),
  ...declineRows(t, exp),
  ...row(
    t.experiment.deadline,
    exp.status === 'escalated' && exp.deadlineAt ? fmt.dateTime(exp.deadlineAt) : undefined,
  ),
];

/** A cycle's incident; cycles from before the question was asked read "Not recorded", never "none". */
const incidentRows = (t: Messages, cycle: Cycle) => [
  {
    key: { text: t.experiment.cycleIncident },
    value: {
      text: cycle.incident ? t.experiment.incidents[cycle.incident] : t.experiment.incidentNotRecorded,
    },
  },
  ...(cycle.incidentDetail
    ? [{ key: { text: t.cycle.incidentDetailLabel }, value: multiline(cycle.incidentDetail) }]
    : []),
];

const cycleCards = (t: Messages, fmt: Formatter, exp: Experiment) =>
  exp.cycles.map((cycle) => ({
    title: t.experiment.cycleTitle(fmt.number(cycle.number)),
    rows: [
      { key: { text: t.experiment.cycleRecorded }, value: { text: fmt.date(cycle.recordedAt) } },
      { key: { text: t.experiment.cycleResult }, value: { text: t.experiment.results[cycle.result] } },
      { key: { text: t.experiment.cycleObserved }, value: multiline(cycle.observed) },
      { key: { text: t.experiment.cycleLearned }, value: multiline(cycle.learned) },
      { key: { text: t.experiment.cycleNext }, value: { text: t.experiment.nextSteps[cycle.next] } },
      ...incidentRows(t, cycle),
    ],
  }));

/** The owner of an idea not yet cleared to go ahead is told, every time they look, not to start. */
const mustWait = (exp: Experiment, user: User): boolean =>
  exp.owner === user.id && (exp.status === 'escalated' || exp.status === 'assessing');

/**
 * The experiment page, and what this person may do on it next. `mayDecide` is the services' answer
 * (escalated, and theirs to decide by their own right or through manager cover running now), so the
 * page offers "Decide" exactly when the case page and the API would take the decision.
 */
export const experimentModel = (
  t: Messages,
  fmt: Formatter,
  exp: Experiment,
  user: User,
  mayDecide = false,
) => {
  const reasons = exp.assessment?.reasons ?? [];
  const escalating = new Set<string>(reasons.map((reason) => reason.rule));
  return {
    exp,
    tag: statusTag(t, exp.status),
    mustWait: mustWait(exp, user),
    reasonsHeading:
      exp.status === 'escalated' ? t.experiment.reasonsHeading : t.experiment.reasonsHeadingAfter,
    canDecide: mayDecide,
    cycleHref: canRecordCycle(exp, user.id) ? `${experimentHref(exp.id)}/cycles/new` : undefined,
    decideHref: `/queue/${encodeURIComponent(exp.id)}`,
    details: detailRows(t, fmt, exp),
    testCard: hypothesisRows(t, exp),
    answers: answerSummaryRows(t, fmt, exp.card, escalating),
    reasons:
      exp.assessment?.decision === 'escalated' ? reasons.map((reason) => reasonText(t, fmt, reason)) : [],
    cycles: cycleCards(t, fmt, exp),
    history: historyItems(t, fmt, exp),
    redactions: redactionRows(t, exp, user),
  };
};
