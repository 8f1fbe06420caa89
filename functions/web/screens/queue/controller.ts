import type { Controller } from '../../context.ts';
import { redirect } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import { escapeHtml, linkHtml, tagHtml } from '../../presenters.ts';

/** GET /queue: "Ideas waiting for you", oldest first, with the time left before each deadline. */
export const showQueue: Controller = async (ctx) => {
  const { t, fmt, now } = ctx;
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const page = await ctx.services.experiments.queue(user);
  const rows = page.items.map((exp) => {
    const overdue =
      exp.raisedToLeaders || (exp.deadlineAt !== undefined && Date.parse(exp.deadlineAt) <= now.getTime());
    const timeLeft = exp.deadlineAt
      ? overdue
        ? tagHtml({ text: exp.raisedToLeaders ? t.queue.raised : t.queue.overdue, classes: 'govuk-tag--red' })
        : escapeHtml(t.queue.leftUntil(fmt.relative(exp.deadlineAt, now), fmt.dateTime(exp.deadlineAt)))
      : '';
    return [
      { html: linkHtml(`/queue/${encodeURIComponent(exp.id)}`, exp.title) },
      { text: `${exp.ownerName}, ${teamName(t, exp.team)}` },
      { text: fmt.dateTime(exp.escalatedAt ?? exp.createdAt) },
      { html: timeLeft },
    ];
  });
  const isManager = user.roles.includes('manager');
  return ctx.render(
    'queue/view.njk',
    { rows, intro: isManager ? t.queue.managerIntro : t.queue.leaderIntro },
    { title: t.queue.title },
  );
};
