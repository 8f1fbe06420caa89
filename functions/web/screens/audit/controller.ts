/**
 * The audit trail (information governance): the entries, filtered and paged with the API's signed
 * cursors, their CSV, and the check of the hash chain. GET pages only: nothing here changes anything
 * but the trail itself, which records nothing of being read.
 */
import { type Controller, signedIn } from '../../context.ts';
import { cursorOf } from '../experiments/controller.ts';
import { auditRows } from '../records/presenter.ts';
import { auditFilterErrors, auditModel, auditQuery, readAuditFilters, verifyModel } from './presenter.ts';

/** GET /audit: the trail, newest first, with its filters. A GET form: no state changes. */
export const showAudit: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const filters = readAuditFilters(ctx.req.query);
  const errors = auditFilterErrors(t, filters);
  if (errors.list.length > 0) {
    const model = auditModel(t, filters, errors, { rows: [], next: null });
    return ctx.render('audit/view.njk', model, { title: t.auditTrail.title, status: 400 });
  }
  const query = auditQuery(filters, errors, cursorOf(ctx.req.query.get('cursor')));
  const page = await ctx.services.audit.list(signedIn(ctx), query);
  const model = auditModel(t, filters, errors, { rows: auditRows(t, fmt, page.items), next: page.next });
  return ctx.render('audit/view.njk', model, { title: t.auditTrail.title });
};

/** GET /audit/export.csv: every entry the filters match, as the API's CSV. */
export const exportAudit: Controller = async (ctx) => {
  const filters = readAuditFilters(ctx.req.query);
  const errors = auditFilterErrors(ctx.t, filters);
  if (errors.list.length > 0) return showAudit(ctx);
  const lines: string[] = [];
  for await (const line of ctx.services.audit.csv(signedIn(ctx), auditQuery(filters, errors, undefined)))
    lines.push(line);
  const day = ctx.now.toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="fail-forward-audit-${day}.csv"`,
    },
    body: lines.join(''),
  };
};

/** GET /audit/verify: recomputes the hash chain and says whether it is intact, or where it breaks. */
export const verifyAudit: Controller = async (ctx) => {
  const { t } = ctx;
  const result = await ctx.services.audit.verify(signedIn(ctx));
  return ctx.render('audit/verify.njk', verifyModel(t, ctx.fmt, result), {
    title: t.auditTrail.verifyTitle,
    backLink: '/audit',
  });
};
