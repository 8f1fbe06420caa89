import {
  BOOTSTRAP_QUALIFIER_CONTEXT,
  type CfnElement,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, type HttpStage, type IHttpApi, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import type { Auth } from './auth.ts';
import { WEB_FUNCTION, webAssetsSource } from './function-bundles.ts';

export interface WebProps {
  production: boolean;
  logRetention: RetentionDays;
  reservedConcurrency: number | undefined;
  /** The pages' API stage limits, requests per second and burst. */
  rateLimit: number;
  burstLimit: number;
  /** The services' settings, the same the API functions get (TABLE_NAME, STATE_MACHINE_ARN, PUBLIC_URL). */
  environment: Record<string, string>;
  table: TableV2;
  stateMachine: IStateMachine;
  /** The JSON API, served under `/api/*` from the same address as the pages. */
  api: IHttpApi;
  auth: Auth;
  /** The address the pages send people back to from managed login (PUBLIC_URL). */
  publicUrl: string;
  sessionSecretName: string;
  domain: { domainName: string; certificateArn: string } | undefined;
  webAclArn: string | undefined;
}

/** The CSV export page shares export-csv's limit, just inside API Gateway's 30-second integration timeout. */
const PAGE_TIMEOUT = Duration.seconds(29);

/** Two years, as the HSTS preload list asks. */
const HSTS_MAX_AGE = Duration.days(730);

/** The same shape as the JSON API's access log: no query string (a search word may name a family), no body. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/** `<api id>.execute-api.<region>.amazonaws.com`: an HTTP API's host, as a CloudFront origin wants it. */
const apiHost = (scope: Construct, api: IHttpApi): string => {
  const stack = Stack.of(scope);
  return `${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
};

/**
 * Web: the web pages' Lambda behind CloudFront. Static assets come from S3 with origin access control,
 * and the security headers policy is applied.
 *
 * One address serves everything: `/assets/*` from a private S3 bucket, `/api/*` from the JSON API, and
 * every other path from the pages' function.
 *
 * The pages' function sits behind an HTTP API of its own (one `$default` route), not behind a Lambda
 * function URL with origin access control. With OAC, Lambda only accepts a POST whose viewer sent the
 * body's SHA-256 in `x-amz-content-sha256`, which no browser does for an HTML form
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html),
 * and the pages must work with JavaScript off. Signing in CloudFront needs Lambda@Edge in us-east-1,
 * which this region-agnostic stack cannot hold. The HTTP API is what the handler is written for
 * (payload 2.0), adds access logs and throttling, and reaching it directly bypasses nothing the pages
 * rely on: the handler sets its own security headers, its `__Host-` cookies are bound to the CloudFront
 * host, and managed login only returns people to the configured callback address.
 *
 * Callback URLs: the Cognito app client (its callback URLs) must exist before the pages' function,
 * which needs the client id, and the distribution's address is only known once the function's API and
 * the distribution exist. Feeding that address back into the client would be a circular dependency, so
 * the callback URLs come from configuration: either the deployment's own domain (`webDomainName`), or,
 * on CloudFront's default address, the `WebCallbackUrl` output set as `callbackUrls` after the first
 * deploy (docs/operations.md).
 */
export class Web extends Construct {
  readonly function: AppFunction;
  readonly pagesApi: HttpApi;
  readonly pagesStage: HttpStage;
  readonly accessLogGroup: LogGroup;
  readonly assetsBucket: Bucket;
  /** CloudFront's standard logs and the assets bucket's server access logs. */
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    // S3 server access logs delivered under a bucket policy rather than the LogDeliveryWrite canned ACL,
    // which CloudFormation would re-apply over the grant CloudFront adds to the log bucket's ACL.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.function = this.pagesFunction(props);

    // The pages keep their own session (a sealed cookie, CSRF tokens, role checks per page), so their
    // API has no authorizer: the sign-in page itself must be reachable without a token.
    this.pagesApi = new HttpApi(this, 'PagesApi', {
      description: 'Fail Forward web pages (behind CloudFront)',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('PagesIntegration', this.function),
    });
    this.accessLogGroup = new LogGroup(this, 'PagesAccessLogs', {
      retention: props.logRetention,
      removalPolicy,
    });
    this.pagesStage = this.pagesApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: ACCESS_LOG_FORMAT,
      },
    });
    Validations.of(this.pagesApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The pages’ only route ($default) has no API Gateway authorizer because the pages authenticate themselves: Cognito managed login (code flow with PKCE, tokens verified with aws-jwt-verify), then a sealed HttpOnly __Host- session cookie with idle and absolute timeouts, a CSRF token on every POST and a role check on every page. The start, sign-in and callback pages must be reachable without a token. The JSON API keeps its JWT authorizer on every route.',
    });

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront's standard logging delivers with an object ACL, so ACLs cannot be switched off here;
      // the bucket owner still owns every log file.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // SSE-S3: CloudFront cannot deliver standard logs to a bucket under a KMS key.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // As long as the log groups keep theirs: the logs hold viewer IPs and query strings.
      lifecycleRules:
        props.logRetention === RetentionDays.INFINITE
          ? []
          : [{ expiration: Duration.days(props.logRetention) }],
      // Kept with a production stack, like the log groups; a dev stack empties it and goes completely.
      removalPolicy,
      autoDeleteObjects: !props.production,
    });

    this.assetsBucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-assets/',
      // No versioning and no retention: every object is rebuilt from the repository on each deploy, and
      // the deployment below empties the bucket when the stack is deleted.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Fail Forward: HSTS, nosniff, frame DENY, referrer policy (the CSP comes from the pages)',
      securityHeadersBehavior: {
        // The pages send a one-year HSTS of their own; the edge raises it to two years with preload, and
        // covers the assets, which S3 sends without.
        strictTransportSecurity: {
          accessControlMaxAge: HSTS_MAX_AGE,
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        // Not overriding: the pages send the stricter `no-referrer`, which must win; assets get this one.
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: false,
        },
        // No contentSecurityPolicy: the pages send their own, with a fresh nonce on every response.
      },
    });

    // Nothing the function or the API answers may be cached: every page may show someone's name or ideas.
    // All viewer headers but Host (API Gateway answers only to its own host), every cookie and query string.
    const dynamic: Omit<BehaviorOptions, 'origin'> = {
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: this.responseHeadersPolicy,
    };
    const apiOrigin = (api: IHttpApi) =>
      new HttpOrigin(apiHost(this, api), {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      });
    const domain = props.domain;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Fail Forward web pages, assets and API',
      defaultBehavior: { origin: apiOrigin(this.pagesApi), ...dynamic },
      additionalBehaviors: {
        // With caching disabled, ALL_VIEWER_EXCEPT_HOST_HEADER forwards Authorization, which the JWT
        // authorizer reads. HTTPS only: an API client must not be redirected with its token.
        '/api/*': {
          origin: apiOrigin(props.api),
          ...dynamic,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        },
        '/assets/*': {
          origin: S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: this.responseHeadersPolicy,
          compress: true,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America edges: the people using it are in Wales.
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(domain
        ? {
            domainNames: [domain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      // The only log with the viewer's own IP: behind CloudFront, API Gateway logs an edge address.
      // Query strings are in it too (a leader's search words), so it lives as long as the log groups.
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
    });
    this.acknowledgeDistribution(props);

    const deployment = new BucketDeployment(this, 'AssetsDeployment', {
      sources: [webAssetsSource()],
      destinationBucket: this.assetsBucket,
      destinationKeyPrefix: 'assets/',
      prune: true,
      retainOnDelete: false,
      // The file names carry no version, so edge and browsers keep a copy five minutes at most (CloudFront
      // honours max-age under CACHING_OPTIMIZED) and a deploy needs no invalidation, whose IAM action
      // CDK would grant on every distribution in the account.
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.minutes(5))],
      logGroup: new LogGroup(this, 'AssetsDeploymentLogs', { retention: props.logRetention, removalPolicy }),
    });
    this.acknowledgeDeployment(deployment);
  }

  /** The pages' function: the API functions' services and access, plus sign-in and the session secret. */
  private pagesFunction(props: WebProps): AppFunction {
    const fn = new AppFunction(this, 'Function', {
      name: WEB_FUNCTION,
      description: 'Fail Forward web pages',
      timeout: PAGE_TIMEOUT,
      logRetention: props.logRetention,
      retainLogs: props.production,
      reservedConcurrency: props.reservedConcurrency,
      environment: {
        ...props.environment,
        // Never 'demo' here: demo sign-in lets anyone be anyone, and the handler refuses it in Lambda too.
        WEB_SIGN_IN: 'cognito',
        // Only the secret's name: the handler reads the value from Secrets Manager at run time.
        SESSION_SECRET_NAME: props.sessionSecretName,
        // Same origin: CloudFront serves /assets/* from S3, so the CSP needs no other host.
        ASSETS_URL: '/assets',
        PUBLIC_URL: props.publicUrl,
        COGNITO_DOMAIN: props.auth.domain.baseUrl(),
        USER_POOL_ID: props.auth.userPool.userPoolId,
        USER_POOL_CLIENT_ID: props.auth.client.userPoolClientId,
      },
    });
    // The pages do what the API functions do: submit (StartExecution), decide and record cycles (answer
    // the waiting tasks' tokens), publish policies; so read and write on the table.
    fn.bindTable(props.table, 'readWrite');
    props.stateMachine.grantStartExecution(fn);
    props.stateMachine.grantTaskResponse(fn);
    Secret.fromSecretNameV2(this, 'SessionSecret', props.sessionSecretName).grantRead(fn);
    return fn;
  }

  /** What CloudFront cannot do here, each with its reason; a configured domain or web ACL removes its own. */
  private acknowledgeDistribution(props: WebProps): void {
    const distribution = Validations.of(this.distribution);
    distribution.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: the users are council staff who sign in from home, partner offices and abroad (holidays, roaming, VPNs), and an IP country list would lock some of them out while stopping no determined attacker. Every page but start and sign-in needs a Cognito session, and Cognito’s Plus-tier threat protection already scores each sign-in by location and device.',
    });
    if (!props.webAclArn) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'A CloudFront web ACL must be created in us-east-1, which this region-agnostic stack cannot hold; set webAclArn to attach one the council manages. Without it: CloudFront includes Shield Standard, both APIs are throttled per stage, every page but start, sign-in and the sign-in callback needs a Cognito-backed session, every API route a Cognito JWT, and every form carries a CSRF token.',
      });
    }
    if (!props.domain) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without webDomainName the distribution uses CloudFront’s default *.cloudfront.net certificate, for which CloudFront fixes the viewer security policy (TLSv1) and it cannot be raised. Browsers negotiate TLS 1.2 or 1.3 with it regardless. A production deployment sets webDomainName and webCertificateArn, which sets TLSv1.2_2021 and removes this acknowledgement.',
      });
    }
  }

  /**
   * BucketDeployment's handler is CDK's own (Python and the AWS CLI, one per stack), runs only while
   * CloudFormation deploys or deletes the stack, and takes no input from users. Its runtime and grants
   * are CDK's; these are them, one finding at a time.
   */
  private acknowledgeDeployment(deployment: BucketDeployment): void {
    const stack = Stack.of(this);
    const bucketId = stack.getLogicalId(this.assetsBucket.node.defaultChild as CfnElement);
    const role = Validations.of(deployment.handlerRole);
    role.acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK attaches the AWS managed basic execution role (CloudWatch Logs only) to its BucketDeployment handler and offers no way to replace it; the handler runs only during deployments.',
    });
    const reads =
      'Part of CDK’s grantRead for BucketDeployment, on two buckets only: the CDK bootstrap assets bucket the asset zip is staged in, and the web assets bucket.';
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*']) {
      role.acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: `${action}: ${reads}` });
    }
    const writes =
      'Part of CDK’s grantReadWrite for BucketDeployment on the web assets bucket only, so a deploy can remove files that are no longer built (prune) and abort a failed multipart upload.';
    for (const action of ['s3:DeleteObject*', 's3:Abort*']) {
      role.acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: `${action}: ${writes}` });
    }
    const qualifier =
      (this.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) as string | undefined) ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    role.acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*]`,
      reason:
        'Read-only on the objects of the CDK bootstrap assets bucket of this account and region, where CDK stages the zip of the web assets; the object key is only known at deploy time.',
    });
    role.acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason:
        'The objects of the web assets bucket, which the deployment writes and prunes; that bucket holds nothing but the built assets.',
    });
    // The role's scope is CDK's singleton handler function, which lives at the stack's root.
    Validations.of(deployment.handlerRole.node.scope as Construct).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'CDK’s BucketDeployment handler runs on the Python runtime aws-cdk-lib pins (python3.13 with the AWS CLI layer) and cannot be changed from outside; it runs only during deployments and handles no user input. Upgrading aws-cdk-lib moves it on.',
    });
  }
}
