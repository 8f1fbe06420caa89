/**
 * The web pages as one function from a payload 2.0 event to a response: assets, language, session,
 * CSRF, access, the screen's controller, then the security headers every response carries.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AppError } from '#shared/errors.ts';
import { cameThroughCloudFront } from '#shared/http/origin-verify.ts';
import type { User } from '#shared/services/user.ts';
import { serveAsset } from './assets.ts';
import { loadWebConfig, type WebConfig } from './config.ts';
import type { Access, PageContext, RenderOptions, WebServices } from './context.ts';
import { hostCookie, redirect, toWebRequest, type WebRequest, type WebResponse } from './http.ts';
import { formatter, isLocale, type Locale, type Messages, messages } from './i18n/index.ts';
import { layoutData } from './layout.ts';
import { renderView } from './render.ts';
import { createRouter } from './router.ts';
import { ROUTES } from './routes.ts';
import { contentSecurityPolicy, csrfMatches, newNonce, SECURITY_HEADERS } from './security.ts';
import { type Flash, newSession, readSession, SESSION_COOKIE, type Session, seal } from './session.ts';

export const LANG_COOKIE = '__Host-ff-lang';
const YEAR_SECONDS = 365 * 24 * 3600;

export interface WebAppDeps {
  services: () => WebServices;
  config?: () => WebConfig | Promise<WebConfig>;
  now?: () => Date;
  /** Where unexpected errors go; never to the page. */
  logError?: (error: unknown) => void;
}

type ErrorPage = 'notFound' | 'forbidden' | 'csrf' | 'server' | 'badRequest';
const STATUS_OF: Record<ErrorPage, number> = {
  notFound: 404,
  forbidden: 403,
  csrf: 403,
  server: 500,
  badRequest: 400,
};

const pickLocale = (req: WebRequest): { locale: Locale; remember: boolean } => {
  const asked = req.query.get('lang');
  if (isLocale(asked)) return { locale: asked, remember: true };
  const saved = req.cookies[LANG_COOKIE];
  if (isLocale(saved)) return { locale: saved, remember: false };
  return { locale: 'en', remember: false };
};

const allowed = (access: Access, user: User | undefined): 'ok' | 'signIn' | 'forbidden' => {
  if (access === 'public') return 'ok';
  if (!user) return 'signIn';
  if (access === 'signedIn') return 'ok';
  return access.some((role) => user.roles.includes(role)) ? 'ok' : 'forbidden';
};

