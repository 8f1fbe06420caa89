/**
 * The web handler's own request and response shapes: an API Gateway payload 2.0 event reduced to what
 * the pages need, and a result that maps straight back to payload 2.0 (cookies as a list, as API
 * Gateway wants them, never folded into one Set-Cookie header).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Forms on these pages are small; anything bigger is not one of ours. */
export const MAX_FORM_BYTES = 64 * 1024;

export interface WebRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  /** The urlencoded form of a POST; empty for other methods and other content types. */
  form: URLSearchParams;
  /** True when a POST body was too large, not a form, or not UTF-8. */
  badBody: boolean;
}

export interface WebResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One name or value of a form, `+` for space and %-escapes decoded, refusing any that is not UTF-8. */
const formComponent = (text: string): string => decodeURIComponent(text.replaceAll('+', ' '));

/**
 * A urlencoded form decoded strictly: undefined when its bytes, or the bytes its %-escapes stand for,
 * are not UTF-8 (URLSearchParams would quietly put U+FFFD in their place, and that would be stored).
 * A body that arrived as text is checked for lone surrogates, which have no UTF-8 form either.
 */
export const strictForm = (bytes: Buffer, text?: string): URLSearchParams | undefined => {
  try {
    const body = text ?? utf8.decode(bytes);
    if (!body.isWellFormed()) return undefined;
    const form = new URLSearchParams();
    for (const pair of body.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      form.append(formComponent(name), formComponent(value));
    }
    return form;
  } catch {
    // A byte or %-escape that is not UTF-8, or a % not followed by two hex digits.
    return undefined;
  }
};

export const parseCookies = (event: Pick<APIGatewayProxyEventV2, 'cookies' | 'headers'>) => {
  // Payload 2.0 moves cookies to their own list; a plain Cookie header is accepted too.
  const pairs = event.cookies ?? (event.headers?.cookie ?? '').split(';');
  const cookies: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    // The first cookie of a name wins, as browsers send the most specific one first.
    if (name && !(name in cookies)) cookies[name] = pair.slice(at + 1).trim();
  }
  return cookies;
};

export const toWebRequest = (event: APIGatewayProxyEventV2): WebRequest => {
  const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[key.toLowerCase()] = value;
  }
  let form = new URLSearchParams();
  let badBody = false;
  if (method === 'POST') {
    const raw = event.body ?? '';
    const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
    const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const decoded =
      bytes.length <= MAX_FORM_BYTES && type === 'application/x-www-form-urlencoded'
        ? strictForm(bytes, event.isBase64Encoded ? undefined : raw)
        : undefined;
    if (decoded) form = decoded;
    else badBody = true;
  }
  return {
    method,
    path: event.rawPath || '/',
    query: new URLSearchParams(event.rawQueryString ?? ''),
    headers,
    cookies: parseCookies(event),
    form,
    badBody,
  };
};

export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
}

/**
 * `__Host-` cookies must be Secure, have Path=/ and no Domain, so a sibling subdomain can neither set
 * nor read them. Browsers accept Secure cookies from http://localhost and 127.0.0.1 too.
 */
export const hostCookie = (name: string, value: string, opts: CookieOptions = {}): string =>
  [
    `${name}=${value}`,
    'Path=/',
    'Secure',
    ...(opts.httpOnly === false ? [] : ['HttpOnly']),
    'SameSite=Lax',
    ...(opts.maxAgeSeconds !== undefined ? [`Max-Age=${opts.maxAgeSeconds}`] : []),
  ].join('; ');

export const clearCookie = (name: string): string => hostCookie(name, '', { maxAgeSeconds: 0 });

export const redirect = (location: string, statusCode = 303): WebResponse => ({
  statusCode,
  headers: { location },
  body: '',
});

/** The longest return path kept: a longer one is no link of ours. */
export const MAX_RETURN_PATH = 512;

/** What a Location header can hold: visible ASCII, nothing a browser would drop or a header refuse. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * Where to send someone after signing in, decided by the WHATWG URL parser (the browser's own), never by
 * a pattern: `value` is resolved against this site's origin and kept only if it stays on this site. The
 * answer is the path the parser produced (re-serialised, so TAB, CR, LF, `\`, U+3000 and the like are
 * already dropped, turned into `/` or percent-encoded), or undefined: go home instead.
 */
export const safeReturnPath = (value: string | null | undefined, origin: string): string | undefined => {
  if (!value || value.length > MAX_RETURN_PATH) return undefined;
  const site = URL.parse(origin)?.origin;
  const resolved = URL.parse(value, origin);
  if (!site || !resolved || resolved.origin !== site) return undefined;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The path is read again by the browser, on its own: "/..//evil.example" resolves to the path
  // "//evil.example", which as a Location names another host.
  if (!HEADER_SAFE.test(path) || URL.parse(path, origin)?.origin !== site) return undefined;
  return path;
};
