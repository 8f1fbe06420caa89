import { type Controller, signedIn } from '../../context.ts';
import { queueRows } from './presenter.ts';

/** GET /queue: "Ideas waiting for you", oldest first, with the time left before each deadline. */
export const showQueue: Controller = async (ctx) => {
  const { t } = ctx;
  const user = signedIn(ctx);
  const page = await ctx.services.experiments.queue(user);
  return ctx.render(
    'queue/view.njk',
    {
      rows: queueRows(t, ctx.fmt, page.items, ctx.now),
      intro: user.roles.includes('manager') ? t.queue.managerIntro : t.queue.leaderIntro,
    },
    { title: t.queue.title },
  );
};
