import { type Controller, signedIn } from '../../context.ts';
import { redirect } from '../../http.ts';
import { experimentHref, linkHtml, statusTag, tagHtml } from '../../presenters.ts';

export const cursorOf = (value: string | null): string | undefined =>
  value && value.length <= 2048 ? value : undefined;

/** GET /experiments: "Your experiments", newest first, a page at a time. */
export const listOwn: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const user = signedIn(ctx);
  // For a leader the list service returns everyone's: that is the experiment log, with its filters.
  if (!user.roles.includes('staff') && !user.roles.includes('manager')) return redirect('/log');
  const cursor = cursorOf(ctx.req.query.get('cursor'));
  const page = await ctx.services.experiments.list(user, { limit: 20, ...(cursor ? { cursor } : {}) });
  const rows = page.items.map((exp) => [
    { html: linkHtml(experimentHref(exp.id), exp.title) },
    { html: tagHtml(statusTag(t, exp.status)) },
    { text: fmt.date(exp.createdAt) },
  ]);
  return ctx.render(
    'experiments/view.njk',
    { rows, next: page.next ? `/experiments?cursor=${encodeURIComponent(page.next)}` : undefined },
    { title: t.experiments.title },
  );
};
