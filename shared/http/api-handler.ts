import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod';
import { type PermissionName, rolesFromClaim } from '../domain/access.ts';
import { toIssues } from '../domain/schemas.ts';
import { TEAM_SLUG } from '../domain/teams.ts';
import {
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorisedError,
  ValidationError,
} from '../errors.ts';
import { builtServices } from '../services/index.ts';
import { requirePermission } from '../services/rights.ts';
import type { User } from '../services/user.ts';
import { errorHandling } from './error-handling.ts';
import { originVerified } from './origin-verify.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** API Gateway's own limit is 10 MB; nothing in this product needs more than a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

/**
 * A CSV download named `fail-forward-<name>-<date>.csv`. API Gateway HTTP APIs buffer a Lambda's
 * response, so the pages are gathered before answering.
 */
export const csvDownload = async (chunks: AsyncIterable<string>, name: string): Promise<ApiResult> => {
  let body = '';
  for await (const chunk of chunks) body += chunk;
  const date = new Date().toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="fail-forward-${name}-${date}.csv"`,
      'cache-control': 'no-store',
    },
    body,
  };
};

/** Validates `value` with a zod schema; failures become one 400 with a message per field. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = toIssues(result.error, prefix);
    throw new ValidationError(issues[0]?.message ?? 'The request is not valid.', issues);
  }
  return result.data;
};

/** A path parameter naming something: one that cannot be valid cannot name what the caller may see, so 404. */
export const pathParams = <S extends z.ZodType>(schema: S, event: ApiEvent): z.output<S> => {
  const params = schema.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError();
  return params.data;
};

/** The caller, from the claims the JWT authorizer verified. Fails closed on anything unexpected. */
export const userFromEvent = (event: APIGatewayProxyEventV2WithJWTAuthorizer): User => {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || sub === '')
    throw new UnauthorisedError('Sign in to use Fail Forward.');
  const roles = rolesFromClaim(claims['cognito:groups']);
  const team = claims['custom:team'];
  if (!roles)
    throw new ForbiddenError(
      'Your account has no recognised role. Ask your administrator to add you to a group.',
    );
  if (typeof team !== 'string' || !TEAM_SLUG.test(team)) {
    throw new ForbiddenError('Your account has no team. Ask your administrator to set one.');
  }
  const name = typeof claims.name === 'string' && claims.name !== '' ? claims.name : sub;
  return { id: sub, name, team, roles };
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

const notText = () =>
  new ValidationError('The request body is not valid UTF-8 text.', [
    { path: 'body', message: 'Send the body as UTF-8 text' },
  ]);

/** The body as text: base64 (API Gateway's encoding of anything it does not take for text) or a string. */
const bodyText = (body: string, isBase64Encoded: boolean): string => {
  if (!isBase64Encoded) {
    if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES)
      throw new PayloadTooLargeError('The request body is larger than 1 MB.');
    if (!body.isWellFormed()) throw notText();
    return body;
  }
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLargeError('The request body is larger than 1 MB.');
  try {
    return utf8.decode(bytes);
  } catch {
    throw notText();
  }
};

/**
 * The request's JSON body. Too big is 413; not JSON, or not UTF-8, is 400. Handlers call this only once
 * they know the caller may act (after the route's permission, and for an experiment after it has been
 * found and the caller's right checked), so a caller who may not act learns nothing from validation.
 */
export const readBody = (event: ApiEvent): unknown => {
  const { body } = event;
  if (body === undefined || body === null || body === '') return undefined;
  const type = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const text = bodyText(body, event.isBase64Encoded === true);
  if (type !== 'application/json') {
    throw new ValidationError('Send the request body as JSON, with Content-Type: application/json.', [
      { path: 'content-type', message: 'Use Content-Type: application/json' },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('The request body is not valid JSON.', [
      { path: 'body', message: 'Send valid JSON' },
    ]);
  }
};

export type RouteHandler = (event: ApiEvent, user: User) => Promise<ApiResult>;

/** What the wrapper needs of a route's registry entry (functions/registry.ts). */
export interface RouteAccess {
  route?: string;
  /** Who may call the route at all; checked before anything is read from the request. */
  permission?: PermissionName;
}

/** Every API route: the same middleware, in the same order, with the error handler last. */
export const apiHandler = (route: RouteAccess, handler: RouteHandler) =>
  middy<ApiEvent, ApiResult, Error, Context>()
    .use(httpHeaderNormalizer())
    .use(errorHandling<ApiEvent, ApiResult>())
    .use(originVerified())
    .handler(async (event) => {
      const user = userFromEvent(event);
      try {
        if (route.permission) requirePermission(user, route.permission);
        return await handler(event, user);
      } finally {
        // The people directory learns who called (at most one write a person in a while; never fails the call).
        await builtServices()?.directory.seen(user);
      }
    });
