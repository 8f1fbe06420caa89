import { Validations } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#infra/app.ts';
import { PROD_CONTEXT, type SynthedApp, synthApp } from './synth-app.ts';

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
])('cdk-nag AwsSolutions on the %s app', (_stage, context) => {
  let app: SynthedApp['app'];

  // createApp registers AwsSolutionsChecks: any unacknowledged finding makes this synth throw.
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
    const acks = acknowledgements(app);
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
});

describe('the cdk-nag gate', () => {
  it('fails the synth on a finding nobody acknowledged', () => {
    // Prepare
    const { app, stack } = createApp({ context: NO_BUNDLING }, {});
    new Topic(stack, 'PlainTopic');

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SNS3/);
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
