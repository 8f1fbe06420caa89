/**
 * The web's accepted findings, cdk-nag's and Control Tower's (cfn-guard), each on the construct that
 * causes it, one finding id at a time, with its reason. What a setting fixes (the pages' own domain, a
 * web ACL) is acknowledged only while that setting is missing.
 */
import {
  BOOTSTRAP_QUALIFIER_CONTEXT,
  type CfnElement,
  DefaultStackSynthesizer,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { acknowledgeGuard, acknowledgeNoVpc } from './guard.ts';
import type { Web, WebProps } from './web.ts';

const PAGES_AUTHENTICATE_THEMSELVES =
  'The pages’ only route ($default) has no API Gateway authorizer because the pages authenticate themselves: Cognito managed login (code flow with PKCE, tokens verified with aws-jwt-verify), then a sealed HttpOnly __Host- session cookie with idle and absolute timeouts, a CSRF token on every POST and a role check on every page. The start, sign-in and callback pages must be reachable without a token, and the function answers nothing that did not come through CloudFront (the origin-verify header). The JSON API keeps its JWT authorizer on every route.';

export const acknowledgePagesApi = (pagesApi: HttpApi): void => {
  Validations.of(pagesApi).acknowledge({ id: 'AwsSolutions-APIG4', reason: PAGES_AUTHENTICATE_THEMSELVES });
  acknowledgeGuard(pagesApi, 'CT.APIGATEWAY.PR.5', PAGES_AUTHENTICATE_THEMSELVES);
};

/** What CloudFront cannot do here, each with its reason; a configured domain or web ACL removes its own. */
export const acknowledgeDistribution = (
  distribution: Distribution,
  props: Pick<WebProps, 'webAclArn' | 'domain'>,
): void => {
  const nag = Validations.of(distribution);
  nag.acknowledge({
    id: 'AwsSolutions-CFR1',
    reason:
      'No geo restriction: the users are council staff who sign in from home, partner offices and abroad (holidays, roaming, VPNs), and an IP country list would lock some of them out while stopping no determined attacker. Every page but start and sign-in needs a Cognito session, and Cognito’s Plus-tier threat protection already scores each sign-in by location and device.',
  });
  acknowledgeGuard(
    distribution,
    'CT.CLOUDFRONT.PR.1',
    'No default root object: `/` is the start page, answered by the pages’ function like every other page. A default root object would make CloudFront ask the origin for an object path instead; the rule guards S3 origins against listing a bucket at the root, and this distribution’s root is not S3 (the bucket is reached only under /assets/*, through origin access control).',
  );
  acknowledgeGuard(
    distribution,
    'CT.CLOUDFRONT.PR.4',
    'No origin failover: every origin (the two HTTP APIs, the assets bucket) exists once, in the stack’s one region, with the table and the workflow they depend on. A second origin would need the whole service in a second region; for a council’s internal tool, the recovery plan is the region’s own availability and point-in-time recovery of the table (docs/operations.md).',
  );
  if (!props.webAclArn) {
    nag.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'A CloudFront web ACL must be created in us-east-1, which this region-agnostic stack cannot hold; set webAclArn to attach one the council manages. Without it: CloudFront includes Shield Standard, both APIs are throttled per stage, every page but start, sign-in and the sign-in callback needs a Cognito-backed session, every API route a Cognito JWT, and every form carries a CSRF token.',
    });
  }
  if (!props.domain) {
    const defaultCertificate =
      'Without webDomainName the distribution uses CloudFront’s default *.cloudfront.net certificate, for which CloudFront fixes the viewer security policy (TLSv1) and it cannot be raised, and serves it to every client (SNI does not apply). Browsers negotiate TLS 1.2 or 1.3 with it regardless. A production deployment sets webDomainName and webCertificateArn, which gives its own certificate, SNI and TLSv1.2_2021, and removes this acknowledgement.';
    nag.acknowledge({ id: 'AwsSolutions-CFR4', reason: defaultCertificate });
    acknowledgeGuard(distribution, 'CT.CLOUDFRONT.PR.6', defaultCertificate);
    acknowledgeGuard(distribution, 'CT.CLOUDFRONT.PR.7', defaultCertificate);
    acknowledgeGuard(distribution, 'CT.CLOUDFRONT.PR.9', defaultCertificate);
  }
};

