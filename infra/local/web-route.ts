/**
 * Serves the web pages on one machine: turns a Node request into the API Gateway payload 2.0 event the
 * web Lambda gets in AWS (no authorizer: the pages keep their own session) and writes its result back.
 * Mount it with `startLocalSystem({ extraRoutes: [webRoute()] })`; it leaves /api, /local and /health
 * to the gateway.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { WebResponse } from '#functions/web/http.ts';
import type { LocalRoute } from './gateway.ts';

type WebHandler = (event: APIGatewayProxyEventV2) => Promise<WebResponse>;

const isOurs = (path: string): boolean =>
  !(
    path === '/api' ||
    path.startsWith('/api/') ||
    path === '/local' ||
    path.startsWith('/local/') ||
    path === '/health'
  );

// API Gateway base64-encodes request bodies that are not text; forms count as text but it encodes them
// too, so the web handler is written to take either.
const toEvent = (req: IncomingMessage, body: Buffer, url: URL): APIGatewayProxyEventV2 => {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const name = key.toLowerCase();
    const joined = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ',') : value;
    // Payload 2.0 takes cookies out of the headers and into their own list.
    if (name === 'cookie')
      cookies = joined
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean);
    else headers[name] = joined;
  }
  const method = req.method ?? 'GET';
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local-web',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0
      ? { body: body.toString('base64'), isBase64Encoded: true }
      : { isBase64Encoded: false }),
  };
};

export const webRoute = (opts: { handler?: WebHandler } = {}): LocalRoute => {
  let handler: WebHandler | undefined = opts.handler;
  return async (req, res, body, url) => {
    if (!isOurs(url.pathname)) return false;
    // Loaded on first use, after the runtime has set the environment the services read.
    handler ??= ((await import('#functions/web/handler.ts')) as { handler: WebHandler }).handler;
    const result = await handler(toEvent(req, body, url));
    const headers: Record<string, string | string[]> = { ...result.headers };
    if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode, headers);
    res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    return true;
  };
};

/**
 * The session secret for one machine: made once and kept in the data folder, so sessions survive a
 * restart like the data does. In AWS the secret comes from Secrets Manager instead.
 */
export const localSessionSecret = async (file: string): Promise<string> => {
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved.length >= 32) return saved;
  } catch {
    // Not made yet.
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};
