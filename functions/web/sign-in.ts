/**
 * The sign-in port: how someone becomes signed in, who they are now, and where signing out sends them.
 * Two adapters implement it: Cognito's managed login (auth/cognito-sign-in.ts, injected by handler.ts)
 * and the demo users of one machine (infra/local/demo-sign-in.ts, injected by infra/local/web-route.ts
 * only), so the deployed bundle holds no demo code. The pages never ask which one they have.
 */
import type { User } from '#shared/services/user.ts';
import type { SessionGrant } from '#shared/store/session-store.ts';
import type { PageContext, RouteDef } from './context.ts';
import type { WebResponse } from './http.ts';

/** The person behind a session, as the identity provider sees them now. */
export type Refreshed =
  /** Still signed in, perhaps with other groups or another team; `grant` replaces the kept one if given. */
  | { status: 'current'; user: User; grant?: SessionGrant }
  /** Disabled, deleted, no longer in any of our groups, or their refresh token revoked: the session ends. */
  | { status: 'ended' }
  /** The provider could not answer (an outage): keep the session as it is and ask again next request. */
  | { status: 'unavailable' };

export interface SignIn {
  /** `GET /sign-in`: the demo users' form, or on to managed login. `returnTo` is already a path of this site. */
  start(ctx: PageContext, returnTo: string | undefined): Promise<WebResponse>;
  /** The routes that complete a sign-in with `ctx.signIn`: the demo form's POST, or Cognito's callback. */
  readonly routes: readonly RouteDef[];
  /** Called at most once per refresh interval of a session (the `sessionRefreshMs` setting). */
  refresh(session: { user: User; grant?: SessionGrant | undefined }): Promise<Refreshed>;
  /** After the session is deleted: where the browser goes next. May revoke what the session held. */
  signedOut(ctx: PageContext, grant: SessionGrant | undefined): Promise<string>;
  /** Other origins a form here may lead to (the CSP's form-action): managed login's, for signing out. */
  formTargets(): readonly string[];
}

/** Where someone lands after signing in when they were not on their way somewhere. */
export const landingFor = (user: User): string =>
  user.roles.includes('manager') || user.roles.includes('leader') ? '/queue' : '/';
