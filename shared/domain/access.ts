import { type Actor, isRole, ROLES, type Role } from './roles.ts';

/**
 * Who may see an experiment. Managers see their team's experiments only once escalated (and keep
 * seeing them afterwards, so a decision stays reviewable); the card's own authorisations stay private
 * to the owner and leaders, which is the point of the card.
 */
export const canView = (
  actor: Actor,
  exp: { owner: string | null; team: string; everEscalated: boolean },
): boolean =>
  actor.id === exp.owner ||
  actor.roles.includes('leader') ||
  // Information governance answers subject access requests and redacts what was typed by mistake:
  // they must read any case, though they decide none.
  actor.roles.includes('governance') ||
  (actor.roles.includes('manager') && actor.team === exp.team && exp.everEscalated);

/** Nobody decides their own idea, not even a leader. */
export const canDecide = (actor: Actor, exp: { owner: string | null; team: string }): boolean =>
  actor.id !== exp.owner &&
  (actor.roles.includes('leader') || (actor.roles.includes('manager') && actor.team === exp.team));

/** Leaders see the whole experiment log, and may filter it by team; everyone else sees their own. */
export const seesWholeLog = (actor: Actor): boolean => actor.roles.includes('leader');

export interface Permission {
  /** Any one of these roles is enough. */
  readonly roles: readonly Role[];
  /** Why someone without any of them is refused. */
  readonly refusal: string;
}

/**
 * What a role allows, whatever the experiment: the JSON API checks these per route (functions/registry.ts)
 * before reading a body, and the services check the same ones, so the API and the pages refuse alike.
 * Rights on one experiment (deciding it, recording its cycles) are in `status.ts`.
 */
export const PERMISSIONS = {
  submitIdeas: { roles: ['staff', 'manager'], refusal: 'Only frontline staff and managers submit ideas.' },
  decideIdeas: {
    roles: ['manager', 'leader'],
    refusal: 'Only managers and leaders have a queue of ideas to decide.',
  },
  seeDashboard: { roles: ['leader'], refusal: 'Only leaders see the dashboard.' },
  exportLog: { roles: ['leader'], refusal: 'Only leaders export the experiment log.' },
  previewPolicy: { roles: ['leader'], refusal: 'Only leaders preview new versions of the card.' },
  publishPolicy: { roles: ['leader'], refusal: 'Only leaders publish new versions of the card.' },
  endSessions: {
    roles: ['leader', 'governance'],
    refusal: "Only leaders and information governance can end other people's sessions.",
  },
  findRecords: {
    roles: ['governance'],
    refusal: "Only information governance can find and export a person's records.",
  },
  erasePeople: {
    roles: ['governance'],
    refusal: "Only information governance can erase a person's records.",
  },
  redactText: {
    roles: ['governance'],
    refusal: 'Only information governance can remove text from a record.',
  },
  readAudit: { roles: ['governance'], refusal: 'Only information governance can read the audit trail.' },
  exportLibrary: { roles: ['leader'], refusal: 'Only leaders export the learning library as open data.' },
} as const satisfies Record<string, Permission>;

export type PermissionName = keyof typeof PERMISSIONS;

export const hasPermission = (actor: Actor, name: PermissionName): boolean =>
  PERMISSIONS[name].roles.some((role: Role) => actor.roles.includes(role));

// A Cognito group name holds no white space, so a flattened list splits on it alone. A comma is part of
// a name: "staff,leader" is one group we do not know, never two roles.
const parseGroups = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text.startsWith('[')) return [text];
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // Not JSON: API Gateway flattens the claim to "[staff manager]", handled below.
  }
  if (!text.endsWith(']')) return null;
  return text.slice(1, -1).split(/\s+/).filter(Boolean);
};

/**
 * Reads `cognito:groups` as a JSON array, as API Gateway's flattened string ("[staff manager]") or as a
 * single group name ("staff"). Fails closed: null when the claim is missing, empty, malformed or names
 * any group that is not exactly one of our roles, so a typo in Cognito never grants or silently drops a
 * right. Roles come back de-duplicated, in the order of `ROLES`.
 */
export const rolesFromClaim = (value: unknown): Role[] | null => {
  const groups = parseGroups(value);
  if (groups === null || groups.length === 0 || !groups.every(isRole)) return null;
  return ROLES.filter((role) => groups.includes(role));
};
