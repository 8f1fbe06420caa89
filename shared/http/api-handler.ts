import middy, { type MiddlewareObj } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod';
import { rolesFromClaim } from '../domain/access.ts';
import { toIssues } from '../domain/schemas.ts';
import {
  AppError,
  ForbiddenError,
  PayloadTooLargeError,
  UnauthorisedError,
  ValidationError,
} from '../errors.ts';
import type { User } from '../services/user.ts';
import { originVerified } from './origin-verify.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer & { jsonBody?: unknown };
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** API Gateway's own limit is 10 MB; nothing in this product needs more than a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

const INTERNAL_ERROR = JSON.stringify({
  error: 'internal_error',
  message: 'Sorry, something went wrong on our side. Try again later.',
});

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

/** Validates `value` with a zod schema; failures become one 400 with a message per field. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = toIssues(result.error, prefix);
    throw new ValidationError(issues[0]?.message ?? 'The request is not valid.', issues);
  }
  return result.data;
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
  if (typeof team !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(team)) {
    throw new ForbiddenError('Your account has no team. Ask your administrator to set one.');
  }
  const name = typeof claims.name === 'string' && claims.name !== '' ? claims.name : sub;
  return { id: sub, name, team, roles };
};

/** Parses a JSON body: too big is 413, not JSON is 400, and neither reaches a handler. */
const jsonBody = (): MiddlewareObj<ApiEvent, ApiResult> => ({
  before: (request) => {
    const { event } = request;
    if (event.body === undefined || event.body === null || event.body === '') return;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
      throw new PayloadTooLargeError('The request body is larger than 1 MB.');
    }
    const type = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ValidationError('Send the request body as JSON, with Content-Type: application/json.', [
        { path: 'content-type', message: 'Use Content-Type: application/json' },
      ]);
    }
    try {
      event.jsonBody = JSON.parse(raw);
    } catch {
      throw new ValidationError('The request body is not valid JSON.', [
        { path: 'body', message: 'Send valid JSON' },
      ]);
    }
  },
});

/** Maps the one error hierarchy to JSON bodies; @middy/http-error-handler then writes the response. */
const appErrors = (): MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: (request) => {
    const error = request.error;
    if (error instanceof AppError) {
      request.error = Object.assign(new Error(JSON.stringify(error.toBody())), {
        statusCode: error.statusCode,
        expose: true,
        headers: { 'cache-control': 'no-store' },
      });
    }
  },
});

export type RouteHandler = (event: ApiEvent, user: User) => Promise<ApiResult>;

/** Every API route: the same middleware, in the same order, with the error handler last. */
export const apiHandler = (handler: RouteHandler) =>
  middy<ApiEvent, ApiResult, Error, Context>()
    .use(httpHeaderNormalizer())
    .use(
      httpErrorHandler({
        fallbackMessage: INTERNAL_ERROR,
        // Expected refusals are not worth a log line; anything else is.
        logger: (error: unknown) => {
          const status = (error as { statusCode?: number }).statusCode ?? 500;
          if (status >= 500) console.error(error);
        },
      }),
    )
    .use(appErrors())
    .use(originVerified())
    .use(jsonBody())
    .handler(async (event) => handler(event, userFromEvent(event)));
