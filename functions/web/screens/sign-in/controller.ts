import type { Controller } from '../../context.ts';
import { redirect, safeReturnPath } from '../../http.ts';

/** GET /sign-in: whatever the sign-in adapter does (the demo users' form, or on to managed login). */
export const showSignIn: Controller = async (ctx) =>
  ctx.auth.start(ctx, safeReturnPath(ctx.req.query.get('returnTo'), ctx.config.publicUrl));

/**
 * POST /sign-out: a POST with the CSRF token, so no link or image elsewhere can sign anyone out. The
 * session is deleted on the server, so its cookie, replayed, opens nothing.
 */
export const signOut: Controller = async (ctx) => {
  const grant = await ctx.signOut({ kind: 'signedOut' });
  return redirect(await ctx.auth.signedOut(ctx, grant));
};
