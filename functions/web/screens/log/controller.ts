import { type Controller, signedIn } from '../../context.ts';
import { cursorOf } from '../experiments/controller.ts';
import { filterErrors, listQuery, logModel, logRows, nextHref, readFilters } from './presenter.ts';

/** GET /log: every experiment for leaders, searchable (learnings included) and filtered. A GET form: no state changes. */
export const showLog: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const filters = readFilters(ctx.req.query);
  const errors = filterErrors(t, filters);
  if (errors.list.length > 0) {
    const model = logModel(t, filters, errors, { rows: [], next: undefined });
    return ctx.render('log/view.njk', model, { title: t.log.title, status: 400 });
  }
  const query = listQuery(filters, cursorOf(ctx.req.query.get('cursor')));
  const page = await ctx.services.experiments.list(signedIn(ctx), query);
  const model = logModel(t, filters, errors, {
    rows: logRows(t, fmt, page.items),
    next: nextHref(filters, page.next),
  });
  return ctx.render('log/view.njk', model, { title: t.log.title });
};

/** GET /log/export.csv: the whole experiment log as CSV, from the same export the API offers. */
export const exportLog: Controller = async (ctx) => {
  const lines: string[] = [];
  for await (const line of ctx.services.exports.csv(signedIn(ctx))) lines.push(line);
  const day = ctx.now.toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="fail-forward-experiment-log-${day}.csv"`,
    },
    body: lines.join(''),
  };
};