export const createWebApp = (deps: WebAppDeps) => {
  const route = createRouter(ROUTES);
  const now = deps.now ?? (() => new Date());
  const logError = deps.logError ?? ((error: unknown) => console.error(error));
  const readConfig = deps.config ?? (() => loadWebConfig());

  const finish = (response: WebResponse, nonce: string, config: WebConfig | undefined): WebResponse => {
    const headers: Record<string, string> = { ...SECURITY_HEADERS, ...response.headers };
    const isAsset = headers['cache-control']?.startsWith('public') ?? false;
    if (!isAsset) {
      // Every page may show someone's name or ideas: never keep a copy in any cache.
      headers['cache-control'] = 'no-store';
      if (config) headers['content-security-policy'] = contentSecurityPolicy(config, nonce);
      else
        headers['content-security-policy'] =
          `default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
    }
    return { ...response, headers };
  };

  /** The last resort when even configuration failed: plain, but still no stack trace. */
  const bareError = (): WebResponse => ({
    statusCode: 500,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sorry, there is a problem with the service</title></head><body><h1>Sorry, there is a problem with the service</h1><p>Try again later.</p></body></html>',
  });

  const handle = async (event: APIGatewayProxyEventV2): Promise<WebResponse> => {
    const nonce = newNonce();
    if (!(await cameThroughCloudFront(event.headers)))
      return finish({ ...bareError(), statusCode: 403 }, nonce, undefined);
    let config: WebConfig;
    try {
      config = await readConfig();
    } catch (error) {
      logError(error);
      return finish(bareError(), nonce, undefined);
    }
    const req = toWebRequest(event);

    if (req.path.startsWith('/assets/') && (req.method === 'GET' || req.method === 'HEAD')) {
      try {
        const found = await serveAsset(req.path);
        if (found) return finish(found, nonce, config);
      } catch (error) {
        logError(error);
        return finish(
          { ...bareError(), headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' },
          nonce,
          config,
        );
      }
    }

    const at = now();
    const { locale, remember } = pickLocale(req);
    let t: Messages;
    try {
      t = await messages(locale);
    } catch (error) {
      // The Welsh catalogue is a chunk of its own (see `messages`); without it no page can be written.
      logError(error);
      return finish(bareError(), nonce, config);
    }
    const fmt = formatter(t);
    const state = readSession(config.sessionSecret, req.cookies[SESSION_COOKIE], at.getTime());
    let session: Session = state.status === 'valid' ? state.session : newSession(at.getTime());
    if (state.status === 'expired' && state.signedIn) session.flash = { kind: state.reason };
    const cookies: string[] = [];
    if (remember) cookies.push(hostCookie(LANG_COOKIE, locale, { maxAgeSeconds: YEAR_SECONDS }));
    const user: User | undefined = session.user;

    const ctx: PageContext = {
      req,
      params: {},
      get session() {
        return session;
      },
      set session(value: Session) {
        session = value;
      },
      user,
      locale,
      t,
      fmt,
      now: at,
      config,
      services: deps.services(),
      cookies,
      render: (view: string, data: Record<string, unknown>, opts: RenderOptions): WebResponse => {
        const flash = session.flash;
        delete session.flash;
        const body = renderView(view, {
          ...layoutData({ ctx, nonce, flash, title: opts.title, backLink: opts.backLink }),
          ...data,
        });
        return {
          statusCode: opts.status ?? 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body,
        };
      },
      signIn: (next: User) => {
        session = newSession(at.getTime(), next);
        ctx.user = session.user;
      },
      signOut: (flash?: Flash) => {
        session = newSession(at.getTime());
        if (flash) session.flash = flash;
        ctx.user = undefined;
      },
      setFlash: (flash: Flash) => {
        session.flash = flash;
      },
    };

    const errorPage = (page: ErrorPage): WebResponse =>
      ctx.render(
        'errors/view.njk',
        { heading: t.errors[page].title, body: t.errors[page].body },
        {
          status: STATUS_OF[page],
          title: t.errors[page].title,
        },
      );

    const respond = async (): Promise<WebResponse> => {
      const match = route(req.method, req.path);
      if (!match) return errorPage('notFound');
      if (req.method === 'POST') {
        if (req.badBody) return errorPage('badRequest');
        // A form from an expired session cannot be trusted or completed: sign in again first.
        if (state.status === 'expired' && state.signedIn) return redirect('/sign-in');
        if (state.status !== 'valid' || !csrfMatches(session.csrf, req.form.get('_csrf')))
          return errorPage('csrf');
      }
      const access = allowed(match.route.access, ctx.user);
      if (access === 'signIn') {
        const back =
          req.method === 'GET'
            ? `?returnTo=${encodeURIComponent(req.path + (req.query.size ? `?${req.query}` : ''))}`
            : '';
        return redirect(`/sign-in${back}`);
      }
      if (access === 'forbidden') return errorPage('forbidden');
      ctx.params = match.params;
      try {
        return await match.route.handler(ctx);
      } catch (error) {
        if (error instanceof AppError) {
          if (error.statusCode === 404) return errorPage('notFound');
          if (error.statusCode === 403) return errorPage('forbidden');
          if (error.statusCode < 500) return errorPage('badRequest');
        }
        throw error;
      }
    };

    let response: WebResponse;
    try {
      response = await respond();
    } catch (error) {
      logError(error);
      try {
        response = errorPage('server');
      } catch (renderError) {
        logError(renderError);
        response = bareError();
      }
    }
    if (req.method === 'HEAD') response = { ...response, body: '' };
    cookies.push(hostCookie(SESSION_COOKIE, seal(config.sessionSecret, SESSION_COOKIE, session)));
    return finish({ ...response, cookies: [...(response.cookies ?? []), ...cookies] }, nonce, config);
  };

  return { handle };
};
