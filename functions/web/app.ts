/**
 * The web pages as one function from a payload 2.0 event to a response: assets, language, session,
 * CSRF, access, the screen's controller, then the security headers every response carries.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AppError } from '#shared/errors.ts';
import { cameThroughCloudFront } from '#shared/http/origin-verify.ts';
import type { User } from '#shared/services/user.ts';
import type { SessionStore } from '#shared/store/session-store.ts';
import { serveAsset } from './assets.ts';
import { loadWebConfig, type WebConfig } from './config.ts';
import type { Access, PageContext, WebServices } from './context.ts';
import { flashCarrier } from './flash.ts';
import { hostCookie, redirect, toWebRequest, type WebRequest, type WebResponse } from './http.ts';
import { isLocale, type Locale, messages } from './i18n/index.ts';
import { type OpenSession, openSession } from './open-session.ts';
import { pageContext } from './page-context.ts';
import { type TemplateSource, templateRenderer } from './render.ts';
import { createRouter, type Match } from './router.ts';
import { ROUTES } from './routes.ts';
import { contentSecurityPolicy, csrfMatches, newNonce, SECURITY_HEADERS } from './security.ts';
import { FLASH_COOKIE, SESSION_COOKIE } from './session.ts';
import type { SignIn } from './sign-in.ts';

export const LANG_COOKIE = '__Host-ff-lang';
const YEAR_SECONDS = 365 * 24 * 3600;

export interface WebAppDeps {
  services: () => WebServices;
  /** Where signed-in sessions live (the table, in AWS and on one machine). */
  sessions: () => SessionStore;
  /** How people sign in: Cognito's managed login (handler.ts) or the demo users (infra/local/web-route.ts). */
  signIn: SignIn;
  /**
   * The pages' compiled templates: compiled into the package at build time (handler.ts), or from the
   * .njk files on first use (infra/local/web-route.ts, the tests); see render.ts.
   */
  templates: TemplateSource;
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

/**
 * What a request gets, in this order: 404 for no page of ours; for a POST, 400 for a body that is no
 * small UTF-8 form, then the CSRF check; sign-in or 403 by the route's access; then the controller,
 * whose refusals become the error pages.
 */
