import { canDecide } from '#shared/domain/access.ts';
import type { Controller } from '../../context.ts';
import { redirect } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import {
  answerSummaryRows,
  historyItems,
  hypothesisRows,
  multiline,
  reasonText,
  statusTag,
} from '../../presenters.ts';
import { canRecordCycle } from '../cycle/controller.ts';

/** GET /experiments/:id: everything about one experiment, with its history as a timeline. */
export const showExperiment: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  const escalating = new Set<string>((exp.assessment?.reasons ?? []).map((reason) => reason.rule));
  const row = (key: string, value: string | undefined) =>
    value ? [{ key: { text: key }, value: { text: value } }] : [];
  const authorisedBy = exp.authorisation
    ? exp.authorisation.by === 'card'
      ? t.common.theCard
      : (exp.authorisation.byName ?? exp.authorisation.by)
    : undefined;
  const details = [
    ...row(t.experiment.owner, exp.ownerName),
    ...row(t.experiment.team, teamName(t, exp.team)),
    ...row(t.experiment.submitted, fmt.dateTime(exp.createdAt)),
    ...row(t.experiment.policy, t.experiment.policyVersion(fmt.number(exp.policyVersion))),
    ...row(t.experiment.authorisedBy, authorisedBy),
    ...row(t.experiment.conditions, exp.authorisation?.conditions),
    ...row(t.experiment.reviewBy, exp.reviewBy ? fmt.date(exp.reviewBy) : undefined),
    ...(exp.decision?.outcome === 'decline'
      ? [
          ...row(t.experiment.decidedBy, exp.decision.byName),
          ...row(t.experiment.declineReason, exp.decision.reason),
        ]
      : []),
    ...row(
      t.experiment.deadline,
      exp.status === 'escalated' && exp.deadlineAt ? fmt.dateTime(exp.deadlineAt) : undefined,
    ),
  ];
  const answers = answerSummaryRows(t, fmt, exp.card, escalating);
  const cycles = exp.cycles.map((cycle) => ({
    title: t.experiment.cycleTitle(fmt.number(cycle.number)),
    rows: [
      { key: { text: t.experiment.cycleRecorded }, value: { text: fmt.date(cycle.recordedAt) } },
      { key: { text: t.experiment.cycleResult }, value: { text: t.experiment.results[cycle.result] } },
      { key: { text: t.experiment.cycleObserved }, value: multiline(cycle.observed) },
      { key: { text: t.experiment.cycleLearned }, value: multiline(cycle.learned) },
      { key: { text: t.experiment.cycleNext }, value: { text: t.experiment.nextSteps[cycle.next] } },
    ],
  }));
  return ctx.render(
    'experiment/view.njk',
    {
      exp,
      tag: statusTag(t, exp.status),
      canDecide: exp.status === 'escalated' && canDecide(user, exp),
      cycleHref: canRecordCycle(exp, user.id)
        ? `/experiments/${encodeURIComponent(exp.id)}/cycles/new`
        : undefined,
      decideHref: `/queue/${encodeURIComponent(exp.id)}`,
      details,
      testCard: hypothesisRows(t, exp),
      answers,
      reasons:
        exp.assessment?.decision === 'escalated'
          ? exp.assessment.reasons.map((reason) => reasonText(t, fmt, reason))
          : [],
      cycles,
      history: historyItems(t, fmt, exp),
    },
    { title: exp.title },
  );
};
