import { type Controller, signedIn } from '../../context.ts';
import { queueRows, recommended } from './presenter.ts';

/**
 * GET /queue: "Ideas waiting for you", oldest first, with the time left before each deadline; then where
 * to see the ideas recommended for normal practice.
 */
export const showQueue: Controller = async (ctx) => {
  const { t } = ctx;
  const user = signedIn(ctx);
  const page = await ctx.services.experiments.queue(user);
  return ctx.render(
    'queue/view.njk',
    {
      rows: queueRows(t, ctx.fmt, page.items, ctx.now),
      intro: user.roles.includes('manager') ? t.queue.managerIntro : t.queue.leaderIntro,
      recommended: recommended(t, user),
    },
    { title: t.queue.title },
  );
};
