import type { Controller } from '../../context.ts';
import { redirect } from '../../http.ts';
import { reasonText } from '../../presenters.ts';

/** GET /experiments/:id/submitted: the card's answer, straight after submitting. */
export const showConfirmation: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  const view = exp.failure
    ? 'failed'
    : exp.status === 'assessing'
      ? 'assessing'
      : exp.status === 'escalated' && exp.cycles.length === 0
        ? 'escalated'
        : exp.authorisation?.by === 'card' && exp.cycles.length === 0
          ? 'authorised'
          : undefined;
  // Anything later (decided, tested) is told by the experiment page itself.
  if (!view) return redirect(`/experiments/${encodeURIComponent(exp.id)}`);
  const title = {
    failed: t.confirmation.failedTitle,
    assessing: t.confirmation.assessingTitle,
    escalated: t.confirmation.escalatedTitle,
    authorised: t.confirmation.goAheadTitle,
  }[view];
  return ctx.render(
    'confirmation/view.njk',
    {
      view,
      exp,
      heading: title,
      reviewBy: exp.reviewBy ? t.confirmation.reviewBy(fmt.date(exp.reviewBy)) : undefined,
      reasons: (exp.assessment?.reasons ?? []).map((reason) => reasonText(t, fmt, reason)),
      deadline: exp.deadlineAt ? t.confirmation.escalatedNext(fmt.dateTime(exp.deadlineAt)) : undefined,
      selfHref: `/experiments/${encodeURIComponent(exp.id)}/submitted`,
      experimentHref: `/experiments/${encodeURIComponent(exp.id)}`,
    },
    { title },
  );
};
