import { type Cycle, type Experiment, unreportedIncidents } from '../../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import { seriousIncident, teamLimitsRevoked } from '../../notifications/messages.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { historyEntry, load } from '../experiments/records.ts';
import { policyService } from '../policy-service.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';

export interface SeriousIncidentOutput {
  /** The policy version this incident published, without its team's own limits; null when none. */
  revokedVersion: number | null;
}

/** Notes on the experiment that the cycle's incident is reported, once, so no later execution reports it again. */
const markReported = (deps: ExperimentDeps, id: string, cycle: number) =>
  retryOnConflict(async () => {
    const record = await load(deps.store, id);
    const exp = record.experiment;
    if (!unreportedIncidents(exp).some((c) => c.number === cycle)) return;
    const at = deps.now().toISOString();
    const entry = historyEntry(at, SYSTEM_ACTOR, 'incidentReported', exp.status, undefined, { cycle });
    await deps.store.save({ ...exp, updatedAt: at, history: [...exp.history, entry] }, record);
  });

/**
 * Tells the team's managers and the leaders about a cycle's serious incident, then takes back the
 * team's own limits if the current policy gives it any (a new version published by the card), tells the
 * leaders that, and notes it on the experiment. Every step is safe to run again: messages have dedupe
 * keys, and the publication is conditional on the current version and finds the version an earlier run
 * published (policy-service.ts, `revokeTeamLimits`), so a retry, a second execution or a second incident
 * at the same moment publishes nothing more.
 */
const report = async (
  deps: ExperimentDeps,
  exp: Experiment,
  cycle: Cycle,
): Promise<SeriousIncidentOutput> => {
  await deps.notifier.send(seriousIncident(exp, cycle, 'manager', deps.publicUrl));
  await deps.notifier.send(seriousIncident(exp, cycle, 'leader', deps.publicUrl));
  const revoked = await policyService({
    policies: deps.policies,
    store: deps.store,
    now: deps.now,
  }).revokeTeamLimits({ team: exp.team, experimentId: exp.id, cycle: cycle.number, at: cycle.recordedAt });
  if (revoked) await deps.notifier.send(teamLimitsRevoked(revoked, exp, deps.publicUrl));
  await markReported(deps, exp.id, cycle.number);
  return { revokedVersion: revoked?.version ?? null };
};

/**
 * Task "SeriousIncident", after a cycle that recorded a serious incident. It acts even for an execution
 * that no longer drives the experiment: the incident is owed its report whichever execution gets there,
 * and one that took over first has already noted it, so this one does nothing.
 */
export const seriousIncidentTask =
  (deps: ExperimentDeps) =>
  async (id: string, cycleNumber: number, _executionArn?: string): Promise<SeriousIncidentOutput> => {
    const { experiment: exp } = await load(deps.store, id);
    const cycle = unreportedIncidents(exp).find((c) => c.number === cycleNumber);
    return cycle ? report(deps, exp, cycle) : { revokedVersion: null };
  };

/**
 * The serious incidents an execution that ended early left unreported: the execution that takes over
 * (task "Resume") reports them before it waits, since it resumes after the cycles already recorded.
 */
export const reportMissedIncidents = async (deps: ExperimentDeps, exp: Experiment): Promise<void> => {
  for (const cycle of unreportedIncidents(exp)) await report(deps, exp, cycle);
};
