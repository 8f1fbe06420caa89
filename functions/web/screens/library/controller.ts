import { type Controller, signedIn } from '../../context.ts';
import { checkFilters, entryModel, readFilters, searchModel } from './presenter.ts';

/**
 * GET /library: the learning library in the GOV.UK search pattern. A GET form: searching changes
 * nothing. A search the library cannot take is shown back with its error, never sent.
 */
export const showLibrary: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const filters = readFilters(ctx.req.query);
  const { query, errors } = checkFilters(t, filters, ctx.req.query.get('cursor'));
  if (!query) {
    return ctx.render('library/view.njk', searchModel(t, fmt, filters, errors, {}), {
      title: t.library.title,
      status: 400,
    });
  }
  const page = await ctx.services.library.search(signedIn(ctx), query, { highlights: true });
  return ctx.render('library/view.njk', searchModel(t, fmt, filters, errors, { query, page }), {
    title: t.library.title,
  });
};

/** GET /library/:id: one entry of the library; no person's name or id is in it. */
export const showEntry: Controller = async (ctx) => {
  const entry = await ctx.services.library.get(signedIn(ctx), ctx.params.id ?? '');
  const model = entryModel(ctx.t, ctx.fmt, entry);
  return ctx.render('library/entry.njk', model, {
    title: model.title,
    backLink: '/library',
  });
};
