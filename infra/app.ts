/**
 * The CDK app (`npx cdk synth|deploy`, `npm run synth`). Settings come from context or environment
 * (infra/stacks/stack-config.ts); docs/operations.md shows how to deploy.
 */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { guardValidator } from './constructs/guard.ts';
import { EDGE_REGION, EdgeAlarmsStack } from './stacks/edge-alarms-stack.ts';
import { FailForwardStack } from './stacks/fail-forward-stack.ts';
import { readConfig } from './stacks/stack-config.ts';

/** The whole app; the infra tests build it through here too, so they check what `cdk deploy` ships. */
export const createApp = (props: AppProps = {}, env: NodeJS.ProcessEnv = process.env) => {
  const app = new App(props);
  const config = readConfig(app, env);

  // No env: the template is region- and account-agnostic; `cdk deploy` uses the caller's (AWS_REGION or profile).
  const stack = new FailForwardStack(app, `FailForward-${config.stage}`, {
    config,
    description: `Fail Forward (${config.stage}): the Fail Fast Fail Forward prompt card as a service`,
  });

  // Only once the distribution exists: its id is the main stack's WebDistributionId output.
  const edgeAlarms = config.webDistributionId
    ? new EdgeAlarmsStack(app, `FailForward-${config.stage}-edge-alarms`, {
        config,
        distributionId: config.webDistributionId,
        env: { region: EDGE_REGION },
        description: `Fail Forward (${config.stage}): the CloudFront alarm, in us-east-1 where CloudFront's metrics are`,
      })
    : undefined;

  // Any finding of either fails the synth: cdk-nag's AwsSolutions pack, and AWS Control Tower's
  // proactive controls as cfn-guard rules. The accepted ones are acknowledged beside the code that
  // causes them, one finding id at a time, each with its reason.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), guardValidator());
  return { app, stack, edgeAlarms, config };
};

if (import.meta.main) createApp();
