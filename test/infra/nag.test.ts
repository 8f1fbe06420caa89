import { basename } from 'node:path';
import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '#infra/app.ts';
import { GUARD_PLUGIN, GUARD_RULES, guardValidator } from '#infra/constructs/guard.ts';
import { PROD_CONTEXT, type SynthedApp, synthApp } from './synth-app.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** Every acknowledgement in the tree: the construct it sits on, the finding id, the reason. */
const acknowledgements = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          scope: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

const GUARD_PREFIX = `${GUARD_PLUGIN}::`;
const isGuard = (ack: { id: string }) => ack.id.startsWith(GUARD_PREFIX);

/** A production deployment with everything configured: own domain, web ACL, and the CloudFront alarm stack. */
const FULL_CONTEXT = {
  ...PROD_CONTEXT,
  webDomainName: 'failforward.example.gov.uk',
  webCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666',
  apiCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/9f8e7d6c-1111-2222-3333-444455556666',
  webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/fail-forward/0a1b2c3d',
  webDistributionId: 'E2QWRUHAPOMQZL',
};

/**
 * What the Control Tower rules find when no acknowledgement counts: the plugin run on the templates
 * the app already synthesized, each finding mapped back from its logical id to its construct path.
 */
const rawGuardFindings = (app: SynthedApp['app']) => {
  const assembly = app.synth();
  const stacks = app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  const pathOf = (template: string, logicalId: string) => {
    const stack = stacks.find((st) => st.templateFile === basename(template));
    const element = stack?.node
      .findAll()
      .find((c) => c instanceof CfnElement && stack.getLogicalId(c) === logicalId);
    return element?.node.path ?? `${template}#${logicalId}`;
  };
  const report = guardValidator().validate({
    templatePaths: assembly.stacks.map((st) => st.templateFullPath),
    stackTemplates: [],
    appConstruct: app,
  });
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => ({
      rule: `${GUARD_PREFIX}${v.ruleName}`,
      path: pathOf(r.templatePath ?? '', r.resourceLogicalId ?? ''),
    })),
  );
};

const under = (path: string, scope: string) => path === scope || path.startsWith(`${scope}/`);

/** What AwsSolutions finds when no acknowledgement counts: every raw finding with its resource. */
const rawFindings = (root: IConstruct) => {
  const checks = new AwsSolutionsChecks();
  // Test-only: the pack's private lookup, switched off to see what the acknowledgements hide.
  Object.assign(checks, { isAcknowledged: () => false });
  return checks
    .validateScope(root)
    .violations.flatMap((v) =>
      v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })),
    );
};

describe.each([
  ['dev', {}],
  ['prod', PROD_CONTEXT],
  ['prod with its own domain and the CloudFront alarm stack', FULL_CONTEXT],
])('cdk-nag AwsSolutions and the Control Tower rules on the %s app', (_stage, context) => {
  let app: SynthedApp['app'];

  // createApp registers AwsSolutionsChecks and the cfn-guard plugin: any unacknowledged finding of
  // either makes this synth throw. One synth per configuration serves every test below.
  beforeAll(() => {
    app = synthApp(context).app;
  });

  it('synthesizes with the plugin and has zero unacknowledged findings', () => {
    // Act
    const report = new AwsSolutionsChecks().validateScope(app);

    // Assess
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual(
      [],
    );
    expect(report.success).toBe(true);
  });

  it('acknowledges only known kinds of finding, each one finding id with a reason, none stale', () => {
    // Act
    const acks = acknowledgements(app).filter((a) => !isGuard(a));
    const findings = rawFindings(app);

    // Assess
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      // IAM5 wildcards and optional MFA; the web's CloudFront, assets bucket and pages API findings; and
      // IAM4, L1 and action wildcards, which only CDK's BucketDeployment handler has (test/infra/web.test.ts).
      expect(ack.id).toMatch(
        /^AwsSolutions-(IAM5\[(Resource|Action)::[^\]]+\]|IAM4\[Policy::[^\]]+\]|COG2|CFR[124]|APIG4|L1)$/,
      );
      expect(ack.reason.length).toBeGreaterThan(80);
      const hidden = findings.filter((f) => f.rule === ack.id && f.path.startsWith(`${ack.scope}/`));
      expect({ ack: `${ack.scope} ${ack.id}`, hides: hidden.length > 0 }).toEqual({
        ack: `${ack.scope} ${ack.id}`,
        hides: true,
      });
    }
    for (const finding of findings) {
      const covered = acks.some((a) => a.id === finding.rule && finding.path.startsWith(`${a.scope}/`));
      expect({ ...finding, covered }).toEqual({ ...finding, covered: true });
    }
  });

  it('passes every Control Tower rule or acknowledges it, one control at a time with its reason, none stale', () => {
    // Act
    const acks = acknowledgements(app).filter(isGuard);
    const findings = rawGuardFindings(app);
    const known = new Set(Object.values(GUARD_RULES).map((rule) => `${GUARD_PREFIX}${rule}`));

    // Assess
    expect(findings.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(known.has(ack.id)).toBe(true);
      expect(ack.reason).toMatch(/^CT\.[A-Z0-9-]+\.PR\.\d+: .{80,}/);
      const hides = findings.some((f) => f.rule === ack.id && under(f.path, ack.scope));
      expect({ ack: `${ack.scope} ${ack.id}`, hides }).toEqual({
        ack: `${ack.scope} ${ack.id}`,
        hides: true,
      });
    }
    for (const finding of findings) {
      const covered = acks.some((a) => a.id === finding.rule && under(finding.path, a.scope));
      expect({ ...finding, covered }).toEqual({ ...finding, covered: true });
    }
  });
});

describe('the policy gates', () => {
  it('fails the synth on a finding nobody acknowledged', () => {
    // Prepare
    const { app, stack } = createApp({ context: NO_BUNDLING }, {});
    new Topic(stack, 'PlainTopic');

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SNS3/);
  });

  it('fails the synth on a Control Tower finding nobody acknowledged', () => {
    // Prepare
    const { app, stack } = createApp({ context: NO_BUNDLING }, {});
    // cdk-nag has no rule for log groups; CT.CLOUDWATCH.PR.3 wants a KMS key on each.
    new LogGroup(stack, 'PlainLogGroup');

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/cloudwatch_log_group_encrypted_check/);
  });

  it('is not silenced for the whole stack by an acknowledgement meant for one resource', () => {
    // Prepare
    const { app, stack } = createApp({ context: { ...NO_BUNDLING, ...PROD_CONTEXT, requireMfa: true } }, {});

    // Act
    const report = new AwsSolutionsChecks().validateScope(app);
    const cog2 = acknowledgements(app).filter((a) => a.id === 'AwsSolutions-COG2');

    // Assess
    expect(report.success).toBe(true);
    expect(cog2).toEqual([]);
    expect(acknowledgements(stack).every((a) => a.scope !== stack.node.path)).toBe(true);
  });
});
