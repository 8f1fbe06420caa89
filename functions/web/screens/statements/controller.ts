/**
 * The privacy notice, accessibility statement and cookies page: public, in English and Welsh, their
 * council-specific parts from settings (`ctx.config.statements`), the cookies from the code that sets them.
 */
import type { Controller } from '../../context.ts';
import { accessibilityModel, cookieRows, privacyModel } from './presenter.ts';

/** GET /privacy */
export const showPrivacy: Controller = async (ctx) =>
  ctx.render('statements/privacy.njk', privacyModel(ctx.config.statements, ctx.fmt), {
    title: ctx.t.statements.privacy.title,
  });

/** GET /accessibility */
export const showAccessibility: Controller = async (ctx) =>
  ctx.render('statements/accessibility.njk', accessibilityModel(ctx.config.statements, ctx.fmt), {
    title: ctx.t.statements.accessibility.title,
  });

/** GET /cookies */
export const showCookies: Controller = async (ctx) =>
  ctx.render(
    'statements/cookies.njk',
    { rows: cookieRows(ctx.t) },
    { title: ctx.t.statements.cookies.title },
  );
