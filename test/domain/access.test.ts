import { describe, expect, it } from 'vitest';
import { canDecide, canView, hasPermission, PERMISSIONS, rolesFromClaim } from '#shared/domain/access.ts';
import { type Actor, ROLES } from '#shared/domain/roles.ts';

const OWNER: Actor = { id: 'olu', team: 'early-help', roles: ['staff'] };
const COLLEAGUE: Actor = { id: 'sam', team: 'early-help', roles: ['staff'] };
const MANAGER: Actor = { id: 'mo', team: 'early-help', roles: ['staff', 'manager'] };
const OTHER_MANAGER: Actor = { id: 'max', team: 'youth-justice', roles: ['manager'] };
const LEADER: Actor = { id: 'lee', team: 'leadership', roles: ['leader'] };
const GOVERNANCE: Actor = { id: 'gwen', team: 'information-governance', roles: ['governance'] };

const exp = (owner: string, everEscalated: boolean) => ({ owner, team: 'early-help', everEscalated });

describe('canView', () => {
  it.each([
    ['the owner', OWNER, exp('olu', false), true],
    ['the owner, escalated', OWNER, exp('olu', true), true],
    ['a colleague in the same team', COLLEAGUE, exp('olu', true), false],
    ['the team manager, authorised by the card', MANAGER, exp('olu', false), false],
    ['the team manager, once escalated', MANAGER, exp('olu', true), true],
    ['a manager of another team, escalated', OTHER_MANAGER, exp('olu', true), false],
    ['a leader, authorised by the card', LEADER, exp('olu', false), true],
    ['a leader, escalated', LEADER, exp('olu', true), true],
    ['a manager viewing their own card-authorised idea', MANAGER, exp('mo', false), true],
    ['information governance, authorised by the card', GOVERNANCE, exp('olu', false), true],
    ['information governance, escalated', GOVERNANCE, exp('olu', true), true],
    [
      'nobody, once the owner was erased',
      COLLEAGUE,
      { owner: null, team: 'early-help', everEscalated: true },
      false,
    ],
  ] as const)('%s: %s', (_label, actor, experiment, expected) => {
    // Act / Assess
    expect(canView(actor, experiment)).toBe(expected);
  });
});

describe('canDecide', () => {
  it.each([
    ['the owner', OWNER, 'olu', false],
    ['a colleague', COLLEAGUE, 'olu', false],
    ['the team manager', MANAGER, 'olu', true],
    ['the team manager who submitted it', MANAGER, 'mo', false],
    ['a manager of another team', OTHER_MANAGER, 'olu', false],
    ['a leader', LEADER, 'olu', true],
    ['a leader who submitted it', LEADER, 'lee', false],
    ['information governance', GOVERNANCE, 'olu', false],
  ] as const)('%s: %s', (_label, actor, owner, expected) => {
    // Act / Assess
    expect(canDecide(actor, { owner, team: 'early-help' })).toBe(expected);
  });
});

describe('PERMISSIONS', () => {
  const GOVERNANCE_ONLY = ['findRecords', 'erasePeople', 'redactText', 'readAudit'] as const;

  it.each(GOVERNANCE_ONLY)('%s is for information governance alone', (name) => {
    // Act
    const allowed = ROLES.filter((role) => hasPermission({ id: 'x', team: 't', roles: [role] }, name));

    // Assess
    expect(allowed).toEqual(['governance']);
    expect(PERMISSIONS[name].refusal).toMatch(/^Only information governance can /);
  });

  it('lets leaders and information governance end other people’s sessions, and nobody else', () => {
    // Act
    const allowed = ROLES.filter((role) =>
      hasPermission({ id: 'x', team: 't', roles: [role] }, 'endSessions'),
    );

    // Assess
    expect(allowed).toEqual(['leader', 'governance']);
  });

  it('gives governance nothing that decides cases or shows the dashboard, unless another group does', () => {
    // Act
    const governanceAlone = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((name) =>
      hasPermission(GOVERNANCE, name),
    );
    const alsoLeader = hasPermission({ ...GOVERNANCE, roles: ['leader', 'governance'] }, 'seeDashboard');

    // Assess
    expect(governanceAlone.sort()).toEqual(['endSessions', ...GOVERNANCE_ONLY].sort());
    expect(alsoLeader).toBe(true);
  });
});

describe('rolesFromClaim', () => {
  it.each([
    ['a JSON array', ['staff', 'manager'], ['staff', 'manager']],
    ['a JSON array string', '["leader"]', ['leader']],
    ["API Gateway's flattened form", '[staff manager]', ['staff', 'manager']],
    ['a flattened single group', '[leader]', ['leader']],
    ['a single group', 'staff', ['staff']],
    ['groups in any order, repeated', '[leader staff leader]', ['staff', 'leader']],
    ['governance', '[governance]', ['governance']],
    ['spaces around the value', '  [staff  manager] ', ['staff', 'manager']],
  ] as const)('reads %s', (_label, claim, expected) => {
    // Act / Assess
    expect(rolesFromClaim(claim)).toEqual(expected);
  });

  it.each([
    ['an unknown group', '[staff admin]'],
    ['an unknown group in an array', ['staff', 'admin']],
    ['a group in the wrong case', 'Staff'],
    ['an empty string', ''],
    ['an empty flattened list', '[]'],
    ['an empty array', []],
    ['a missing claim', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { staff: true }],
    ['a non-string in an array', ['staff', 1]],
    ['an unclosed bracket', '[staff manager'],
    ['a JSON object string', '{"groups":["staff"]}'],
    ['one group whose name holds a comma', 'staff,leader'],
    ['a flattened group whose name holds a comma', '[staff,leader]'],
    ['a group with a comma beside a real one', '[staff staff,leader]'],
    ['an array holding a name with a comma', ['staff,leader']],
    ['a JSON array holding a name with a comma', '["staff,leader"]'],
    ['two names without brackets', 'staff manager'],
  ] as const)('fails closed on %s', (_label, claim) => {
    // Act / Assess
    expect(rolesFromClaim(claim)).toBeNull();
  });
});
