import { assess } from '../domain/assess.ts';
import type { Policy } from '../domain/card.ts';
import { SYSTEM_ACTOR } from '../domain/roles.ts';
import type { PolicyRequest } from '../domain/schemas.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { AuditHeadBusy } from '../store/audit-store.ts';
import type { ExperimentStore } from '../store/experiment-store.ts';
import { type PolicyStore, PolicyVersionTaken } from '../store/policy-store.ts';
import { auditBusy } from './retry-on-conflict.ts';
import { requirePermission } from './rights.ts';
import type { User } from './user.ts';

/** Card policy versions: readable by anyone signed in, published only by leaders, never changed. */
export interface PreviewResult {
  /** How many past submissions were looked at (the most recent, up to `PREVIEW_LIMIT`). */
  considered: number;
  authorised: number;
  escalated: number;
  /** Submissions whose answer the draft would change, newest first. */
  changed: {
    id: string;
    title: string;
    team: string;
    was: 'authorised' | 'escalated';
    wouldBe: 'authorised' | 'escalated';
  }[];
}

/** A what-if reads past submissions; beyond this many it looks at the most recent only. */
export const PREVIEW_LIMIT = 5_000;

/** A draft for the what-if: the base limits, and any team's own. */
export type PolicyDraft = Pick<Policy, 'thresholds' | 'teams'>;

/** What a serious incident in a team with its own limits causes (see `revokeTeamLimits`). */
export interface IncidentCause {
  team: string;
  experimentId: string;
  cycle: number;
  /** When the cycle was recorded: no version published before it can be its revocation. */
  at: string;
}

/**
 * The reason of an automatic revocation, naming the experiment. Always the same words for the same
 * incident, so a retried task recognises the version it published.
 */
export const revocationReason = (cause: IncidentCause): string =>
  `A serious incident was recorded on experiment ${cause.experimentId} (cycle ${cause.cycle}), so the team ${cause.team} goes back to the card's own limits.`;

/** Functions' clocks differ a little: a version published this long before the incident may still be its. */
const CLOCK_SKEW_MS = 60_000;

/** Publishing races (two incidents, or a leader) are settled by a conditional write; this many turns at most. */
const REVOKE_ATTEMPTS = 10;

const withoutTeam = (teams: Policy['teams'], team: string): Pick<Policy, 'teams'> => {
  const rest = Object.fromEntries(Object.entries(teams ?? {}).filter(([name]) => name !== team));
  return Object.keys(rest).length > 0 ? { teams: rest } : {};
};

const hasOwnLimits = (policy: Policy, team: string): boolean =>
  policy.teams !== undefined && Object.hasOwn(policy.teams, team);

export const policyService = (deps: { policies: PolicyStore; store: ExperimentStore; now?: () => Date }) => {
  const now = deps.now ?? (() => new Date());

  /** Publishes `policy` with its audit entry, in one write. */
  const publishAs = (actor: string, policy: Policy) =>
    deps.policies.publish(policy, {
      actor,
      action: 'policyPublished',
      target: String(policy.version),
      outcome: 'done',
    });

  /**
   * The version, from `current` back, that an earlier attempt of the same revocation published: the
   * versions before the incident was recorded cannot be, so the walk stops there.
   */
  const publishedFor = async (
    current: Policy,
    reason: string,
    since: string,
  ): Promise<Policy | undefined> => {
    for (let version = current.version; version > 1; version--) {
      const policy = version === current.version ? current : await deps.policies.get(version);
      if (!policy || Date.parse(policy.publishedAt) < Date.parse(since) - CLOCK_SKEW_MS) return undefined;
      if (policy.publishedBy === SYSTEM_ACTOR.id && policy.reason === reason) return policy;
    }
    return undefined;
  };

  return {
    async read(version?: number): Promise<Policy> {
      if (version === undefined) return deps.policies.current();
      const policy = await deps.policies.get(version);
      if (!policy) throw new NotFoundError(`There is no card policy version ${version}.`);
      return policy;
    },

    current: () => deps.policies.current(),
    get: (version: number) => deps.policies.get(version),
    all: () => deps.policies.all(),

    /**
     * What-if: how past submissions' current answers would be judged by a draft (its base limits and
     * any team's own), compared with the policy version each was judged by, before anything is published.
     */
    async preview(user: User, draft: PolicyDraft): Promise<PreviewResult> {
      requirePermission(user, 'previewPolicy');
      const versions = new Map<number, Policy | undefined>();
      const result: PreviewResult = { considered: 0, authorised: 0, escalated: 0, changed: [] };
      const drafted = { version: 0, ...draft };
      for await (const page of deps.store.each(deps.store.patterns.log(), { newestFirst: true })) {
        for (const exp of page) {
          if (!versions.has(exp.policyVersion))
            versions.set(exp.policyVersion, await deps.policies.get(exp.policyVersion));
          const own = versions.get(exp.policyVersion);
          if (!own) continue;
          const was = assess(exp.card, own, exp.team).decision;
          const wouldBe = assess(exp.card, drafted, exp.team).decision;
          result.considered++;
          result[wouldBe]++;
          if (wouldBe !== was)
            result.changed.push({ id: exp.id, title: exp.title, team: exp.team, was, wouldBe });
        }
        if (result.considered >= PREVIEW_LIMIT) break;
      }
      return result;
    },

    /**
     * Automatic revocation: when the current policy gives `cause.team` limits of its own, publishes the
     * next version without them (`publishedBy: "card"`), conditional on the current version, so of two
     * incidents at once exactly one publishes. Returns the version this incident published, also when a
     * retry finds it already published (so its message can be sent); undefined when there was nothing to
     * revoke or another publication did it.
     */
    async revokeTeamLimits(cause: IncidentCause): Promise<Policy | undefined> {
      const reason = revocationReason(cause);
      for (let attempt = 1; attempt <= REVOKE_ATTEMPTS; attempt++) {
        const current = await deps.policies.current();
        if (!hasOwnLimits(current, cause.team)) return publishedFor(current, reason, cause.at);
        const { teams, ...rest } = current;
        const policy: Policy = {
          ...rest,
          ...withoutTeam(teams, cause.team),
          version: current.version + 1,
          publishedBy: SYSTEM_ACTOR.id,
          publishedAt: now().toISOString(),
          reason,
        };
        try {
          await publishAs(SYSTEM_ACTOR.id, policy);
          return policy;
        } catch (error) {
          if (!(error instanceof PolicyVersionTaken)) throw error;
        }
      }
      throw new ConflictError("The card policy kept changing while a team's own limits were being revoked.");
    },

    async publish(user: User, body: PolicyRequest): Promise<Policy> {
      requirePermission(user, 'publishPolicy');
      const current = await deps.policies.current();
      const policy: Policy = {
        version: current.version + 1,
        thresholds: body.thresholds,
        decisionDeadlineDays: body.decisionDeadlineDays,
        publishedBy: user.name,
        publishedAt: now().toISOString(),
        reason: body.reason,
        ...(body.allowance ? { allowance: body.allowance } : {}),
        ...(body.teams && Object.keys(body.teams).length > 0 ? { teams: body.teams } : {}),
      };
      try {
        await publishAs(user.id, policy);
      } catch (error) {
        if (error instanceof AuditHeadBusy) throw auditBusy();
        if (error instanceof PolicyVersionTaken) {
          throw new ConflictError(
            'Someone published a new version of the card at the same moment. Check it and try again.',
          );
        }
        throw error;
      }
      return policy;
    },
  };
};

export type PolicyService = ReturnType<typeof policyService>;
