import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { flattenClaims, type LocalJwt } from './local-jwt.ts';
import { isLoopbackHost, MISDIRECTED } from './loopback-host.ts';
import { payloadV2Event } from './payload-v2.ts';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface ApiRoute {
  name: string;
  method: string;
  path: string;
  routeKey: string;
  /** No JWT authorizer in front of it (functions/registry.ts `public`): no token is asked for or read. */
  public?: boolean;
  handler: LambdaHandler;
}

/** A non-API route (local tools, health, web pages): plain Node request in, response out. */
export type LocalRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  url: URL,
) => Promise<boolean>;

/** API Gateway refuses payloads over 10 MB before any Lambda runs. */
const GATEWAY_MAX_BYTES = 10 * 1024 * 1024;

const compile = (path: string) => {
  const names: string[] = [];
  const pattern = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}$`), names };
};

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
};

/** The path's %-escapes decode to UTF-8 text; `%`, `%zz` or a cut-off sequence do not. */
const isWellFormedPath = (pathname: string): boolean => {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
};

/**
 * The request target as a URL of this server. Only the origin form (`/path?query`) is read as a path: an
 * absolute URL or `*` names no path of ours, and `//x` must stay a path rather than become a host.
 */
const requestUrl = (target: string | undefined): URL | undefined => {
  if (!target?.startsWith('/')) return undefined;
  try {
    return new URL(`http://localhost${target}`);
  } catch {
    return undefined;
  }
};

const readBody = (req: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_MAX_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

const lambdaContext = (functionName: string): Context => {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

/**
 * The local twin of the HTTP API: verifies the bearer token like the JWT authorizer, builds a
 * payload 2.0 event and invokes the same handler that Lambda runs.
 */
export const createGateway = (opts: {
  routes: ApiRoute[];
  jwt: LocalJwt;
  localRoutes: LocalRoute[];
}): Server => {
  // As API Gateway does, a route with fewer path parameters is more specific and wins
  // (`/api/library/export.json` over `/api/library/{id}`).
  const compiled = opts.routes
    .map((route) => ({ route, ...compile(route.path) }))
    .sort((a, b) => a.names.length - b.names.length);

  /** The claims of a bearer token the JWT authorizer would accept; undefined for none or a bad one. */
  const verifiedClaims = async (
    authorization: string | undefined,
  ): Promise<Record<string, string | number | boolean> | undefined> => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      return flattenClaims(await opts.jwt.verify(token));
    } catch {
      return undefined;
    }
  };

  const invokeApi = async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    if (!isWellFormedPath(url.pathname)) {
      return sendJson(res, 400, {
        error: 'bad_request',
        message: 'The address is not valid: check the % signs in it.',
      });
    }
    const method = req.method ?? 'GET';
    let match: { route: ApiRoute; params: Record<string, string> } | undefined;
    for (const c of compiled) {
      const m = c.route.method === method ? c.regex.exec(url.pathname) : null;
      if (m) {
        match = {
          route: c.route,
          params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])),
        };
        break;
      }
    }
    if (!match) return sendJson(res, 404, { error: 'not_found', message: 'There is no such route.' });

    const base = payloadV2Event(req, url, body, {
      routeKey: match.route.routeKey,
      apiId: 'local',
      base64Body: false,
    });
    const withParams = {
      ...base,
      ...(Object.keys(match.params).length > 0 ? { pathParameters: match.params } : {}),
    };
    let event: APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer = withParams;
    // As API Gateway does for a route with no authorizer: the token is neither asked for nor read.
    if (!match.route.public) {
      const claims = await verifiedClaims(req.headers.authorization);
      if (!claims) {
        return sendJson(res, 401, {
          error: 'unauthorised',
          message: 'Sign in to use Fail Forward: the token is missing, expired or not ours.',
        });
      }
      event = {
        ...withParams,
        requestContext: {
          ...base.requestContext,
          authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
        },
      };
    }
    const result = (await match.route.handler(
      event,
      lambdaContext(match.route.name),
    )) as APIGatewayProxyStructuredResultV2;
    const responseHeaders: Record<string, string> = {};
    for (const [key, value] of Object.entries(result.headers ?? {})) responseHeaders[key] = String(value);
    res.writeHead(result.statusCode ?? 200, responseHeaders);
    res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
  };

  return createServer((req, res) => {
    void (async () => {
      if (!isLoopbackHost(req)) {
        return sendJson(res, MISDIRECTED.status, {
          error: 'misdirected_request',
          message: MISDIRECTED.message,
        });
      }
      const url = requestUrl(req.url);
      if (!url) return sendJson(res, 400, { error: 'bad_request', message: 'The address is not valid.' });
      const body = await readBody(req);
      if (body === 'too-large') {
        return sendJson(res, 413, {
          error: 'payload_too_large',
          message: 'The request body is larger than API Gateway accepts.',
        });
      }
      if (url.pathname.startsWith('/api/')) return invokeApi(req, res, url, body);
      for (const route of opts.localRoutes) if (await route(req, res, body, url)) return;
      return sendJson(res, 404, { error: 'not_found', message: 'There is no such page.' });
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent)
        sendJson(res, 500, { error: 'internal_error', message: 'Sorry, something went wrong on our side.' });
      else res.end();
    });
  });
};
