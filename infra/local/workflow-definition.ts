import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { WORKFLOW_FUNCTIONS, type WorkflowFunctionName } from '#functions/registry.ts';
import { ExperimentWorkflow } from '#workflows/experiment-workflow.ts';
import { type Json, resolveIntrinsics } from './intrinsics.ts';

export interface ResolvedWorkflow {
  definition: Record<string, unknown>;
  /** Task state name → the function it invokes. */
  taskFunctions: Record<string, WorkflowFunctionName>;
}

/**
 * Synthesizes the very `ExperimentWorkflow` construct that CDK deploys and returns its ASL, with the
 * Lambda ARNs resolved to local names. The functions are stand-ins: only their ARNs end up in the ASL.
 */
export const synthesizeWorkflow = (opts: {
  region: string;
  accountId: string;
  stateMachineName: string;
}): ResolvedWorkflow => {
  const app = new App();
  const stack = new Stack(app, 'LocalWorkflow', { env: { region: opts.region, account: opts.accountId } });
  const functions = Object.fromEntries(
    WORKFLOW_FUNCTIONS.map((name) => [
      name,
      new lambda.Function(stack, name, {
        runtime: lambda.Runtime.NODEJS_24_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('export const handler = async () => ({});'),
      }),
    ]),
  ) as Record<WorkflowFunctionName, lambda.Function>;
  const workflow = new ExperimentWorkflow(stack, 'Workflow', {
    functions,
    stateMachineName: opts.stateMachineName,
  });

  const byLogicalId = new Map<string, WorkflowFunctionName>(
    WORKFLOW_FUNCTIONS.map((name) => [
      stack.getLogicalId(functions[name].node.defaultChild as lambda.CfnFunction),
      name,
    ]),
  );
  const arnOf = (logicalId: string) => {
    const name = byLogicalId.get(logicalId);
    if (!name) throw new Error(`The state machine refers to ${logicalId}, which is not a workflow function`);
    return `arn:aws:lambda:${opts.region}:${opts.accountId}:function:${name}`;
  };

  // Only the state machine's definition is needed: resolving it alone gives what synthesizing the whole
  // stack would put in the template, without writing a cloud assembly on every start.
  const machine = workflow.node
    .findAll()
    .find(
      (c): c is CfnStateMachine =>
        (c as Partial<CfnStateMachine>).cfnResourceType === 'AWS::StepFunctions::StateMachine',
    );
  if (!machine) throw new Error('No state machine in the synthesized workflow');
  const definitionString = resolveIntrinsics(stack.resolve(machine.definitionString) as Json, {
    getAtt: arnOf,
    ref: arnOf,
    pseudo: { 'AWS::Region': opts.region, 'AWS::AccountId': opts.accountId },
  });
  const definition = JSON.parse(definitionString) as {
    States: Record<string, { Type: string; Parameters?: { FunctionName?: string } }>;
  };

  const taskFunctions: Record<string, WorkflowFunctionName> = {};
  for (const [stateName, state] of Object.entries(definition.States)) {
    const arn = state.Type === 'Task' ? state.Parameters?.FunctionName : undefined;
    if (!arn) continue;
    const name = arn.split(':').at(-1) as WorkflowFunctionName;
    if (!WORKFLOW_FUNCTIONS.includes(name))
      throw new Error(`Task ${stateName} invokes unknown function ${arn}`);
    taskFunctions[stateName] = name;
  }
  return { definition: definition as unknown as Record<string, unknown>, taskFunctions };
};