const dispatch = async (
  match: Match | undefined,
  ctx: PageContext,
  session: OpenSession,
  errorPage: (page: ErrorPage) => WebResponse,
): Promise<WebResponse> => {
  const { req } = ctx;
  if (!match) return errorPage('notFound');
  if (req.method === 'POST') {
    if (req.badBody) return errorPage('badRequest');
    // A form from an expired session cannot be trusted or completed: sign in again first.
    if (session.timedOut) return redirect('/sign-in');
    // A session that was ended (signed out, or by a leader) is `none`: its old token is refused here.
    if (session.status !== 'valid' || !csrfMatches(session.csrf, req.form.get('_csrf')))
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
  if (access === 'forbidden') {
    // A refused page about an experiment that exists is a refused attempt like any other.
    const id = match.params.id;
    if (id && ctx.user) {
      await ctx.services.experiments.refusedBeforehand(
        ctx.user,
        id,
        req.method === 'GET' ? 'read' : 'change',
      );
    }
    return errorPage('forbidden');
  }
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

/** The last resort when even configuration failed: plain, but still no stack trace. */
const bareError = (): WebResponse => ({
  statusCode: 500,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sorry, there is a problem with the service</title></head><body><h1>Sorry, there is a problem with the service</h1><p>Try again later.</p></body></html>',
});

/** The headers every response carries: the security headers, and for pages no caching and the CSP. */
const withHeaders = (
  response: WebResponse,
  nonce: string,
  site?: { config: WebConfig; formTargets: readonly string[] },
): WebResponse => {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...response.headers };
  const isAsset = headers['cache-control']?.startsWith('public') ?? false;
  if (!isAsset) {
    // Every page may show someone's name or ideas: never keep a copy in any cache.
    headers['cache-control'] = 'no-store';
    headers['content-security-policy'] = site
      ? contentSecurityPolicy(site.config, nonce, site.formTargets)
      : `default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
  }
  return { ...response, headers };
};

/** GOV.UK Frontend's files and the browser bundle; undefined for anything else. */
const assetFor = async (req: WebRequest, logError: (error: unknown) => void) => {
  if (!req.path.startsWith('/assets/') || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
  try {
    return await serveAsset(req.path);
  } catch (error) {
    logError(error);
    return { ...bareError(), headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }
};

/** The error page of a refusal or a failure, in the page's language. */
const errorPageOf =
  (ctx: PageContext) =>
  (page: ErrorPage): WebResponse =>
    ctx.render(
      'errors/view.njk',
      { heading: ctx.t.errors[page].title, body: ctx.t.errors[page].body },
      { status: STATUS_OF[page], title: ctx.t.errors[page].title },
    );

export const createWebApp = (deps: WebAppDeps) => {
  const route = createRouter([...ROUTES, ...deps.signIn.routes]);
  const render = templateRenderer(deps.templates);
  const now = deps.now ?? (() => new Date());
  const logError = deps.logError ?? ((error: unknown) => console.error(error));
  const readConfig = deps.config ?? (() => loadWebConfig());

  /** What every page needs first: its language's words and the session. */
  const openPage = async (req: WebRequest, config: WebConfig, at: Date) => {
    const { locale, remember } = pickLocale(req);
    // The Welsh catalogue is a chunk of its own (see `messages`); without it no page can be written.
    const t = await messages(locale);
    // Without the session store no page can know who is asking.
    const session = await openSession(
      {
        store: deps.sessions(),
        signIn: deps.signIn,
        secret: config.sessionSecret,
        now: at.getTime(),
        refreshMs: config.sessionRefreshMs,
        logError,
      },
      req.cookies[SESSION_COOKIE],
    );
    return { locale, remember, t, session };
  };

  /** The page: the route's controller, or an error page; then the session, language and flash cookies. */
  const respond = async (
    req: WebRequest,
    config: WebConfig,
    nonce: string,
    opened: Awaited<ReturnType<typeof openPage>> & { at: Date },
  ): Promise<WebResponse> => {
    const { session, locale } = opened;
    const flash = flashCarrier(config.sessionSecret, req.cookies[FLASH_COOKIE]);
    if (session.timedOut) flash.set({ kind: session.timedOut });
    const cookies: string[] = [];
    if (opened.remember) cookies.push(hostCookie(LANG_COOKIE, locale, { maxAgeSeconds: YEAR_SECONDS }));
    const ctx = pageContext(
      {
        services: deps.services(),
        sessions: deps.sessions(),
        signIn: deps.signIn,
        render,
      },
      { req, at: opened.at, locale, t: opened.t, config, nonce, session, flash, cookies },
    );
    const errorPage = errorPageOf(ctx);
    let response: WebResponse;
    try {
      response = await dispatch(route(req.method, req.path), ctx, session, errorPage);
    } catch (error) {
      logError(error);
      try {
        response = errorPage('server');
      } catch (renderError) {
        logError(renderError);
        response = bareError();
      }
    }
    // The people directory learns who signed in or came back (at most one write a person in a while).
    if (session.user) await ctx.services.directory.seen(session.user);
    if (req.method === 'HEAD') response = { ...response, body: '' };
    cookies.push(hostCookie(SESSION_COOKIE, session.cookie()));
    const flashCookie = flash.cookie();
    if (flashCookie) cookies.push(flashCookie);
    return { ...response, cookies: [...(response.cookies ?? []), ...cookies] };
  };

  const handle = async (event: APIGatewayProxyEventV2): Promise<WebResponse> => {
    const nonce = newNonce();
    // Before anything is read: a request that did not come through CloudFront (shared/http/origin-verify.ts).
    if (!(await cameThroughCloudFront(event.headers)))
      return withHeaders({ ...bareError(), statusCode: 403 }, nonce);
    let site: { config: WebConfig; formTargets: readonly string[] };
    try {
      site = { config: await readConfig(), formTargets: deps.signIn.formTargets() };
    } catch (error) {
      logError(error);
      return withHeaders(bareError(), nonce);
    }
    const req = toWebRequest(event);
    const asset = await assetFor(req, logError);
    if (asset) return withHeaders(asset, nonce, site);
    const at = now();
    let opened: Awaited<ReturnType<typeof openPage>>;
    try {
      opened = await openPage(req, site.config, at);
    } catch (error) {
      logError(error);
      return withHeaders(bareError(), nonce, site);
    }
    return withHeaders(await respond(req, site.config, nonce, { ...opened, at }), nonce, site);
  };

  return { handle };
};
