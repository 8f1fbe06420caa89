/**
 * Serves the web pages on one machine: turns a Node request into the API Gateway payload 2.0 event the
 * web Lambda gets in AWS (no authorizer: the pages keep their own session) and writes its result back.
 * Mount it with `startLocalSystem({ extraRoutes: [webRoute()] })`; it leaves /api, /local and /health
 * to the gateway.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { WebResponse } from '#functions/web/http.ts';
import type { LocalRoute } from './gateway.ts';
import { payloadV2Event } from './payload-v2.ts';

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
const toEvent = (req: IncomingMessage, body: Buffer, url: URL): APIGatewayProxyEventV2 =>
  payloadV2Event(req, url, body, { routeKey: '$default', apiId: 'local-web', base64Body: true });

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
