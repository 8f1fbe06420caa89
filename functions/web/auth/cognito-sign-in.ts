/**
 * The sign-in port's Cognito adapter, the one the deployed web function uses: managed login with the
 * code flow and PKCE, its callback, a refresh of the person from Cognito with the refresh token the
 * session keeps on the server, and revocation of that token when someone signs out.
 */
import type { Controller, PageContext } from '../context.ts';
import { clearCookie, hostCookie, redirect, safeReturnPath } from '../http.ts';
import { seal, unseal } from '../session.ts';
import { landingFor, type SignIn } from '../sign-in.ts';
import type { Verifier } from './cognito.ts';
import type { CognitoConfig } from './cognito-config.ts';

/**
 * The protocol code (PKCE, the token endpoint, the claims' schemas), loaded by the first request that
 * signs someone in or refreshes a session rather than by every cold start; kept once loaded.
 */
let loading: Promise<typeof import('./cognito.ts')> | undefined;
const protocol = () => {
  loading ??= import('./cognito.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
};

export interface CognitoSignInOptions {
  /** Read when needed: in Lambda from the environment the deploy sets. */
  config: () => CognitoConfig;
  /** Tests reach a token endpoint of their own on loopback. */
  fetch?: typeof fetch;
  verifier?: Verifier;
  /** Where refusals and outages are noted; never shown to the person. */
  log?: (message: string) => void;
}

const callbackUrl = (ctx: PageContext) => `${ctx.config.publicUrl}/auth/callback`;

export const cognitoSignIn = (opts: CognitoSignInOptions): SignIn => {
  const log = opts.log ?? ((message: string) => console.warn(message));
  const endpoint = () => ({
    config: opts.config(),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.verifier ? { verifier: opts.verifier } : {}),
  });

  /** GET /auth/callback: Cognito sends people back here with a code; the state must match our cookie. */
  const callback: Controller = async (ctx) => {
    const { AUTH_ATTEMPT_SECONDS, AUTH_COOKIE, authAttemptSchema, completeSignIn } = await protocol();
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
      const { user, refreshToken } = await completeSignIn({
        ...endpoint(),
        redirectUri: callbackUrl(ctx),
        code,
        attempt: parsed.data,
      });
      await ctx.signIn(user, refreshToken ? { refreshToken } : undefined);
      // Checked again, not trusted: the cookie was sealed by us, but the rule lives here.
      return redirect(safeReturnPath(parsed.data.returnTo, ctx.config.publicUrl) ?? landingFor(user));
    } catch (error) {
      log(`Sign-in refused: ${error instanceof Error ? error.message : String(error)}`);
      ctx.setFlash({ kind: 'signInFailed' });
      return redirect('/');
    }
  };

  return {
    routes: [{ method: 'GET', path: '/auth/callback', access: 'public', handler: callback }],

    async start(ctx, returnTo) {
      const { AUTH_ATTEMPT_SECONDS, AUTH_COOKIE, authorizeUrl, newAuthAttempt } = await protocol();
      const attempt = newAuthAttempt(ctx.now.getTime(), returnTo);
      ctx.cookies.push(
        hostCookie(AUTH_COOKIE, seal(ctx.config.sessionSecret, AUTH_COOKIE, attempt), {
          maxAgeSeconds: AUTH_ATTEMPT_SECONDS,
        }),
      );
      return redirect(authorizeUrl(opts.config(), callbackUrl(ctx), attempt, ctx.locale), 302);
    },

    async refresh({ user, grant }) {
      const { refreshSignIn } = await protocol();
      const outcome = await refreshSignIn({
        ...endpoint(),
        userId: user.id,
        refreshToken: grant?.refreshToken,
      });
      if (outcome.status !== 'current') {
        log(`Session of ${user.id} ${outcome.status}: ${outcome.reason}`);
        return { status: outcome.status };
      }
      return outcome.refreshToken
        ? { status: 'current', user: outcome.user, grant: { refreshToken: outcome.refreshToken } }
        : { status: 'current', user: outcome.user };
    },

    async signedOut(ctx, grant) {
      const { logoutUrl, revokeRefreshToken } = await protocol();
      if (
        grant?.refreshToken &&
        !(await revokeRefreshToken({ ...endpoint(), refreshToken: grant.refreshToken }))
      )
        log('Signing out: the refresh token could not be revoked; it ends with its validity');
      return logoutUrl(opts.config(), `${ctx.config.publicUrl}/`);
    },

    formTargets: () => [`https://${opts.config().domain}`],
  };
};
