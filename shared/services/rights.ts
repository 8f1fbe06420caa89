import { hasPermission, PERMISSIONS, type PermissionName } from '../domain/access.ts';
import type { Experiment } from '../domain/experiment.ts';
import type { Actor } from '../domain/roles.ts';
import {
  type Action,
  checkTransition,
  type ExperimentFacts,
  mayTake,
  type NextStep,
  type Status,
} from '../domain/status.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';

/** The rules in shared/domain, as the errors the API and the pages turn into 403 and 409. */

/** Refuses with 403 anyone without the permission: its words come from `PERMISSIONS`, nowhere else. */
export const requirePermission = (actor: Actor, name: PermissionName): void => {
  if (!hasPermission(actor, name)) throw new ForbiddenError(PERMISSIONS[name].refusal);
};

const factsOf = (exp: Experiment): ExperimentFacts => ({
  status: exp.status,
  owner: exp.owner,
  team: exp.team,
  cycleCount: exp.cycles.length,
});

/** Refuses with 403 anyone who may not take `action` on this experiment, whatever its state. */
export const requireRight = (exp: Experiment, action: Action, actor: Actor): void => {
  const permitted = mayTake(factsOf(exp), action, actor);
  if (!permitted.ok) throw new ForbiddenError(permitted.reason);
};

/** Whether `actor` may take `action` on this experiment by their own roles and team, whatever its state. */
export const mayTakeAction = (exp: Experiment, action: Action, actor: Actor): boolean =>
  mayTake(factsOf(exp), action, actor).ok;

/** Where `action` takes the experiment; 403 for someone who may not take it, 409 when it does not fit now. */
export const transition = (
  exp: Experiment,
  action: Action,
  actor: Actor,
  opts?: { next?: NextStep },
): Status => {
  const result = checkTransition(factsOf(exp), action, actor, opts);
  if (result.ok) return result.to;
  if (result.refusal === 'forbidden') throw new ForbiddenError(result.reason);
  throw new ConflictError(result.reason);
};
