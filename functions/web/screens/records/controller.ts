/**
 * "Find a person's records" (information governance): a person's records by their user id, as JSON to
 * download, and their erasure behind a confirmation with a reason. Every route here is governance only
 * (routes.ts), decided before anything is read.
 */
import { erasureSchema } from '#shared/domain/governance-schemas.ts';
import { NotFoundError } from '#shared/errors.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import type { WebResponse } from '../../http.ts';
import { personAsked, recordsHref, recordsModel } from './presenter.ts';

/** The search form, with what was typed and what is wrong with it. */
const showForm = (ctx: PageContext, typed = '', error?: string, status = 200): WebResponse =>
  ctx.render(
    'records/view.njk',
    {
      typed,
      errorList: error && status === 400 ? [{ text: error, href: '#person' }] : [],
      personError: error && status === 400 ? { text: error } : undefined,
      nothingHeld: status === 404 ? error : undefined,
    },
    { title: ctx.t.records.title, status },
  );

/** GET /records, and GET /records?person=<id>: the form, or everything held about the person. */
export const showRecords: Controller = async (ctx) => {
  const { t } = ctx;
  const typed = ctx.req.query.get('person');
  if (typed === null) return showForm(ctx);
  const person = personAsked(typed);
  if (!person) return showForm(ctx, typed, t.records.idError, 400);
  try {
    const records = await ctx.services.governance.records(signedIn(ctx), person);
    return ctx.render('records/results.njk', recordsModel(t, ctx.fmt, records), {
      title: t.records.resultsTitle(person),
      backLink: '/records',
    });
  } catch (error) {
    if (error instanceof NotFoundError) return showForm(ctx, person, t.records.nothingHeld(person), 404);
    throw error;
  }
};

/** GET /records/download.json?person=<id>: the subject access answer, exactly as the API gives it. */
export const downloadRecords: Controller = async (ctx) => {
  const person = personAsked(ctx.req.query.get('person'));
  if (!person) return showForm(ctx, ctx.req.query.get('person') ?? '', ctx.t.records.idError, 400);
  const records = await ctx.services.governance.records(signedIn(ctx), person);
  const day = ctx.now.toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="fail-forward-records-${day}.json"`,
    },
    body: `${JSON.stringify(records, null, 2)}\n`,
  };
};

const showConfirm = (ctx: PageContext, person: string, reason = '', error?: string): WebResponse =>
  ctx.render(
    'records/confirm.njk',
    {
      person,
      reason,
      heading: ctx.t.records.confirmTitle(person),
      errorList: error ? [{ text: error, href: '#reason' }] : [],
      reasonError: error ? { text: error } : undefined,
    },
    { title: ctx.t.records.confirmTitle(person), backLink: recordsHref(person), status: error ? 400 : 200 },
  );

/** GET /records/erasure?person=<id>: are you sure, and why? */
export const confirmErasure: Controller = async (ctx) => {
  const typed = ctx.req.query.get('person');
  const person = personAsked(typed);
  if (!person) return showForm(ctx, typed ?? '', ctx.t.records.idError, 400);
  return showConfirm(ctx, person);
};

/** POST /records/erasure: erases the person (their sessions end with it), then says what was done. */
export const erasePerson: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const typed = ctx.req.form.get('person');
  const person = personAsked(typed);
  if (!person) return showForm(ctx, typed ?? '', t.records.idError, 400);
  const reason = ctx.req.form.get('reason') ?? '';
  const parsed = erasureSchema.safeParse({ reason });
  if (!parsed.success) return showConfirm(ctx, person, reason, t.records.reasonError);
  const erased = await ctx.services.governance.erase(signedIn(ctx), person, () => parsed.data);
  return ctx.render(
    'records/erased.njk',
    {
      person,
      body:
        erased.experiments === 0
          ? t.records.erasedNothing
          : t.records.erasedBody(
              erased.experiments,
              fmt.number(erased.experiments),
              fmt.number(erased.entries),
            ),
    },
    { title: t.records.erasedTitle },
  );
};
