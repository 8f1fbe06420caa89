/**
 * Questions the stack's tests (stack.test.ts, stack-edge.test.ts) ask of a synthesized app: which IAM
 * statements, actions and secrets belong to a function, and which resources are the JSON API's.
 */
import { FUNCTION_NAMES, type FunctionName } from '#functions/registry.ts';
import { asList, logicalId, policyStatements, type SynthedApp } from './synth-app.ts';

/** The actions each function's own role may perform. */
export const statementsOf = (app: SynthedApp, name: FunctionName) => {
  const role = logicalId(app, app.stack.functions[name].serviceRole.node.defaultChild);
  return policyStatements(app).filter((s) => s.roles.includes(role));
};

/** The actions a function may take on any item: statements limited to some partition keys left out. */
export const actionsOf = (app: SynthedApp, name: FunctionName) =>
  statementsOf(app, name)
    .filter((s) => !JSON.stringify(s.statement.Condition ?? {}).includes('dynamodb:LeadingKeys'))
    .flatMap((s) => asList(s.statement.Action as string | string[]));

/**
 * The logical ids of our own functions (the registry's and the web pages'), and of the one function
 * CDK adds itself: BucketDeployment's handler, which uploads the web assets at deploy time.
 */
export const functionIds = (app: SynthedApp) => {
  const ours = [...FUNCTION_NAMES.map((name) => app.stack.functions[name]), app.stack.web.function].map(
    (fn) => logicalId(app, fn.node.defaultChild),
  );
  const cdk = app
    .ofType('AWS::Lambda::Function')
    .map(([id]) => id)
    .filter((id) => !ours.includes(id));
  return { ours, cdk };
};

/** The names of the secrets a function's role may read (`…:secret:<name>-??????`). */
export const secretsReadBy = (app: SynthedApp, name: FunctionName) => {
  const role = logicalId(app, app.stack.functions[name].serviceRole.node.defaultChild);
  return policyStatements(app)
    .filter((s) => s.roles.includes(role))
    .filter((s) => asList(s.statement.Action as string | string[]).includes('secretsmanager:GetSecretValue'))
    .map((s) => JSON.stringify(s.statement.Resource).match(/:secret:([^"?]+)-\?{6}/)?.[1] ?? 'unscoped');
};

export const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** The routes or stages of the JSON API (the web pages' API has its own; test/infra/web-function.test.ts). */
export const jsonApi = (app: SynthedApp, type: string) => {
  const apiId = logicalId(app, app.stack.api.httpApi.node.defaultChild);
  return app
    .ofType(type)
    .map(([, r]) => r.Properties)
    .filter((p) => JSON.stringify(p.ApiId) === JSON.stringify({ Ref: apiId }));
};
