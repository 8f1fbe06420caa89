import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll } from 'vitest';
import { createApp } from '#infra/app.ts';
import { type IntrinsicRefs, type Json, resolveIntrinsics as resolve } from '#infra/local/intrinsics.ts';

export type { Json } from '#infra/local/intrinsics.ts';

export interface CfnResource {
  Type: string;
  Properties: Record<string, Json>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The environment the stack gives the deployed `web` function, for running its built bundle. */
export const WEB_BUNDLE_ENV = {
  PATH: process.env.PATH,
  AWS_REGION: 'eu-west-2',
  TABLE_NAME: 'table',
  STATE_MACHINE_ARN: 'arn:aws:states:eu-west-2:123456789012:stateMachine:fail-forward-dev-experiment',
  SESSION_SECRET: 'x'.repeat(64),
  PUBLIC_URL: 'https://d111111abcdef8.cloudfront.net',
  COGNITO_DOMAIN: 'https://fail-forward-dev.auth.eu-west-2.amazoncognito.com',
  USER_POOL_ID: 'eu-west-2_abc',
  USER_POOL_CLIENT_ID: 'client',
};

/** A production configuration, as a council would deploy it (no localhost anywhere). */
export const PROD_CONTEXT = {
  stage: 'prod',
  callbackUrls: 'https://failforward.example.gov.uk/auth/callback',
  notifySecretName: 'fail-forward/prod/govuk-notify-api-key',
  logRetentionDays: 365,
  alarmEmail: 'ops@example.gov.uk',
  notifyTemplateIds: JSON.stringify({ 'escalated-to-managers': 'tpl-1' }),
};

/**
 * Builds the real app (infra/app.ts), cdk-nag included, without bundling: tests need the template,
 * not the bundles. CDK's built-in CloudFormation schema check is left to `npm run synth`: it adds
 * about 12 s to a test file's first synth and checks nothing these tests rely on.
 */
export const synthApp = (context: Record<string, unknown> = {}) => {
  process.env.CDK_VALIDATION = 'false';
  const built = createApp({ context: { 'aws:cdk:bundling-stacks': [], ...context } }, {});
  const template = Template.fromStack(built.stack);
  const resources = (template.toJSON() as { Resources: Record<string, CfnResource> }).Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  /** The one resource of a type; a second one, or none, is a failure in itself. */
  const single = (type: string): CfnResource => {
    const found = ofType(type);
    if (found.length !== 1 || !found[0]) throw new Error(`Expected one ${type}, found ${found.length}`);
    return found[0][1];
  };
  return { ...built, template, resources, ofType, single };
};

export type SynthedApp = ReturnType<typeof synthApp>;

/** The dev app and the production one (PROD_CONTEXT), as `synthDevAndProd` last synthesized them. */
export let dev: SynthedApp;
export let prod: SynthedApp;

/**
 * Synthesizes `dev` and `prod` once, before the calling file's tests. Each test file loads its own copy of
 * this module, so a file that never calls it never pays for the synths.
 */
export const synthDevAndProd = () =>
  beforeAll(() => {
    dev = synthApp();
    prod = synthApp(PROD_CONTEXT);
  });

/** The logical id CloudFormation gives a construct's resource in the app's stack. */
export const logicalId = (app: SynthedApp, element: unknown) => app.stack.getLogicalId(element as CfnElement);

/** Resolves the intrinsics CDK leaves in ARNs and the state machine definition, in this test account. */
export const resolveIntrinsics = (value: Json, refs: IntrinsicRefs): string =>
  resolve(value, {
    ...refs,
    pseudo: { 'AWS::Region': 'eu-west-2', 'AWS::AccountId': '123456789012', ...refs.pseudo },
  });

/** Every IAM identity-policy statement in the template, with the resource it belongs to. */
export const policyStatements = (app: SynthedApp) =>
  app.ofType('AWS::IAM::Policy').flatMap(([id, r]) =>
    ((r.Properties.PolicyDocument as { Statement: Record<string, Json>[] }).Statement ?? []).map(
      (statement) => ({
        id,
        roles: (r.Properties.Roles as { Ref: string }[]).map((role) => role.Ref),
        statement,
      }),
    ),
  );

export const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
