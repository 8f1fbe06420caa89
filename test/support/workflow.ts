import { GetExecutionHistoryCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';

const MACHINE = 'arn:aws:states:eu-west-2:000000000000:stateMachine:fail-forward-experiment';

/** The states an idea outside the card enters, in order, from submission to its first cycle once a manager approves it. */
export const APPROVED_TO_FIRST_CYCLE = [
  'Start',
  'Assess',
  'CardDecision',
  'NotifyManagers',
  'WaitForDecision',
  'NotifyOwner',
  'Outcome',
  'AfterApproval',
  'BeginTesting',
  'WaitForCycle',
];

/** Looks at the experiment workflow through the real Step Functions API of the local system. */
export const workflowClient = (endpoint: string) => {
  const sfn = new SFNClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const executionArn = (id: string) =>
    `arn:aws:states:eu-west-2:000000000000:execution:fail-forward-experiment:${id}`;
  return {
    sfn,
    executionArn,
    /** The states an execution has entered so far, in order. */
    async statesEntered(id: string): Promise<string[]> {
      const out = await sfn.send(
        new GetExecutionHistoryCommand({ executionArn: executionArn(id), maxResults: 1000 }),
      );
      return (out.events ?? []).flatMap((e) =>
        e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : [],
      );
    },
    async executions() {
      const out = await sfn.send(new ListExecutionsCommand({ stateMachineArn: MACHINE, maxResults: 1000 }));
      return out.executions ?? [];
    },
    destroy: () => sfn.destroy(),
  };
};
