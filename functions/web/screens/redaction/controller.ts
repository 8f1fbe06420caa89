/**
 * Removing the text of one free-text field (information governance), for personal details typed in by
 * mistake: the field and its text, a required reason, then the experiment page with the field removed
 * and the removal in its history.
 */
import { redactionSchema } from '#shared/domain/governance-schemas.ts';
import { redactablePaths } from '#shared/domain/redaction.ts';
import { NotFoundError, ValidationError } from '#shared/errors.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { experimentHref } from '../../presenters.ts';
import { fieldLabel } from '../../redacted-fields.ts';
import { textAt } from './presenter.ts';

const showForm = async (
  ctx: PageContext,
  field: string,
  reason = '',
  error?: string,
): Promise<WebResponse> => {
  const { t } = ctx;
  const exp = await ctx.services.experiments.get(signedIn(ctx), ctx.params.id ?? '');
  if (!redactablePaths(exp).includes(field)) throw new NotFoundError('No such field holds text');
  return ctx.render(
    'redaction/view.njk',
    {
      exp,
      field,
      label: fieldLabel(t, field),
      text: textAt(exp, field),
      reason,
      action: `${experimentHref(exp.id)}/redactions`,
      cancel: experimentHref(exp.id),
      errorList: error ? [{ text: error, href: '#reason' }] : [],
      reasonError: error ? { text: error } : undefined,
    },
    { title: t.redaction.title, backLink: experimentHref(exp.id), status: error ? 400 : 200 },
  );
};

/** GET /experiments/:id/redact?field=<path> */
export const newRedaction: Controller = (ctx) => showForm(ctx, ctx.req.query.get('field') ?? '');

/** POST /experiments/:id/redactions: removes the text, then back to the experiment page. */
export const redactField: Controller = async (ctx) => {
  const { t } = ctx;
  const field = ctx.req.form.get('field') ?? '';
  const reason = ctx.req.form.get('reason') ?? '';
  const parsed = redactionSchema.safeParse({ field, reason });
  if (!parsed.success) return showForm(ctx, field, reason, t.redaction.reasonError);
  try {
    const exp = await ctx.services.governance.redact(signedIn(ctx), ctx.params.id ?? '', () => parsed.data);
    ctx.setFlash({ kind: 'redacted', field: fieldLabel(t, field) });
    return redirect(experimentHref(exp.id));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const onReason = error.issues?.some((issue) => issue.path === 'reason') ?? false;
    return showForm(ctx, field, reason, onReason ? t.redaction.reasonPersonal : t.redaction.fieldError);
  }
};
