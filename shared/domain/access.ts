import type { Actor, Role } from './status.ts';

export const ROLES = ['staff', 'manager', 'leader'] as const satisfies readonly Role[];

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/**
 * Who may see an experiment. Managers see their team's experiments only once escalated (and keep
 * seeing them afterwards, so a decision stays reviewable); the card's own authorisations stay private
 * to the owner and leaders, which is the point of the card.
 */
export const canView = (
  actor: Actor,
  exp: { owner: string; team: string; everEscalated: boolean },
): boolean =>
  actor.id === exp.owner ||
  actor.roles.includes('leader') ||
  (actor.roles.includes('manager') && actor.team === exp.team && exp.everEscalated);

/** Nobody decides their own idea, not even a leader. */
export const canDecide = (actor: Actor, exp: { owner: string; team: string }): boolean =>
  actor.id !== exp.owner &&
  (actor.roles.includes('leader') || (actor.roles.includes('manager') && actor.team === exp.team));

const parseGroups = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON: API Gateway flattens the claim to "[staff manager]", handled below.
    }
    if (!text.endsWith(']')) return null;
    return text
      .slice(1, -1)
      .split(/[\s,]+/)
      .filter(Boolean);
  }
  return text.split(/[\s,]+/).filter(Boolean);
};

/**
 * Reads `cognito:groups` as a JSON array, or as API Gateway's flattened string ("[staff manager]",
 * "staff", "staff,manager"). Fails closed: null when the claim is missing, empty, malformed or names
 * any group that is not one of our three roles, so a typo in Cognito never grants or silently drops a
 * right. Roles come back de-duplicated, in the order staff, manager, leader.
 */
export const rolesFromClaim = (value: unknown): Role[] | null => {
  const groups = parseGroups(value);
  if (groups === null || groups.length === 0 || !groups.every(isRole)) return null;
  return ROLES.filter((role) => groups.includes(role));
};
