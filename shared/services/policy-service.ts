import type { Policy } from '../domain/card.ts';
import type { PolicyRequest } from '../domain/schemas.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { type PolicyStore, PolicyVersionTaken } from '../store/policy-store.ts';
import type { User } from './user.ts';

/** Card policy versions: readable by anyone signed in, published only by leaders, never changed. */
export const policyService = (deps: { policies: PolicyStore; now?: () => Date }) => {
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

    async publish(user: User, body: PolicyRequest): Promise<Policy> {
      if (!user.roles.includes('leader'))
        throw new ForbiddenError('Only leaders publish new versions of the card.');
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
        await deps.policies.publish(policy);
      } catch (error) {
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
