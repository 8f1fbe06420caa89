import { describe, expect, it } from 'vitest';
import { type Actor, SYSTEM_ACTOR } from '#shared/domain/roles.ts';
import {
  ACTION_RULES,
  type Action,
  checkTransition,
  type ExperimentFacts,
  FINAL_STATUSES,
  isFinalStatus,
  mayTake,
  type NextStep,
  STATUSES,
  type Status,
  TRANSITIONS,
} from '#shared/domain/status.ts';

const TEAM = 'early-help';

// Each kind of actor, with the owner the experiment has when that actor meets it.
type ActorKind =
  | 'owner'
  | 'other staff'
  | 'manager of the team'
  | 'manager of the team who is the owner'
  | 'manager of another team'
  | 'leader'
  | 'leader who is the owner'
  | 'system';

const ACTORS: { readonly [K in ActorKind]: { actor: Actor; owner: string } } = {
  owner: { actor: { id: 'olu', team: TEAM, roles: ['staff'] }, owner: 'olu' },
  'other staff': { actor: { id: 'sam', team: TEAM, roles: ['staff'] }, owner: 'olu' },
  'manager of the team': { actor: { id: 'mo', team: TEAM, roles: ['staff', 'manager'] }, owner: 'olu' },
  'manager of the team who is the owner': {
    actor: { id: 'mo', team: TEAM, roles: ['staff', 'manager'] },
    owner: 'mo',
  },
  'manager of another team': {
    actor: { id: 'max', team: 'youth-justice', roles: ['manager'] },
    owner: 'olu',
  },
  leader: { actor: { id: 'lee', team: 'leadership', roles: ['leader'] }, owner: 'olu' },
  'leader who is the owner': { actor: { id: 'lee', team: TEAM, roles: ['staff', 'leader'] }, owner: 'lee' },
  system: { actor: SYSTEM_ACTOR, owner: 'olu' },
};

type Step =
  | 'authoriseByCard'
  | 'escalateByCard'
  | 'approve'
  | 'decline'
  | `recordCycle:${NextStep}`
  | 'escalateOnChange';
const STEPS: readonly Step[] = [
  'authoriseByCard',
  'escalateByCard',
  'approve',
  'decline',
  'recordCycle:adapt',
  'recordCycle:adopt',
  'recordCycle:abandon',
  'escalateOnChange',
];

// The oracle, written from the spec independently of the implementation's table.
const MAY_ACT: { readonly [S in Step]: readonly ActorKind[] } = {
  authoriseByCard: ['system'],
  escalateByCard: ['system'],
  approve: ['manager of the team', 'leader'],
  decline: ['manager of the team', 'leader'],
  'recordCycle:adapt': ['owner', 'manager of the team who is the owner', 'leader who is the owner'],
  'recordCycle:adopt': ['owner', 'manager of the team who is the owner', 'leader who is the owner'],
  'recordCycle:abandon': ['owner', 'manager of the team who is the owner', 'leader who is the owner'],
  escalateOnChange: ['owner', 'manager of the team who is the owner', 'leader who is the owner', 'system'],
};

/** Where each step goes from each status; a missing status is a conflict. cycleCount is 0 here. */
const MOVES: { readonly [S in Step]: { readonly [F in Status]?: Status } } = {
  authoriseByCard: { assessing: 'authorised' },
  escalateByCard: { assessing: 'escalated' },
  approve: { escalated: 'authorised' },
  decline: { escalated: 'declined' },
  'recordCycle:adapt': { authorised: 'testing', testing: 'testing' },
  'recordCycle:adopt': { authorised: 'adopted', testing: 'adopted' },
  'recordCycle:abandon': { authorised: 'abandoned', testing: 'abandoned' },
  escalateOnChange: { authorised: 'escalated', testing: 'escalated' },
};

const run = (status: Status, step: Step, kind: ActorKind, cycleCount = 0) => {
  const { actor, owner } = ACTORS[kind];
  const facts: ExperimentFacts = { status, owner, team: TEAM, cycleCount };
  const [action, next] = step.split(':') as [Action, NextStep | undefined];
  return checkTransition(facts, action, actor, next ? { next } : undefined);
};

describe('checkTransition: every status, action and actor', () => {
  describe.each(STATUSES)('from %s', (status) => {
    describe.each(STEPS)('%s', (step) => {
      it.each(Object.keys(ACTORS) as ActorKind[])('by %s', (kind) => {
        // Prepare
        const allowedActor = MAY_ACT[step].includes(kind);
        const target = MOVES[step][status];

        // Act
        const result = run(status, step, kind);

        // Assess: the right to act is checked before the state
        if (!allowedActor) {
          expect(result).toMatchObject({ ok: false, refusal: 'forbidden' });
        } else if (target === undefined) {
          expect(result).toMatchObject({ ok: false, refusal: 'conflict' });
        } else {
          expect(result).toEqual({ ok: true, to: target });
        }
        if (!result.ok) expect(result.reason).toMatch(/^[A-Z].*\.$/);
      });
    });
  });
});

