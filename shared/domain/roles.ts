/**
 * The roles people hold (Cognito groups of the same names) and who acts. Adding a role is one line in
 * `ROLES`; what each role may do is in `access.ts` and `status.ts`.
 */
export const ROLES = ['staff', 'manager', 'leader', 'governance'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export interface Actor {
  id: string;
  team: string;
  roles: readonly Role[];
}

/**
 * The workflow, whenever it acts: it checks ideas against the card, escalates them, reminds owners,
 * raises cases to leaders and records failures. Its id is "card" because that is what the spec records
 * in `authorisation.by` when the card authorises, and what history entries written by the workflow name.
 * It is recognised by object identity, not by id or roles, so no token (not even a local one whose `sub`
 * is "card") can act as the workflow: callers pass this exact object.
 */
export const SYSTEM_ACTOR: Readonly<Actor & { name: string }> = Object.freeze({
  id: 'card',
  name: 'The prompt card',
  team: '',
  roles: Object.freeze([]),
});

export const isSystemActor = (actor: Actor): boolean => actor === SYSTEM_ACTOR;
