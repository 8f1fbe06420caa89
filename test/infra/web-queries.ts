/**
 * What the web tests (web.test.ts, web-function.test.ts) share: the deployment settings they synthesize
 * with, and the questions they ask of the distribution, its origins and the web pages' function.
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { type Json, logicalId, PROD_CONTEXT, type SynthedApp } from './synth-app.ts';

export const DOMAIN_CONTEXT = {
  ...PROD_CONTEXT,
  webDomainName: 'failforward.example.gov.uk',
  webCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666',
  webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/fail-forward/0a1b2c3d',
  apiCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/9f8e7d6c-1111-2222-3333-444455556666',
};

export const ORIGIN_VERIFY = {
  HeaderName: 'x-origin-verify',
  HeaderValue: '{{resolve:secretsmanager:fail-forward/prod/origin-verify:SecretString:::}}',
};

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  ResponseHeadersPolicyId?: Json;
  AllowedMethods: string[];
  ViewerProtocolPolicy: string;
}

interface Origin {
  Id: string;
  DomainName: Json;
  OriginCustomHeaders?: Json[];
  OriginAccessControlId?: Json;
  S3OriginConfig?: Record<string, Json>;
  CustomOriginConfig?: Record<string, Json>;
}

export const distributionConfig = (app: SynthedApp) =>
  app.single('AWS::CloudFront::Distribution').Properties.DistributionConfig as unknown as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
    Origins: Origin[];
    Aliases?: string[];
    ViewerCertificate?: Record<string, Json>;
    WebACLId?: string;
  };

// AWS managed policies (CloudFront developer guide, "Use managed cache / origin request policies").
export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
export const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** The origin's host as the template builds it: `<api id>.execute-api...` or the bucket's regional name. */
export const originFor = (app: SynthedApp, behavior: Behavior) => {
  const origin = distributionConfig(app).Origins.find((o) => o.Id === behavior.TargetOriginId);
  if (!origin) throw new Error(`No origin ${behavior.TargetOriginId}`);
  return origin;
};

export const apiRef = (app: SynthedApp, api: IConstruct) => ({ Ref: logicalId(app, api.node.defaultChild) });

/** Every acknowledgement in the tree, as the construct path it sits on and the finding id. */
export const acknowledgements = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.keys(entry.data as Record<string, string>).map((id) => ({
          scope: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
        })),
      ),
  );

export const environmentOf = (app: SynthedApp): Record<string, Json> => {
  const fn = app.resources[logicalId(app, app.stack.web.function.node.defaultChild)];
  return (fn?.Properties.Environment as { Variables: Record<string, Json> } | undefined)?.Variables ?? {};
};
