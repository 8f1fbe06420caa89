import { type Controller, signedIn } from '../../context.ts';
import { experimentModel } from './presenter.ts';

/** GET /experiments/:id: everything about one experiment, with its history as a timeline. */
export const showExperiment: Controller = async (ctx) => {
  const user = signedIn(ctx);
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  const mayDecide = await ctx.services.experiments.mayDecideNow(user, exp);
  return ctx.render('experiment/view.njk', experimentModel(ctx.t, ctx.fmt, exp, user, mayDecide), {
    title: exp.title,
  });
};
