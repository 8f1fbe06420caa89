import { AppError, ExplainedValidationError, NotFoundError } from '#shared/errors.ts';
import type { StoredCover } from '#shared/store/cover-store.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { type Messages, teamName } from '../../i18n/index.ts';
import { escapeHtml } from '../../presenters.ts';
import { isCoverProblem, problemText } from './presenter.ts';

const DATE_PARTS = ['day', 'month', 'year'] as const;
const FIELDS = ['coverBy', 'from', 'to', 'reason'] as const;

type Typed = Record<string, string>;

/** A problem with a field, already in the page's words. */
type PageIssue = { path: string; text: string };

/** `YYYY-MM-DD` from the GOV.UK date input's three boxes; whatever was typed, so the domain judges it. */
const isoFrom = (typed: Typed, name: 'from' | 'to'): string => {
  const [day, month, year] = DATE_PARTS.map((part) => (typed[`${name}-${part}`] ?? '').trim());
  if (!day && !month && !year) return '';
  return `${(year ?? '').padStart(4, '0')}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
};

const dateItems = (t: Messages, typed: Typed, name: string, error: boolean) =>
  DATE_PARTS.map((part) => ({
    name: part,
    label: t.dateInput[part],
    value: typed[`${name}-${part}`] ?? '',
    classes: `govuk-input--width-${part === 'year' ? 4 : 2}${error ? ' govuk-input--error' : ''}`,
  }));

/** The cover rows the page lists: who covers which team, when, and a link to end it early. */
const coverRows = (ctx: PageContext, covers: StoredCover[]) => {
  const { t, fmt } = ctx;
  return covers.map((cover) => [
    { text: teamName(t, cover.team) },
    { text: cover.coverByName },
    { text: t.cover.period(fmt.date(cover.from), fmt.date(cover.to)) },
    {
      html: `<a class="govuk-link" href="/cover/${escapeHtml(cover.id)}/end">${escapeHtml(t.cover.endLink)}<span class="govuk-visually-hidden">${escapeHtml(t.cover.endLinkHidden(cover.coverByName, teamName(t, cover.team)))}</span></a>`,
    },
  ]);
};

/** The page: the cover that applies to the caller, and the form to set cover, with `issues` on its fields. */
const showPage = async (
  ctx: PageContext,
  typed: Typed = {},
  issues: PageIssue[] = [],
): Promise<WebResponse> => {
  const { t } = ctx;
  const user = signedIn(ctx);
  const [covers, managers] = await Promise.all([
    ctx.services.cover.list(user),
    ctx.services.cover.managers(user),
  ]);
  const errorOf = (path: string) => {
    const issue = issues.find((i) => i.path === path);
    return issue ? { text: issue.text } : undefined;
  };
  const anchor = (path: string) => (path === 'from' || path === 'to' ? `${path}-day` : path);
  return ctx.render(
    'cover/view.njk',
    {
      rows: coverRows(ctx, covers),
      managers: [
        { value: '', text: t.cover.chooseManager },
        ...managers.map((m) => ({
          value: m.id,
          text: `${m.name} (${teamName(t, m.team)})`,
          selected: typed.coverBy === m.id,
        })),
      ],
      typed,
      fromItems: dateItems(t, typed, 'from', Boolean(errorOf('from'))),
      toItems: dateItems(t, typed, 'to', Boolean(errorOf('to'))),
      errors: Object.fromEntries(FIELDS.map((field) => [field, errorOf(field)])),
      errorList: issues.map((issue) => ({
        text: issue.text,
        href: `#${anchor(issue.path)}`,
      })),
    },
    { title: t.cover.title, status: issues.length > 0 ? 400 : 200 },
  );
};

/** GET /cover: "Cover while you're away" (managers and leaders). */
export const showCover: Controller = (ctx) => showPage(ctx);

/** What the services refused, each problem in the page's words; anything else as the services said it. */
const pageIssues = (ctx: PageContext, error: AppError): PageIssue[] => {
  if (error instanceof ExplainedValidationError && error.problems.every(isCoverProblem)) {
    return error.problems.map(({ path, problem }) => ({ path, text: problemText(ctx.t, ctx.fmt, problem) }));
  }
  return (error.issues ?? [{ path: 'coverBy', message: error.message }]).map(({ path, message }) => ({
    path,
    text: message,
  }));
};

/** POST /cover: sets cover, or shows the form again with what was wrong. */
export const setCover: Controller = async (ctx) => {
  const typed: Typed = Object.fromEntries(ctx.req.form.entries());
  const reason = (typed.reason ?? '').trim();
  try {
    const cover = await ctx.services.cover.set(signedIn(ctx), () => ({
      coverBy: typed.coverBy ?? '',
      from: isoFrom(typed, 'from'),
      to: isoFrom(typed, 'to'),
      ...(reason ? { reason } : {}),
    }));
    // A reason that may hold a postcode or a date of birth is kept, and said once, as a cycle's is.
    const { warnings } = cover;
    ctx.setFlash({
      kind: 'coverSet',
      name: cover.coverByName,
      team: cover.team,
      ...(warnings ? { warnings } : {}),
    });
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 400)
      return showPage(ctx, typed, pageIssues(ctx, error));
    throw error;
  }
  return redirect('/cover');
};

/** GET /cover/:id/end: are you sure? Only cover the caller may end is offered. */
export const confirmEndCover: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const covers = await ctx.services.cover.list(signedIn(ctx));
  const cover = covers.find((c) => c.id === ctx.params.id);
  if (!cover) throw new NotFoundError();
  const heading = t.cover.confirmTitle(cover.coverByName, teamName(t, cover.team));
  return ctx.render(
    'cover/confirm.njk',
    { cover, heading, period: t.cover.period(fmt.date(cover.from), fmt.date(cover.to)) },
    { title: heading, backLink: '/cover' },
  );
};

/** POST /cover/:id/end: ends the cover now, then back to the page. */
export const endCover: Controller = async (ctx) => {
  await ctx.services.cover.end(signedIn(ctx), ctx.params.id ?? '');
  return redirect('/cover');
};
