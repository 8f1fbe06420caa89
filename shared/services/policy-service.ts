import { assess } from '../domain/assess.ts';
import type { Policy, Thresholds } from '../domain/card.ts';
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

export const policyService = (deps: { policies: PolicyStore; store: ExperimentStore; now?: () => Date }) => {
  const now = deps.now ?? (() => new Date());
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
     * What-if: how past submissions' current answers would be judged by draft thresholds, compared with
     * the policy version each was judged by, before anything is published.
     */
    async preview(user: User, thresholds: Thresholds): Promise<PreviewResult> {
      requirePermission(user, 'previewPolicy');
      const versions = new Map<number, Policy | undefined>();
      const result: PreviewResult = { considered: 0, authorised: 0, escalated: 0, changed: [] };
      for await (const page of deps.store.each(deps.store.patterns.log(), { newestFirst: true })) {
        for (const exp of page) {
          if (!versions.has(exp.policyVersion))
            versions.set(exp.policyVersion, await deps.policies.get(exp.policyVersion));
          const own = versions.get(exp.policyVersion);
          if (!own) continue;
          const was = assess(exp.card, own).decision;
          const wouldBe = assess(exp.card, { version: 0, thresholds }).decision;
          result.considered++;
          result[wouldBe]++;
          if (wouldBe !== was)
            result.changed.push({ id: exp.id, title: exp.title, team: exp.team, was, wouldBe });
        }
        if (result.considered >= PREVIEW_LIMIT) break;
      }
      return result;
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
      };
      try {
        await deps.policies.publish(policy, {
          actor: user.id,
          action: 'policyPublished',
          target: String(policy.version),
          outcome: 'done',
        });
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
