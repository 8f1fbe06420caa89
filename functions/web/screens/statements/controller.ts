/**
 * The privacy notice, accessibility statement and cookies page: public, in English and Welsh, their
 * council-specific parts from settings (`ctx.config.statements`), the cookies from the code that sets them.
 */
import type { Controller } from '../../context.ts';
import { cookieRows } from './presenter.ts';

/** GET /privacy */
export const showPrivacy: Controller = async (ctx) => {
  const s = ctx.config.statements;
  return ctx.render(
    'statements/privacy.njk',
    {
      council: s.councilName,
      dpoEmail: s.dpoEmail,
      retentionMonths: ctx.fmt.number(s.retentionMonths),
      auditRetentionMonths: ctx.fmt.number(s.auditRetentionMonths),
    },
    { title: ctx.t.statements.privacy.title },
  );
};

/** GET /accessibility */
export const showAccessibility: Controller = async (ctx) => {
  const s = ctx.config.statements;
  return ctx.render(
    'statements/accessibility.njk',
    {
      council: s.councilName,
      email: s.accessibilityEmail,
      testedOn: ctx.fmt.date(`${s.accessibilityTestedOn}T12:00:00Z`),
    },
    { title: ctx.t.statements.accessibility.title },
  );
};

/** GET /cookies */
export const showCookies: Controller = async (ctx) =>
  ctx.render(
    'statements/cookies.njk',
    { rows: cookieRows(ctx.t) },
    { title: ctx.t.statements.cookies.title },
  );
