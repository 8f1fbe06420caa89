/**
 * What a controller gets: the request, the person, the page's language, the services, and how to render,
 * sign in or out and leave a message for the next page.
 */
import { sessionAdmin } from '#shared/services/session-admin.ts';
import type { SessionStore } from '#shared/store/session-store.ts';
import type { WebConfig } from './config.ts';
import type { PageContext, RenderOptions, WebServices } from './context.ts';
import type { FlashCarrier } from './flash.ts';
import type { WebRequest, WebResponse } from './http.ts';
import { formatter, type Locale, type Messages } from './i18n/index.ts';
import { layoutData } from './layout.ts';
import type { OpenSession } from './open-session.ts';
import type { RenderView } from './render.ts';
import type { Flash } from './session.ts';
import type { SignIn } from './sign-in.ts';

export interface PageDeps {
  services: WebServices;
  sessions: SessionStore;
  signIn: SignIn;
  render: RenderView;
}

export interface PageRequest {
  req: WebRequest;
  at: Date;
  locale: Locale;
  t: Messages;
  config: WebConfig;
  nonce: string;
  session: OpenSession;
  flash: FlashCarrier;
  /** Set-Cookie values the response will carry. */
  cookies: string[];
}

export const pageContext = (deps: PageDeps, page: PageRequest): PageContext => {
  const { session, flash, at } = page;
  const ctx: PageContext = {
    req: page.req,
    params: {},
    get csrf() {
      return session.csrf;
    },
    user: session.user,
    locale: page.locale,
    t: page.t,
    fmt: formatter(page.t),
    now: at,
    config: page.config,
    services: deps.services,
    auth: deps.signIn,
    people: sessionAdmin({ sessions: deps.sessions, audit: deps.services.audit, now: () => at.getTime() }),
    cookies: page.cookies,
    render: (view: string, data: Record<string, unknown>, opts: RenderOptions): WebResponse => {
      const layout = layoutData({
        ctx,
        nonce: page.nonce,
        flash: flash.take(),
        title: opts.title,
        backLink: opts.backLink,
      });
      return {
        statusCode: opts.status ?? 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: deps.render(view, { ...layout, ...data }),
      };
    },
    // Signing in and out are in the audit trail (shared/domain/audit.ts).
    signIn: async (next, grant) => {
      await session.signIn(next, grant);
      ctx.user = session.user;
      await deps.services.audit.record({ actor: next.id, action: 'signIn', target: null, outcome: 'done' });
    },
    signOut: async (next?: Flash) => {
      const leaving = session.user;
      const grant = await session.signOut();
      flash.set(next);
      ctx.user = undefined;
      if (leaving) {
        await deps.services.audit.record({
          actor: leaving.id,
          action: 'signOut',
          target: null,
          outcome: 'done',
        });
      }
      return grant;
    },
    setFlash: (next: Flash) => flash.set(next),
    draft: { get: () => session.draft, save: (draft) => session.saveDraft(draft) },
  };
  return ctx;
};
