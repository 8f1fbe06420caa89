import { DEMO_USERS } from '#infra/local/demo-users.ts';
import { rolesFromClaim } from '#shared/domain/access.ts';
import type { User } from '#shared/services/user.ts';
import {
  AUTH_ATTEMPT_SECONDS,
  AUTH_COOKIE,
  authAttemptSchema,
  authorizeUrl,
  completeSignIn,
  logoutUrl,
  newAuthAttempt,
} from '../../auth/cognito.ts';
import type { Controller, PageContext } from '../../context.ts';
import { clearCookie, hostCookie, redirect, safeReturnPath, type WebResponse } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import { seal, unseal } from '../../session.ts';

/** Where someone lands after signing in when they were not on their way somewhere. */
const homeFor = (user: User): string =>
  user.roles.includes('manager') || user.roles.includes('leader') ? '/queue' : '/';

const demoUser = (id: string | null): User | undefined => {
  const found = DEMO_USERS.find((u) => u.claims.sub === id);
  if (!found) return undefined;
  const roles = rolesFromClaim([...found.claims.groups]);
  if (!roles) return undefined;
  return { id: found.claims.sub, name: found.claims.name, team: found.claims.team, roles };
};

const showDemo = (ctx: PageContext, returnTo: string | undefined, error?: string): WebResponse => {
  const { t } = ctx;
  const items = DEMO_USERS.map((u) => ({
    value: u.claims.sub,
    text: t.signIn.userLabel(
      u.claims.name,
      teamName(t, u.claims.team),
      u.claims.groups.map((g) => t.roles[g]).join(', '),
    ),
  }));
  const errorList = error ? [{ text: error, href: '#user' }] : [];
  return ctx.render(
    'sign-in/view.njk',
    { items, returnTo, errorList, userError: error ? { text: error } : undefined },
    { title: t.signIn.title, status: error ? 400 : 200 },
  );
};

/** GET /sign-in: the demo users locally; in AWS, straight on to Cognito's managed login. */
export const showSignIn: Controller = async (ctx) => {
  const returnTo = safeReturnPath(ctx.req.query.get('returnTo'), ctx.config.publicUrl);
  if (ctx.config.signIn === 'demo') return showDemo(ctx, returnTo);
  const cognito = ctx.config.cognito;
  if (!cognito) throw new Error('Cognito sign-in is not configured');
  const attempt = newAuthAttempt(ctx.now.getTime(), returnTo);
  ctx.cookies.push(
    hostCookie(AUTH_COOKIE, seal(ctx.config.sessionSecret, AUTH_COOKIE, attempt), {
      maxAgeSeconds: AUTH_ATTEMPT_SECONDS,
    }),
  );
  return redirect(authorizeUrl(cognito, `${ctx.config.publicUrl}/auth/callback`, attempt, ctx.locale), 302);
};

/** POST /sign-in (demo only): sign in as the chosen demo user. */
export const signInDemo: Controller = async (ctx) => {
  if (ctx.config.signIn !== 'demo') return redirect('/sign-in');
  const returnTo = safeReturnPath(ctx.req.form.get('returnTo'), ctx.config.publicUrl);
  const user = demoUser(ctx.req.form.get('user'));
  if (!user) return showDemo(ctx, returnTo, ctx.t.signIn.error);
  ctx.signIn(user);
  return redirect(returnTo ?? homeFor(user));
};

/** GET /auth/callback: Cognito sends people back here with a code; the state must match our cookie. */
export const authCallback: Controller = async (ctx) => {
  const cognito = ctx.config.cognito;
  if (ctx.config.signIn !== 'cognito' || !cognito) return redirect('/sign-in');
  ctx.cookies.push(clearCookie(AUTH_COOKIE));
  const parsed = authAttemptSchema.safeParse(
    unseal(ctx.config.sessionSecret, AUTH_COOKIE, ctx.req.cookies[AUTH_COOKIE]),
  );
  const code = ctx.req.query.get('code');
  const fresh = parsed.success && ctx.now.getTime() - parsed.data.startedAt < AUTH_ATTEMPT_SECONDS * 1000;
  if (!parsed.success || !fresh || !code || ctx.req.query.get('state') !== parsed.data.state) {
    ctx.setFlash({ kind: 'signInFailed' });
    return redirect('/');
  }
  try {
    const user = await completeSignIn({
      config: cognito,
      redirectUri: `${ctx.config.publicUrl}/auth/callback`,
      code,
      attempt: parsed.data,
    });
    ctx.signIn(user);
    return redirect(safeReturnPath(parsed.data.returnTo, ctx.config.publicUrl) ?? homeFor(user));
  } catch (error) {
    console.warn('Sign-in refused:', error instanceof Error ? error.message : error);
    ctx.setFlash({ kind: 'signInFailed' });
    return redirect('/');
  }
};

/** POST /sign-out: a POST with the CSRF token, so no link or image elsewhere can sign anyone out. */
export const signOut: Controller = async (ctx) => {
  ctx.signOut({ kind: 'signedOut' });
  const cognito = ctx.config.cognito;
  if (ctx.config.signIn === 'cognito' && cognito)
    return redirect(logoutUrl(cognito, `${ctx.config.publicUrl}/`));
  return redirect('/');
};
