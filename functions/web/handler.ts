/**
 * The web pages' Lambda: API Gateway HTTP API payload 2.0 events, without a JWT authorizer (the pages
 * keep their own session cookie), behind CloudFront in AWS and behind `infra/local/web-route.ts` on one
 * machine. It calls the same domain services as the JSON API, never the API over HTTP.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { services } from '#shared/services/index.ts';
import { createWebApp } from './app.ts';
import type { WebResponse } from './http.ts';

const app = createWebApp({ services });

export const handler = (event: APIGatewayProxyEventV2): Promise<WebResponse> => app.handle(event);
