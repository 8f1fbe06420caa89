import { canDecide } from './access.ts';
import { type Actor, isSystemActor } from './roles.ts';

export const STATUSES = [
  'assessing',
  'authorised',
  'escalated',
  'declined',
  'testing',
  'adopted',
  'abandoned',
] as const;
export type Status = (typeof STATUSES)[number];

export const FINAL_STATUSES = ['declined', 'adopted', 'abandoned'] as const satisfies readonly Status[];
export type FinalStatus = (typeof FINAL_STATUSES)[number];
export const isFinalStatus = (status: Status): status is FinalStatus =>
  (FINAL_STATUSES as readonly Status[]).includes(status);

export const ACTIONS = [
  'authoriseByCard',
  'escalateByCard',
  'approve',
  'decline',
  'recordCycle',
  'escalateOnChange',
] as const;
export type Action = (typeof ACTIONS)[number];

export const NEXT_STEPS = ['adapt', 'adopt', 'abandon'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export interface ExperimentFacts {
  status: Status;
  owner: string;
  team: string;
  /** Cycles recorded so far, counting the one that carries a change of scope. */
  cycleCount: number;
}

export type Refusal = 'forbidden' | 'conflict';

export type TransitionResult = { ok: true; to: Status } | { ok: false; refusal: Refusal; reason: string };

/** Who may take an action: the workflow, the experiment's owner, or someone allowed to decide it. */
export type Party = 'system' | 'owner' | 'decider';

/** Extra conditions a row needs besides its action and status. */
export type Guard = 'firstDecision' | 'reEscalation' | NextStep;

export interface Transition {
  readonly action: Action;
  readonly from: Status;
  readonly when?: Guard;
  readonly to: Status;
}

export interface ActionRule {
  readonly by: readonly Party[];
  /** Why someone not in `by` is refused: `owner` for the experiment's owner when given, else `otherwise`. */
  readonly forbidden: { readonly otherwise: string; readonly owner?: string };
  /** Why the action does not fit the experiment's status, by status; `otherwise` for the rest. */
  readonly conflict: { readonly otherwise: string } & { readonly [S in Status]?: string };
}

/** Every allowed move. A move not listed here is a conflict for anyone allowed to take the action. */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'authoriseByCard', from: 'assessing', to: 'authorised' },
  { action: 'escalateByCard', from: 'assessing', to: 'escalated' },
  { action: 'approve', from: 'escalated', when: 'firstDecision', to: 'authorised' },
  // A re-escalation happens mid-test, so approving it lets the tests carry on.
  { action: 'approve', from: 'escalated', when: 'reEscalation', to: 'testing' },
  { action: 'decline', from: 'escalated', to: 'declined' },
  { action: 'recordCycle', from: 'authorised', when: 'adapt', to: 'testing' },
  { action: 'recordCycle', from: 'authorised', when: 'adopt', to: 'adopted' },
  { action: 'recordCycle', from: 'authorised', when: 'abandon', to: 'abandoned' },
  { action: 'recordCycle', from: 'testing', when: 'adapt', to: 'testing' },
  { action: 'recordCycle', from: 'testing', when: 'adopt', to: 'adopted' },
  { action: 'recordCycle', from: 'testing', when: 'abandon', to: 'abandoned' },
  { action: 'escalateOnChange', from: 'authorised', to: 'escalated' },
  { action: 'escalateOnChange', from: 'testing', to: 'escalated' },
];

const FINISHED = {
  declined: 'It has been declined, so nothing more can happen to it.',
  adopted: 'It has been adopted as normal practice, so nothing more can happen to it.',
  abandoned: 'It has been stopped, so nothing more can happen to it.',
} as const satisfies { readonly [S in FinalStatus]: string };

const TESTS_BLOCKED = {
  ...FINISHED,
  assessing: 'It is still being checked against the card, so no test can be recorded yet.',
  escalated: "It is waiting for a manager's decision, so no test can be recorded until then.",
} as const;

/** Approving and declining: the same people may do either, so a decision is authorised before its outcome is read. */
const DECIDING: ActionRule = {
  by: ['decider'],
  forbidden: {
    owner: 'You cannot decide your own idea. Another manager of your team or a leader must decide it.',
    otherwise: 'Only a manager of this team or a leader can decide this idea.',
  },
  conflict: {
    ...FINISHED,
    assessing: 'It is still being checked against the card.',
    otherwise: 'It is no longer waiting for a decision.',
  },
};

