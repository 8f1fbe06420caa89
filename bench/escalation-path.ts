/**
 * Phase 3: the escalation path. For each idea outside the card, once its workflow waits for a decision,
 * time a manager's approval from the request to (a) the response, which carries the experiment's new
 * status (the status is written inside the request, with an optimistic lock), and (b) the workflow
 * having taken the decision through NotifyOwner to its next wait, WaitForCycle.
 */
import { outsideCard, USERS } from '../test/support/api.ts';
import type { BenchSystem } from './bench-system.ts';
import { type Latencies, round, summarise, until } from './measure.ts';
import { history, parkedIn } from './workflow-probe.ts';

export interface EscalationFigures {
  decisions: number;
  /** POST decision → response carrying `authorised`. */
  statusChangeMs: Latencies;
  /** POST decision → the workflow waiting in WaitForCycle (polled every 5 ms through GetExecutionHistory). */
  workflowMs: Latencies;
}

export const escalationPath = async (bench: BenchSystem, count: number): Promise<EscalationFigures> => {
  const { api, sfn } = bench;
  const statusChange: number[] = [];
  const workflow: number[] = [];
  for (let i = 0; i < count; i++) {
    const submitted = await api.submit(USERS.sam, outsideCard());
    const id = (submitted.body as { id: string; status: string }).id;
    if ((submitted.body as { status: string }).status !== 'escalated')
      throw new Error(`Expected an escalation, got ${JSON.stringify(submitted.body)}`);
    const waiting = await until(
      () => history(sfn, id),
      (events) => parkedIn(events) === 'WaitForDecision',
      { everyMs: 10 },
    );
    const t0 = performance.now();
    const decided = await api.decide(USERS.megan, id, { outcome: 'approve', conditions: 'Review weekly' });
    statusChange.push(performance.now() - t0);
    if (decided.status !== 200 || (decided.body as { status: string }).status !== 'authorised')
      throw new Error(`The decision answered ${decided.status}: ${JSON.stringify(decided.body)}`);
    await until(
      () => history(sfn, id),
      (events) => parkedIn(events, waiting.length) === 'WaitForCycle',
      { everyMs: 5 },
    );
    workflow.push(performance.now() - t0);
  }
  return {
    decisions: count,
    statusChangeMs: summarise(statusChange.map((t) => round(t))),
    workflowMs: summarise(workflow.map((t) => round(t))),
  };
};