describe('checkTransition: decisions on a re-escalation', () => {
  it.each(['manager of the team', 'leader'] as const)('approval by %s returns it to testing', (kind) => {
    // Act / Assess
    expect(run('escalated', 'approve', kind, 2)).toEqual({ ok: true, to: 'testing' });
  });

  it('a decline still ends it', () => {
    // Act / Assess
    expect(run('escalated', 'decline', 'manager of the team', 3)).toEqual({ ok: true, to: 'declined' });
  });
});

describe('checkTransition: reasons', () => {
  it('tells a decider that the idea no longer waits for a decision', () => {
    // Act
    const result = run('authorised', 'approve', 'manager of the team');

    // Assess
    expect(result).toEqual({
      ok: false,
      refusal: 'conflict',
      reason: 'It is no longer waiting for a decision.',
    });
  });

  it('tells an owner why no test can be recorded while waiting for a manager', () => {
    // Act
    const result = run('escalated', 'recordCycle:adapt', 'owner');

    // Assess
    expect(result).toMatchObject({
      refusal: 'conflict',
      reason: expect.stringContaining("manager's decision"),
    });
  });

  it('tells an owner they cannot decide their own idea, without revealing its state', () => {
    // Act
    const asManager = run('escalated', 'approve', 'manager of the team who is the owner');
    const asManagerLater = run('adopted', 'approve', 'manager of the team who is the owner');

    // Assess
    expect(asManager).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(asManagerLater).toEqual(asManager);
  });

  it('refuses an owner who decides their own idea in words of their own', () => {
    // Act
    const owner = run('escalated', 'approve', 'manager of the team who is the owner');
    const leaderOwner = run('escalated', 'decline', 'leader who is the owner');
    const colleague = run('escalated', 'approve', 'other staff');

    // Assess
    expect(owner).toEqual({
      ok: false,
      refusal: 'forbidden',
      reason: 'You cannot decide your own idea. Another manager of your team or a leader must decide it.',
    });
    expect(leaderOwner).toEqual(owner);
    expect(colleague).toEqual({
      ok: false,
      refusal: 'forbidden',
      reason: 'Only a manager of this team or a leader can decide this idea.',
    });
  });

  it('tells anyone but the owner that only the owner records cycles', () => {
    // Act
    const leader = run('testing', 'recordCycle:adopt', 'leader');

    // Assess
    expect(leader).toEqual({
      ok: false,
      refusal: 'forbidden',
      reason: 'Only the person who submitted this idea records its cycles.',
    });
  });

  it('does not let a token that claims the id "card" act as the system', () => {
    // Prepare
    const impostor: Actor = { ...SYSTEM_ACTOR };
    const facts: ExperimentFacts = { status: 'assessing', owner: 'olu', team: TEAM, cycleCount: 0 };

    // Act
    const result = checkTransition(facts, 'authoriseByCard', impostor);

    // Assess
    expect(result).toMatchObject({ ok: false, refusal: 'forbidden' });
  });

  it('throws on recordCycle without a next step, a programming error rather than a refusal', () => {
    // Prepare
    const facts: ExperimentFacts = { status: 'testing', owner: 'olu', team: TEAM, cycleCount: 1 };

    // Act / Assess
    expect(() => checkTransition(facts, 'recordCycle', ACTORS.owner.actor)).toThrow(TypeError);
  });
});

describe('the transition table', () => {
  it('never leaves a final status', () => {
    // Assess
    expect(TRANSITIONS.filter((move) => isFinalStatus(move.from))).toEqual([]);
    expect(FINAL_STATUSES).toEqual(['declined', 'adopted', 'abandoned']);
  });

  it('reaches every status except assessing, where everything starts', () => {
    // Act
    const reached = new Set(TRANSITIONS.map((move) => move.to));

    // Assess
    expect(STATUSES.filter((status) => !reached.has(status))).toEqual(['assessing']);
  });
});

describe('mayTake: the right to act, whatever the state', () => {
  describe.each(STATUSES)('from %s', (status) => {
    it.each(
      STEPS.flatMap((step) => (Object.keys(ACTORS) as ActorKind[]).map((kind) => [step, kind] as const)),
    )('%s by %s agrees with checkTransition on who is refused', (step, kind) => {
      // Prepare
      const { actor, owner } = ACTORS[kind];
      const facts: ExperimentFacts = { status, owner, team: TEAM, cycleCount: 0 };
      const [action] = step.split(':') as [Action];

      // Act
      const permitted = mayTake(facts, action, actor);
      const full = run(status, step, kind);

      // Assess
      expect(permitted.ok).toBe(MAY_ACT[step].includes(kind));
      if (!permitted.ok) expect(full).toEqual(permitted);
      else expect(full.ok || full.refusal === 'conflict').toBe(true);
    });
  });

  it('gives approving and declining the same deciders and the same refusals', () => {
    // Assess: a decision is authorised before its outcome is read, so either action must settle it.
    expect(ACTION_RULES.approve.by).toEqual(ACTION_RULES.decline.by);
    expect(ACTION_RULES.approve.forbidden).toEqual(ACTION_RULES.decline.forbidden);
  });
});
