import { seriousIncident, teamLimitsRevoked } from '../../notifications/messages.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load } from '../experiments/records.ts';
import { policyService } from '../policy-service.ts';

export interface SeriousIncidentOutput {
  /** The policy version this incident published, without its team's own limits; null when none. */
  revokedVersion: number | null;
}

/**
 * Task "SeriousIncident", after a cycle that recorded a serious incident: tells the team's managers and
 * the leaders, then takes back the team's own limits if the current policy gives it any (a new version
 * published by the card) and tells the leaders that. Every step is safe to run again: messages have
 * dedupe keys, and the publication is conditional on the current version, so a retry or a second
 * incident at the same moment publishes nothing more (policy-service.ts, `revokeTeamLimits`).
 */
export const seriousIncidentTask =
  (deps: ExperimentDeps) =>
  async (id: string, cycleNumber: number, executionArn?: string): Promise<SeriousIncidentOutput> => {
    const { experiment: exp } = await load(deps.store, id);
    requireDriver(exp, executionArn);
    const cycle = exp.cycles[cycleNumber - 1];
    if (cycle?.incident !== 'serious') return { revokedVersion: null };
    await deps.notifier.send(seriousIncident(exp, cycle, 'manager', deps.publicUrl));
    await deps.notifier.send(seriousIncident(exp, cycle, 'leader', deps.publicUrl));
    const revoked = await policyService({
      policies: deps.policies,
      store: deps.store,
      now: deps.now,
    }).revokeTeamLimits({ team: exp.team, experimentId: exp.id, cycle: cycle.number, at: cycle.recordedAt });
    if (revoked) await deps.notifier.send(teamLimitsRevoked(revoked, exp, deps.publicUrl));
    return { revokedVersion: revoked?.version ?? null };
  };
