import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
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
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { LIBRARY_MEMORY_MB } from '#functions/registry.ts';
import { ApiOrigin } from './api-origin.ts';
import { AppFunction } from './app-function.ts';
import { AppLogGroup } from './app-log-group.ts';
import type { Auth } from './auth.ts';
import { WEB_FUNCTION, webAssetsSource } from './function-bundles.ts';
import {
  acknowledgeBuckets,
  acknowledgeDeployment,
  acknowledgeDistribution,
  acknowledgePagesApi,
} from './web-findings.ts';

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
  apiOrigin: ApiOrigin;
  auth: Auth;
  /** The address the pages send people back to from managed login (PUBLIC_URL). */
  publicUrl: string;
  sessionSecretName: string;
  domain: { domainName: string; certificateArn: string } | undefined;
  webAclArn: string | undefined;
  /** The pages' API's own name (then its `execute-api` address is switched off), or none. */
  pagesApiDomain: { domainName: string; certificateArn: string } | undefined;
  /** The secret CloudFront sends to both APIs in the origin-verify header. */
  originVerifySecretName: string;
}

/** The CSV export page shares export-csv's limit, just inside API Gateway's 30-second integration timeout. */
const PAGE_TIMEOUT = Duration.seconds(29);

/** S3 keeps the parts of an upload that never finished (a deploy cut short) until told otherwise. */
const ABORT_UPLOADS = { abortIncompleteMultipartUploadAfter: Duration.days(1) };

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
 * (payload 2.0) and adds access logs and throttling. Like the JSON API, it answers only CloudFront
 * (see api-origin.ts): with the pages' own domain its `execute-api` address is switched off, and in
 * every case the function refuses a request without CloudFront's origin-verify header.
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
  readonly pagesOrigin: ApiOrigin;
  readonly accessLogGroup: AppLogGroup;
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
      disableExecuteApiEndpoint: props.pagesApiDomain !== undefined,
    });
    this.pagesOrigin = new ApiOrigin(this, 'PagesOrigin', {
      api: this.pagesApi,
      domain: props.pagesApiDomain,
      secretName: props.originVerifySecretName,
      outputName: 'Pages',
    });
    this.pagesOrigin.checkedBy(this.function);
    this.accessLogGroup = new AppLogGroup(this, 'PagesAccessLogs', {
      retention: props.logRetention,
      retain: props.production,
    });
    this.pagesStage = this.pagesOrigin.defaultStage({
      rateLimit: props.rateLimit,
      burstLimit: props.burstLimit,
      accessLogGroup: this.accessLogGroup,
      accessLogFormat: ACCESS_LOG_FORMAT,
    });
    acknowledgePagesApi(this.pagesApi);

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
      lifecycleRules: [
        ...(props.logRetention === RetentionDays.INFINITE
          ? []
          : [{ expiration: Duration.days(props.logRetention) }]),
        ABORT_UPLOADS,
      ],
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
      lifecycleRules: [ABORT_UPLOADS],
    });
    acknowledgeBuckets(this);

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
    const domain = props.domain;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Fail Forward web pages, assets and API',
      defaultBehavior: { origin: this.pagesOrigin.cloudFrontOrigin(), ...dynamic },
      additionalBehaviors: {
        // With caching disabled, ALL_VIEWER_EXCEPT_HOST_HEADER forwards Authorization, which the JWT
        // authorizer reads. HTTPS only: an API client must not be redirected with its token.
        '/api/*': {
          origin: props.apiOrigin.cloudFrontOrigin(),
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
    acknowledgeDistribution(this.distribution, props);

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
      logGroup: new AppLogGroup(this, 'AssetsDeploymentLogs', {
        retention: props.logRetention,
        retain: props.production,
      }),
    });
    acknowledgeDeployment(this, deployment);
  }

  /** The pages' function: the API functions' services and access, plus sign-in and the session secret. */
  private pagesFunction(props: WebProps): AppFunction {
    const fn = new AppFunction(this, 'Function', {
      name: WEB_FUNCTION,
      description: 'Fail Forward web pages',
      timeout: PAGE_TIMEOUT,
      // The library's pages and "ideas like yours" load and search its index here, as the library's
      // own functions do: on first use, with a whole vCPU (docs/performance.md).
      memorySize: LIBRARY_MEMORY_MB,
      logRetention: props.logRetention,
      retainLogs: props.production,
      reservedConcurrency: props.reservedConcurrency,
      environment: {
        ...props.environment,
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
}
