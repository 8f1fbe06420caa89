/**
 * The CDK app (`npx cdk synth|deploy`, `npm run synth`). Settings come from context or environment
 * (infra/stacks/stack-config.ts); docs/operations.md shows how to deploy.
 */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
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

  // Any finding fails the synth. The accepted ones are acknowledged beside the code that causes them,
  // one finding id at a time, each with its reason.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, config };
};

if (import.meta.main) createApp();