/** The two buckets: what each cannot have, and why. */
export const acknowledgeBuckets = (web: Web): void => {
  const logs = web.logBucket;
  const assets = web.assetsBucket;
  const sseS3 = {
    logs: 'SSE-S3, not SSE-KMS: CloudFront’s standard logging cannot deliver to a bucket under a KMS key. The bucket blocks all public access, refuses plain HTTP and is readable only by the account’s administrators.',
    assets:
      'SSE-S3, not SSE-KMS: the bucket holds only the public GOV.UK Frontend and app assets that every visitor downloads, so a customer managed key would protect nothing secret and would need a key grant for CloudFront’s origin access control.',
  };
  acknowledgeGuard(logs, 'CT.S3.PR.10', sseS3.logs);
  acknowledgeGuard(assets, 'CT.S3.PR.10', sseS3.assets);
  acknowledgeGuard(
    logs,
    'CT.S3.PR.2',
    'This is the access log bucket itself: logging it into itself would log its own log deliveries without end, and into another bucket would need a third bucket for that one’s logs. CloudFront and the assets bucket log here.',
  );
  const noEvents =
    'No event notifications: nothing in the service reacts to objects in this bucket. Changes to the bucket itself are in CloudTrail.';
  acknowledgeGuard(logs, 'CT.S3.PR.4', noEvents);
  acknowledgeGuard(assets, 'CT.S3.PR.4', noEvents);
  acknowledgeGuard(
    assets,
    'CT.S3.PR.11',
    'No versioning: every object is rebuilt from the repository and uploaded again on each deploy (stale ones pruned), so an older version is always in git; versions would only keep stale copies.',
  );
  acknowledgeGuard(
    assets,
    'CT.S3.PR.9',
    'No object lock: the bucket is rebuilt on every deploy and emptied when the stack is deleted; locking would stop both.',
  );
  acknowledgeGuard(
    logs,
    'CT.S3.PR.11',
    'No versioning: CloudFront and S3 write each log file once under a new key and never overwrite it, and the lifecycle rule deletes files after logRetentionDays; versions would keep deleted logs (viewer IPs, search words) past that retention. The audit record of what people did is the experiment log in the table (point-in-time recovery), not these request logs.',
  );
  acknowledgeGuard(
    logs,
    'CT.S3.PR.9',
    'No object lock: these are request logs kept for logRetentionDays, not the audit record (that is the experiment log in the table, with point-in-time recovery). Locking them would keep viewer IPs and search words even when the council must erase them, and would stop a dev stack from being deleted.',
  );
  // CDK's own handler that empties the dev stack's log bucket on delete (a singleton at the stack root).
  const autoDelete = Stack.of(web).node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
  if (autoDelete) acknowledgeNoVpc(autoDelete);
};

/**
 * BucketDeployment's handler is CDK's own (Python and the AWS CLI, one per stack), runs only while
 * CloudFormation deploys or deletes the stack, and takes no input from users. Its runtime and grants
 * are CDK's; these are them, one finding at a time.
 */
export const acknowledgeDeployment = (web: Web, deployment: BucketDeployment): void => {
  const stack = Stack.of(web);
  const bucketId = stack.getLogicalId(web.assetsBucket.node.defaultChild as CfnElement);
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
    (web.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) as string | undefined) ??
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
  const handler = deployment.handlerRole.node.scope as Construct;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'CDK’s BucketDeployment handler runs on the Python runtime aws-cdk-lib pins (python3.13 with the AWS CLI layer) and cannot be changed from outside; it runs only during deployments and handles no user input. Upgrading aws-cdk-lib moves it on.',
  });
  acknowledgeNoVpc(handler);
};
