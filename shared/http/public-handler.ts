import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { errorHandling } from './error-handling.ts';
import { originVerified } from './origin-verify.ts';

/**
 * A route that needs no sign-in (the API's own description): no JWT authorizer in front of it
 * (`public: true` in functions/registry.ts) and no caller to read, but still only through CloudFront,
 * and errors in the same shape as every other route. It imports neither zod nor the services.
 */
export const publicHandler = (
  answer: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(errorHandling<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>())
    .use(originVerified())
    .handler(answer);
