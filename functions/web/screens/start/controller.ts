import { CHOICE_FIELDS, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import type { Controller } from '../../context.ts';

/** GET /: what the card is, in plain words: its six questions, and today's limits from the current policy. */
export const showStart: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const policy = await ctx.services.policies.current();
  const questions = CHOICE_FIELDS.map((field) => [
    { text: t.card[field].label },
    { text: t.start.needs[field] },
  ]);
  const limits = THRESHOLD_FIELDS.map((field) => ({
    label: t.card[field].short,
    value: fmt.amount(field, policy.thresholds[field]),
  }));
  const days = t.start.days(policy.decisionDeadlineDays, fmt.number(policy.decisionDeadlineDays));
  return ctx.render(
    'start/view.njk',
    {
      questions,
      limits,
      deadline: t.start.limitsDeadline(days),
      startHref: ctx.user ? '/ideas/new' : '/sign-in?returnTo=%2Fideas%2Fnew',
    },
    { title: t.start.title },
  );
};
