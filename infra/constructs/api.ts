import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  type HttpStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { apiRoutes, type FunctionName } from '#functions/registry.ts';
import { ApiOrigin } from './api-origin.ts';
import type { AppFunction } from './app-function.ts';
import { AppLogGroup } from './app-log-group.ts';
import { acknowledgeGuard } from './guard.ts';

export interface ApiProps {
  functions: Partial<Record<FunctionName, AppFunction>>;
  userPool: IUserPool;
  client: IUserPoolClient;
  logRetention: RetentionDays;
  retainLogs: boolean;
  rateLimit: number;
  burstLimit: number;
  /** The secret CloudFront sends in the origin-verify header; every route's function checks it. */
  originVerifySecretName: string;
  /** The API's own name (then its `execute-api` address is switched off), or none. */
  domain: { domainName: string; certificateArn: string } | undefined;
}

const METHODS: Record<string, HttpMethod> = {
  GET: HttpMethod.GET,
  POST: HttpMethod.POST,
  PUT: HttpMethod.PUT,
  PATCH: HttpMethod.PATCH,
  DELETE: HttpMethod.DELETE,
};

/*
 * One line per request. No query string and no body: a search word or a form field may hold a
 * family's details, and access logs are kept for months.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

const PUBLIC_ROUTE_HOLDS_NO_DATA =
  'This route has no authorizer on purpose: it serves the API’s OpenAPI description (docs/openapi.json, bundled into the function), which holds no data and is the same for everyone, so that a council’s IT team can read it before anyone has an account. Its function reads no table and no token, and still answers nothing that did not come through CloudFront (the origin-verify header). Every other route of the JSON API keeps the Cognito JWT authorizer, which test/infra/stack-edge.test.ts checks.';

/** The findings a route without an authorizer raises, acknowledged on that route alone, with the reason. */
const acknowledgePublicRoute = (route: HttpRoute): void => {
  Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason: PUBLIC_ROUTE_HOLDS_NO_DATA });
  acknowledgeGuard(route, 'CT.APIGATEWAY.PR.5', PUBLIC_ROUTE_HOLDS_NO_DATA);
};

/**
 * The JSON API: one route per registry entry, each behind the Cognito JWT authorizer but for the ones
 * the registry marks `public` (the API's own description, which holds no data), with access logs and
 * stage throttling. The local runtime's `/local/*` routes have no counterpart here.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogGroup: AppLogGroup;
  /** Where CloudFront finds the API, and what it must send. */
  readonly origin: ApiOrigin;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    // The API Gateway checks signature, issuer, expiry and audience; the handlers check the groups.
    const authorizer = new HttpJwtAuthorizer(
      'CognitoJwt',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.client.userPoolClientId], identitySource: ['$request.header.Authorization'] },
    );

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Fail Forward JSON API (behind CloudFront, under /api)',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      disableExecuteApiEndpoint: props.domain !== undefined,
    });
    this.origin = new ApiOrigin(this, 'Origin', {
      api: this.httpApi,
      domain: props.domain,
      secretName: props.originVerifySecretName,
      outputName: 'Api',
    });

    this.accessLogGroup = new AppLogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      retain: props.retainLogs,
    });
    this.stage = this.origin.defaultStage({
      rateLimit: props.rateLimit,
      burstLimit: props.burstLimit,
      accessLogGroup: this.accessLogGroup,
      accessLogFormat: ACCESS_LOG_FORMAT,
    });

    for (const route of apiRoutes()) {
      if (!route.path.startsWith('/api/')) {
        throw new Error(`Route ${route.routeKey} is outside /api: only the API is deployed`);
      }
      const method = METHODS[route.method];
      const handler = props.functions[route.name];
      if (!method || !handler) throw new Error(`Route ${route.routeKey} has no method or function`);
      const added = this.httpApi.addRoutes({
        path: route.path,
        methods: [method],
        integration: new HttpLambdaIntegration(`${route.name}-integration`, handler),
        // The API's default is the JWT authorizer, so a public route must say "none" explicitly.
        authorizer: route.public ? new HttpNoneAuthorizer() : authorizer,
      });
      if (route.public) for (const publicRoute of added) acknowledgePublicRoute(publicRoute);
      this.origin.checkedBy(handler);
    }
  }
}
