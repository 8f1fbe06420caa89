import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

// ignoreBOM keeps a leading BOM in the text, as the bytes have it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text when it is UTF-8; otherwise base64, as API Gateway passes bytes it cannot vouch for. */
const bodyFields = (
  body: Buffer,
  base64Body: boolean,
): Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'> => {
  if (body.length === 0) return { isBase64Encoded: false };
  if (!base64Body) {
    try {
      return { body: strictUtf8.decode(body), isBase64Encoded: false };
    } catch {
      // Not UTF-8: the bytes go through unchanged, for the handler's edge to refuse.
    }
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
};

/**
 * The API Gateway HTTP API (payload 2.0) event for a Node request, as both local front doors (the JSON
 * API and the web pages) hand it to their Lambda handlers: lower-case headers, cookies in their own
 * list, repeated query parameters joined with commas. With `base64Body` every body is base64; without
 * it, a body that is not valid UTF-8 still is, so no byte is ever replaced on the way in.
 */
export const payloadV2Event = (
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  opts: { routeKey: string; apiId: string; base64Body: boolean },
): APIGatewayProxyEventV2 => {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const name = key.toLowerCase();
    const joined = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ',') : value;
    if (name === 'cookie') {
      cookies = joined
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean);
    } else headers[name] = joined;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const method = req.method ?? 'GET';
  const now = new Date();
  return {
    version: '2.0',
    routeKey: opts.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: opts.apiId,
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
      routeKey: opts.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...bodyFields(body, opts.base64Body),
  };
};