/** The one source of who may take each action, and of the words that refuse everyone else. */
export const ACTION_RULES: { readonly [A in Action]: ActionRule } = {
  authoriseByCard: {
    by: ['system'],
    forbidden: { otherwise: 'Only the card check can authorise an idea by the card.' },
    conflict: { otherwise: 'It has already been checked against the card.' },
  },
  escalateByCard: {
    by: ['system'],
    forbidden: { otherwise: 'Only the card check can send an idea to a manager.' },
    conflict: { otherwise: 'It has already been checked against the card.' },
  },
  approve: DECIDING,
  decline: DECIDING,
  recordCycle: {
    by: ['owner'],
    forbidden: { otherwise: 'Only the person who submitted this idea records its cycles.' },
    conflict: { ...TESTS_BLOCKED, otherwise: 'No test can be recorded for it now.' },
  },
  escalateOnChange: {
    by: ['owner', 'system'],
    forbidden: { otherwise: 'Only the person who submitted it can change what it will do.' },
    conflict: {
      ...FINISHED,
      assessing: 'It is still being checked against the card, so it cannot be changed yet.',
      escalated: "It is already waiting for a manager's decision.",
      otherwise: 'It cannot be changed now.',
    },
  },
};

const PARTY_CHECKS: { readonly [P in Party]: (facts: ExperimentFacts, actor: Actor) => boolean } = {
  system: (_facts, actor) => isSystemActor(actor),
  owner: (facts, actor) => !isSystemActor(actor) && actor.id === facts.owner,
  decider: (facts, actor) => !isSystemActor(actor) && canDecide(actor, facts),
};

const GUARD_CHECKS: {
  readonly [G in Guard]: (facts: ExperimentFacts, next: NextStep | undefined) => boolean;
} = {
  firstDecision: (facts) => facts.cycleCount === 0,
  reEscalation: (facts) => facts.cycleCount > 0,
  adapt: (_facts, next) => next === 'adapt',
  adopt: (_facts, next) => next === 'adopt',
  abandon: (_facts, next) => next === 'abandon',
};

export type Permitted = { ok: true } | { ok: false; refusal: 'forbidden'; reason: string };

/**
 * Whether `actor` may take `action` on this experiment at all, whatever its state: the first half of
 * `checkTransition`, for callers that must refuse before they read what the action would be (a request
 * body). Every refusal of a right on one experiment comes from here.
 */
export const mayTake = (facts: ExperimentFacts, action: Action, actor: Actor): Permitted => {
  const rule = ACTION_RULES[action];
  if (rule.by.some((party) => PARTY_CHECKS[party](facts, actor))) return { ok: true };
  const isOwner = !isSystemActor(actor) && actor.id === facts.owner;
  return {
    ok: false,
    refusal: 'forbidden',
    reason: (isOwner ? rule.forbidden.owner : undefined) ?? rule.forbidden.otherwise,
  };
};

/**
 * Decides whether `actor` may take `action` on an experiment in its current state, and where it goes.
 *
 * The actor's right is checked before the state: someone who may not take the action at all learns
 * nothing about where the experiment is ('forbidden'); only someone allowed to act is told about a
 * wrong state ('conflict', HTTP 409). Whether 'forbidden' becomes 404 or 403 is the caller's choice,
 * made with `canView`: a caller who may not even see the experiment must get 404.
 *
 * `recordCycle` needs `opts.next`; leaving it out is a programming error (the cycle schema always
 * supplies it), so it throws rather than inventing a refusal.
 */
export const checkTransition = (
  facts: ExperimentFacts,
  action: Action,
  actor: Actor,
  opts: { next?: NextStep } = {},
): TransitionResult => {
  const permitted = mayTake(facts, action, actor);
  if (!permitted.ok) return permitted;
  const rule = ACTION_RULES[action];
  if (action === 'recordCycle' && opts.next === undefined) {
    throw new TypeError('checkTransition: recordCycle needs opts.next (adapt, adopt or abandon)');
  }
  const move = TRANSITIONS.find(
    (t) =>
      t.action === action &&
      t.from === facts.status &&
      (t.when === undefined || GUARD_CHECKS[t.when](facts, opts.next)),
  );
  if (move) return { ok: true, to: move.to };
  return { ok: false, refusal: 'conflict', reason: rule.conflict[facts.status] ?? rule.conflict.otherwise };
};
