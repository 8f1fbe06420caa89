/**
 * The web pages' Lambda: API Gateway HTTP API payload 2.0 events, without a JWT authorizer (the pages
 * keep their own sessions), behind CloudFront. People sign in with Cognito's managed login; on one
 * machine `infra/local/web-route.ts` builds the same app with the demo users instead. It calls the same
 * domain services as the JSON API, never the API over HTTP.
 */
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { services } from '#shared/services/index.ts';
import { createWebApp } from './app.ts';
import { cognitoConfig } from './auth/cognito-config.ts';
import { cognitoSignIn } from './auth/cognito-sign-in.ts';
import type { WebResponse } from './http.ts';
import { PRECOMPILED_DIR, precompiledTemplates } from './render.ts';

const app = createWebApp({
  services,
  sessions: () => services().sessions,
  signIn: cognitoSignIn({ config: () => cognitoConfig(process.env) }),
  // Compiled into the package by its build (infra/constructs/function-bundles.ts), beside index.mjs.
  templates: precompiledTemplates(join(import.meta.dirname, PRECOMPILED_DIR)),
});

export const handler = (event: APIGatewayProxyEventV2): Promise<WebResponse> => app.handle(event);
