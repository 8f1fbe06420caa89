import { CfnOutput, SecretValue, Stack } from 'aws-cdk-lib';
import type { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type DomainMappingOptions,
  DomainName,
  EndpointType,
  type HttpApi,
  type HttpStage,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { OriginProtocolPolicy, OriginSslPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_SECRET_ENV } from '#shared/http/origin-verify.ts';
import type { AppFunction } from './app-function.ts';
import { acknowledgeGuard } from './guard.ts';

export interface ApiOriginProps {
  api: HttpApi;
  /** The API's own name and a certificate for it in the stack's region, or none. */
  domain: { domainName: string; certificateArn: string } | undefined;
  secretName: string;
  /** Names the DNS target output, `<outputName>OriginDnsTarget`. */
  outputName: string;
}

/** The `$default` stage's request limits and access log. */
export interface StageProps {
  rateLimit: number;
  burstLimit: number;
  accessLogGroup: ILogGroup;
  accessLogFormat: AccessLogFormat;
}

/**
 * How CloudFront reaches one HTTP API, and how the API knows a request came that way.
 *
 * - With a domain, the API has a regional custom domain name (TLS 1.2) and its `execute-api` address
 *   is switched off; CloudFront's origin is that name, which the operator points at the API
 *   (the `<outputName>OriginDnsTarget` output). CloudFront cannot use a switched-off default address.
 * - Without one (a dev stack), CloudFront's origin is the `execute-api` address.
 *
 * Either address is public, so in both cases CloudFront sends the origin-verify header with a value
 * from Secrets Manager (a dynamic reference: the template never holds it), and every function behind
 * the API refuses a request without it (shared/http/origin-verify.ts).
 */
export class ApiOrigin extends Construct {
  /** Pass to the `$default` stage, so the custom domain (if any) maps to it. */
  readonly domainMapping: { domainMapping?: DomainMappingOptions };
  readonly host: string;
  private readonly api: HttpApi;
  private readonly secret: ISecret;
  private readonly secretName: string;
  private readonly checked = new Set<AppFunction>();

  constructor(scope: Construct, id: string, props: ApiOriginProps) {
    super(scope, id);
    this.api = props.api;
    this.secretName = props.secretName;
    this.secret = Secret.fromSecretNameV2(this, 'OriginVerifySecret', props.secretName);

    if (props.domain) {
      const domainName = new DomainName(this, 'Domain', {
        domainName: props.domain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
        endpointType: EndpointType.REGIONAL,
        securityPolicy: SecurityPolicy.TLS_1_2,
      });
      this.domainMapping = { domainMapping: { domainName } };
      this.host = props.domain.domainName;
      new CfnOutput(this, 'DnsTarget', {
        value: domainName.regionalDomainName,
        description: `Where the DNS record (CNAME) of ${props.domain.domainName} must point`,
      }).overrideLogicalId(`${props.outputName}OriginDnsTarget`);
    } else {
      const stack = Stack.of(this);
      this.domainMapping = {};
      this.host = `${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    }

    acknowledgeGuard(
      props.api,
      'CT.LAMBDA.PR.2',
      'Each permission lets only apigateway.amazonaws.com invoke the function, with SourceArn set to this API’s own execute-api ARN for that route. The rule accepts SourceArn only as a literal string or a reference, and CDK builds the ARN with Fn::Join from the API id, region and account, so the check cannot see the condition that is there.',
    );
  }

  /** The API's `$default` stage, mapped to its own name if it has one, throttled and with an access log. */
  defaultStage(props: StageProps): HttpStage {
    return this.api.addStage('DefaultStage', {
      ...this.domainMapping,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(props.accessLogGroup),
        format: props.accessLogFormat,
      },
    });
  }

  /** CloudFront's origin for this API: HTTPS with TLS 1.2, carrying the origin-verify header. */
  cloudFrontOrigin(): HttpOrigin {
    return new HttpOrigin(this.host, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: {
        [ORIGIN_VERIFY_HEADER]: SecretValue.secretsManager(this.secretName).unsafeUnwrap(),
      },
    });
  }

  /** The function behind the API learns the secret's name and may read that one secret. */
  checkedBy(fn: AppFunction): void {
    if (this.checked.has(fn)) return;
    this.checked.add(fn);
    fn.addEnvironment(ORIGIN_VERIFY_SECRET_ENV, this.secretName);
    this.secret.grantRead(fn);
  }
}
