/**
 * Drives the web app in-process the way a browser would: keeps cookies between requests, follows
 * nothing on its own, and reads the CSRF token out of the last page, for the screens' tests.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { User } from '#shared/services/user.ts';
import type { SessionStore } from '#shared/store/session-store.ts';
import { createWebApp, LANG_COOKIE } from '../app.ts';
import type { WebConfig } from '../config.ts';
import type { WebServices } from '../context.ts';
import type { WebResponse } from '../http.ts';
import { newStoredSession, SESSION_COOKIE, sealSessionCookie } from '../session.ts';
import type { SignIn } from '../sign-in.ts';
import { fakeServices } from './fake-services.ts';
import { memorySessionStore } from './memory-session-store.ts';
import { TEST_PEOPLE, type TestPerson, testSignIn } from './test-sign-in.ts';

type App = ReturnType<typeof createWebApp>;

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hkdf-0123456789';

export const testConfig = (): WebConfig => ({
  sessionSecret: TEST_SECRET,
  assetsUrl: '/assets',
  publicUrl: 'http://localhost:3000',
  sessionRefreshMs: 5 * 60_000,
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
export type SignInAs = (person: TestPerson) => Promise<string>;

export const webClient = (app: App, signInAs?: SignInAs) => {
  const jar = new Map<string, string>();
  let lastBody = '';

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

  return {
    jar,
    get: (path: string) => send('GET', path),
    /** POSTs a form with the CSRF token of the last page, as the browser would. */
    post: (path: string, form: Record<string, string> = {}) => send('POST', path, { _csrf: csrf(), ...form }),
    postRaw: (path: string, form: Record<string, string>) => send('POST', path, form),
    csrf,
    async signInAs(person: TestPerson) {
      if (!signInAs) throw new Error('This client has no way to sign people in');
      jar.set(SESSION_COOKIE, await signInAs(person));
    },
    setLang(lang: 'en' | 'cy') {
      jar.set(LANG_COOKIE, lang);
    },
  };
};

/** A complete idea as the form posts it; `card` overrides change answers. */
export const ideaForm = (card: Record<string, string> = {}): Record<string, string> => ({
  title: 'Evening calls to new referrals',
  problem: 'Families referred on a Friday wait until Monday to hear from anyone.',
  'hypothesis.weBelieve': 'a short evening call the day a referral arrives',
  'hypothesis.toTestIt': 'call the next ten families referred after 3pm',
  'hypothesis.measure': 'how many families take up the first appointment',
  'hypothesis.rightIf': 'at least seven of ten families take it up',
  'card.safeguarding': 'no',
  'card.lawful': 'yes',
  'card.personalData': 'no',
  'card.consent': 'yes',
  'card.reversible': 'yes',
  'card.frontPage': 'yes',
  'card.extraCost': '0',
  'card.peopleInvolved': '10',
  'card.durationWeeks': '4',
  'card.staffHours': '12',
  'card.commitToShare': 'true',
  idempotencyKey: 'idem-key-0001',
  ...Object.fromEntries(Object.entries(card).map(([k, v]) => [`card.${k}`, v])),
});

/**
 * The web app over fake services and an in-memory session store, with the test configuration and
 * the test people, and a browser-like client for it. `people` may be changed: sessions see the change
 * at their next refresh.
 */
export const testApp = (
  opts: {
    now?: () => Date;
    logError?: (error: unknown) => void;
    config?: () => WebConfig;
    /** Puts something around the in-memory store, to count or fail its calls. */
    wrapSessions?: (store: SessionStore) => SessionStore;
    /** Puts something around the test adapter, to change how it refreshes. */
    wrapSignIn?: (signIn: SignIn) => SignIn;
    /** Puts something around the services, to count or fail their calls. */
    wrapServices?: (services: WebServices) => WebServices;
  } = {},
) => {
  const now = opts.now ?? (() => new Date());
  const fake = fakeServices(opts.now ? { now: opts.now } : {});
  const sessions = memorySessionStore();
  const store = opts.wrapSessions?.(sessions) ?? sessions;
  const people = new Map<string, User>(Object.values(TEST_PEOPLE).map((p) => [p.id, p]));
  const signIn = testSignIn(people);
  const config = opts.config ?? testConfig;
  const services = opts.wrapServices?.(fake.services) ?? fake.services;
  const app = createWebApp({
    services: () => services,
    sessions: () => store,
    signIn: opts.wrapSignIn?.(signIn) ?? signIn,
    config,
    now,
    logError: opts.logError ?? (() => undefined),
  });
  const signInAs: SignInAs = async (person) => {
    const session = newStoredSession(now().getTime(), TEST_PEOPLE[person]);
    await sessions.create(session);
    return sealSessionCookie(config().sessionSecret, { kind: 'signedIn', sid: session.id });
  };
  return { app, fake, sessions, people, signIn, client: () => webClient(app, signInAs) };
};

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
