import type { Role } from '#shared/domain/roles.ts';
import type { DashboardService } from '#shared/services/dashboard-service.ts';
import type { ExperimentService } from '#shared/services/experiment-service.ts';
import type { exportService } from '#shared/services/export-service.ts';
import type { PolicyService } from '#shared/services/policy-service.ts';
import type { User } from '#shared/services/user.ts';
import type { WebConfig } from './config.ts';
import type { WebRequest, WebResponse } from './http.ts';
import type { Formatter, Locale, Messages } from './i18n/index.ts';
import type { Flash, Session } from './session.ts';

/** What the pages use of the domain services: the same calls the JSON API's handlers make. */
export interface WebServices {
  experiments: Pick<ExperimentService, 'submit' | 'get' | 'list' | 'queue' | 'decide' | 'recordCycle'>;
  policies: Pick<PolicyService, 'current' | 'all' | 'preview' | 'publish'>;
  dashboard: Pick<DashboardService, 'get'>;
  exports: Pick<ReturnType<typeof exportService>, 'csv'>;
}

export interface RenderOptions {
  status?: number;
  /** The page's own title; the layout adds the service name and "Error:" when there are errors. */
  title: string;
  backLink?: string;
}

export interface PageContext {
  req: WebRequest;
  params: Record<string, string>;
  /** Changes are saved to the session cookie when the response is sent. */
  session: Session;
  user: User | undefined;
  locale: Locale;
  t: Messages;
  fmt: Formatter;
  now: Date;
  config: WebConfig;
  services: WebServices;
  render(view: string, data: Record<string, unknown>, opts: RenderOptions): WebResponse;
  /** Starts a new session for `user`: a fresh CSRF token, so a token seen before sign-in is useless after. */
  signIn(user: User): void;
  signOut(flash?: Flash): void;
  setFlash(flash: Flash): void;
  /** Extra Set-Cookie values for this response (e.g. the OAuth state cookie). */
  cookies: string[];
}

export type Controller = (ctx: PageContext) => Promise<WebResponse>;

/** Who may reach a route. Roles are any-of. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface RouteDef {
  method: 'GET' | 'POST';
  path: string;
  access: Access;
  handler: Controller;
}

/** Narrows `ctx.user` for controllers behind a signed-in route. */
export const signedIn = (ctx: PageContext): User => {
  if (!ctx.user) throw new Error('This route needs a signed-in user');
  return ctx.user;
};
