import { type Controller, signedIn } from '../../context.ts';
import { redirect } from '../../http.ts';
import { experimentHref } from '../../presenters.ts';
import { answerShown, confirmationModel } from './presenter.ts';

/** GET /experiments/:id/submitted: the card's answer, straight after submitting. */
export const showConfirmation: Controller = async (ctx) => {
  const exp = await ctx.services.experiments.get(signedIn(ctx), ctx.params.id ?? '');
  const view = answerShown(exp);
  // Anything later (decided, tested) is told by the experiment page itself.
  if (!view) return redirect(experimentHref(exp.id));
  const model = confirmationModel(ctx.t, ctx.fmt, exp, view);
  return ctx.render('confirmation/view.njk', model, { title: model.heading });
};
