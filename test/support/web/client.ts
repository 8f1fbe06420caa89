/**
 * Drives the web app in-process the way a browser would: keeps cookies between requests, follows
 * nothing on its own, and reads the CSRF token out of the last page, for the pages' tests.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type createWebApp, LANG_COOKIE } from '#functions/web/app.ts';
import type { WebConfig } from '#functions/web/config.ts';
import type { WebResponse } from '#functions/web/http.ts';
import { SESSION_COOKIE } from '#functions/web/session.ts';
import { statementsConfig } from '#shared/config.ts';
import { sampleIdea } from '../fixtures.ts';
import type { TestPerson } from './test-sign-in.ts';

type App = ReturnType<typeof createWebApp>;

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hkdf-0123456789';

export const testConfig = (): WebConfig => ({
  sessionSecret: TEST_SECRET,
  assetsUrl: '/assets',
  publicUrl: 'http://localhost:3000',
  sessionRefreshMs: 5 * 60_000,
  statements: statementsConfig({}),
});

export interface Page extends WebResponse {
  /** The Set-Cookie values of this response, by cookie name. */
  setCookies: Record<string, string>;
}

export const event = (
  method: string,
  path: string,
  opts: {
    cookies?: string[];
    form?: Record<string, string> | URLSearchParams;
    headers?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2 => {
  const [rawPath = '/', rawQueryString = ''] = path.split('?');
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(opts.cookies ? { cookies: opts.cookies } : {}),
    headers: {
      host: 'localhost',
      ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...opts.headers,
    },
    requestContext: {
      accountId: '0',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'test',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'test',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...(body !== undefined
      ? { body: Buffer.from(body).toString('base64'), isBase64Encoded: true }
      : { isBase64Encoded: false }),
  };
};

/** Makes a signed-in session for a test person, as a sign-in would, and gives its cookie's value. */
export type SignInAs = (person: TestPerson) => Promise<{ cookie: string; sessionId: string }>;

/** The steps of "Submit an idea" as a browser sees them: each one's page and the form fields it asks. */
const IDEA_STEPS: readonly { path: string; owns: (name: string) => boolean }[] = [
  { path: '/ideas/new', owns: (name) => name === 'title' || name === 'problem' },
  { path: '/ideas/new/test-plan', owns: (name) => name.startsWith('hypothesis.') },
  { path: '/ideas/new/card', owns: (name) => name.startsWith('card.') },
];

export const webClient = (app: App, signInAs?: SignInAs) => {
  const jar = new Map<string, string>();
  let lastBody = '';
  let sessionId = '';

  const send = async (
    method: string,
    path: string,
    form?: Record<string, string> | URLSearchParams,
  ): Promise<Page> => {
    const cookies = [...jar].map(([name, value]) => `${name}=${value}`);
    const response = await app.handle(event(method, path, { cookies, ...(form ? { form } : {}) }));
    const setCookies: Record<string, string> = {};
    for (const cookie of response.cookies ?? []) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      setCookies[name] = cookie;
      if (/Max-Age=0/.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    if ((response.headers['content-type'] ?? '').startsWith('text/html')) lastBody = response.body;
    return { ...response, setCookies };
  };

  const csrf = (): string => /name="_csrf" value="([^"]+)"/.exec(lastBody)?.[1] ?? '';

  /** Answers each step of "Submit an idea" with its own fields of `form`: the first refusal, else the last redirect. */
  const fillIdea = async (form: Record<string, string>): Promise<Page> => {
    let last = await send('GET', '/ideas/new');
    for (const step of IDEA_STEPS) {
      const answers = Object.fromEntries(Object.entries(form).filter(([name]) => step.owns(name)));
      last = await send('POST', step.path, { _csrf: csrf(), ...answers });
      if (last.statusCode !== 303) return last;
    }
    return last;
  };

  return {
    jar,
    get: (path: string) => send('GET', path),
    /** POSTs a form with the CSRF token of the last page, as the browser would. */
    post: (path: string, form: Record<string, string> = {}) => send('POST', path, { _csrf: csrf(), ...form }),
    postRaw: (path: string, form: Record<string, string>) => send('POST', path, form),
    /**
     * Answers the steps of "Submit an idea" from `form` (each step gets only its own fields), as a person
     * does: the response of the first step that refuses its answers, else the redirect to "Check your answers".
     */
    fillIdea: (form: Record<string, string>) => fillIdea(form),
    /**
     * Answers every step from `form`, then presses "Submit" on "Check your answers": the redirect to the
     * experiment's "submitted" page, or the page of the first step that refused its answers.
     */
    async submitIdea(form: Record<string, string>) {
      const filled = await fillIdea(form);
      if (filled.statusCode !== 303) return filled;
      await send('GET', '/ideas/new/check');
      return send('POST', '/ideas', { _csrf: csrf() });
    },
    csrf,
    async signInAs(person: TestPerson) {
      if (!signInAs) throw new Error('This client has no way to sign people in');
      const made = await signInAs(person);
      jar.set(SESSION_COOKIE, made.cookie);
      sessionId = made.sessionId;
    },
    /** The id of the session the last `signInAs` made. */
    sessionId: () => sessionId,
    setLang(lang: 'en' | 'cy') {
      jar.set(LANG_COOKIE, lang);
    },
  };
};

/**
 * The sample idea as the form's steps post it (every field a string); `card` overrides change answers.
 */
export const ideaForm = (card: Record<string, string> = {}): Record<string, string> => {
  const idea = sampleIdea();
  return {
    title: idea.title,
    problem: idea.problem,
    ...Object.fromEntries(Object.entries(idea.hypothesis).map(([k, v]) => [`hypothesis.${k}`, v])),
    ...Object.fromEntries(
      Object.entries({ ...idea.card, ...card }).map(([k, v]) => [`card.${k}`, String(v)]),
    ),
  };
};

/** An experiment's own page, from the redirect after submitting it (to its …/submitted page). */
export const experimentPath = (submitted: WebResponse): string =>
  (submitted.headers.location ?? '').replace(/\/submitted$/, '');

/** The text of the first element matching a simple tag/class pattern, tags stripped and spaces squeezed. */
export const textOf = (html: string, pattern: RegExp): string =>
  decode((pattern.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The few entities Nunjucks' autoescape writes. */
export const decode = (html: string): string =>
  html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

export const h1 = (html: string): string => textOf(html, /<h1[^>]*>([\s\S]*?)<\/h1>/);

/** The headings of the privacy notice, accessibility statement and cookies page, in English then Welsh. */
export const STATEMENT_HEADINGS = [
  'Privacy notice',
  'Accessibility statement for Fail Forward',
  'Cookies',
  'Hysbysiad preifatrwydd',
  'Datganiad hygyrchedd ar gyfer Methu Ymlaen',
  'Cwcis',
];
