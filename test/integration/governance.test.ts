import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStoredSession } from '#functions/web/session.ts';
import { REDACTED } from '#shared/domain/redaction.ts';
import { services } from '#shared/services/index.ts';
import { erasedKey, experimentKey, idempotencyKey, personRefKey } from '#shared/store/keys.ts';
import { type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { type SystemClients, startSystemClients, stopSystemClients } from '../support/local-system.ts';

/**
 * Information governance over the JSON API (#13 points 3, 4 and 6): a person's records, erasure,
 * redaction, and the personal-details check on submissions and cycles, with the spec's codes for bad
 * input, unknown people and everyone but governance.
 */

type Exp = {
  id: string;
  status: string;
  owner: string | null;
  ownerName: string | null;
  problem: string | null;
  title: string;
  hypothesis: Record<string, string | null>;
  decision?: { by: string | null; byName: string | null; outcome: string };
  authorisation?: { by: string | null };
  cycles: { number: number; observed: string | null; recordedBy: string | null }[];
  history: {
    event: string;
    by: string | null;
    byName: string | null;
    detail?: string | null;
    field?: string;
  }[];
  warnings?: { path: string; kind: string }[];
};

let system: SystemClients['system'];
let api: SystemClients['api'];
let table: SystemClients['table'];

/** Someone new for each test, so erasure never touches the people other tests act as. */
const newPerson = (groups: string[] = ['staff'], team = 'early-help'): DemoUser => {
  const sub = `p-${randomUUID().slice(0, 8)}`;
  return { sub, name: `Person ${sub}`, groups, team };
};

const submit = async (as: DemoUser, body: unknown = insideCard(), key = randomUUID()) =>
  (await api.submit(as, body, key)) as unknown as { status: number; body: Exp };

const settled = async (as: DemoUser, id: string) =>
  (
    await api.eventually(
      () => api.get(as, id),
      (r) => r.body.status !== 'assessing',
    )
  ).body as unknown as Exp;

const cycle = (as: DemoUser, id: string, body: unknown) =>
  api.call<Exp>('POST', `/api/experiments/${id}/cycles`, { as, body });

const learning = (next: 'adapt' | 'adopt' | 'abandon', extra: Record<string, unknown> = {}) => ({
  result: 'worked',
  observed: 'Most families took up the first appointment.',
  learned: 'An evening call the same day works.',
  next,
  incident: 'none',
  ...extra,
});

const records = (as: DemoUser, id: string) => api.call('GET', `/api/people/${id}/records`, { as });
const erase = (
  as: DemoUser,
  id: string,
  body: unknown = { reason: 'Left the council; asked for erasure.' },
) => api.call('POST', `/api/people/${id}/erasure`, { as, body });
const redact = (as: DemoUser, id: string, body: unknown) =>
  api.call<Exp>('POST', `/api/experiments/${id}/redactions`, { as, body });
const auditOf = async (filters: Record<string, string>) =>
  (
    await api.call<{ items: { action: string; actor: string; target: string | null; outcome: string }[] }>(
      'GET',
      `/api/audit?${new URLSearchParams({ limit: '100', ...filters })}`,
      { as: USERS.gwen },
    )
  ).body.items;

beforeAll(async () => {
  ({ system, api, table } = await startSystemClients());
});

afterAll(() => stopSystemClients({ system, table }));

describe('personal details in free text', () => {
  it('refuses a submission whose text identifies someone, with an issue per field, and stores nothing', async () => {
    // Prepare
    const person = newPerson();
    const body = insideCard();
    body.problem = 'Call the family on 07700 900123 or email jo.bloggs@example.org before Friday.';
    body.hypothesis.measure = 'NHS number 943 476 5919 on each referral';

    // Act
    const res = await api.submit(person, body);
    const again = await api.submit(person, body);
    const list = await api.call<{ items: unknown[] }>('GET', '/api/experiments', { as: person });

    // Assess
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'bad_request' });
    expect(res.body.issues).toEqual([
      { path: 'problem', message: "Remove the email address: describe people, don't identify them" },
      { path: 'problem', message: "Remove the phone number: describe people, don't identify them" },
      { path: 'hypothesis.measure', message: "Remove the NHS number: describe people, don't identify them" },
    ]);
    expect(again.status).toBe(400);
    expect(list.body.items).toEqual([]);
  });

  it('answers 201 with warnings for a postcode or a date of birth, the same again for the same key, stored nowhere', async () => {
    // Prepare
    const person = newPerson();
    const body = insideCard();
    body.problem =
      'A family near NP20 4UR, the youngest born 3 March 2015, waits too long for a first visit.';
    const key = randomUUID();

    // Act
    const first = await submit(person, body, key);
    const repeat = await submit(person, body, key);
    const stored = await table.get(experimentKey(first.body.id));

    // Assess
    expect(first.status).toBe(201);
    expect(first.body.warnings).toEqual([
      { path: 'problem', kind: 'postcode' },
      { path: 'problem', kind: 'dateOfBirth' },
    ]);
    expect(repeat.status).toBe(201);
    expect(repeat.body.id).toBe(first.body.id);
    expect(repeat.body.warnings).toEqual(first.body.warnings);
    expect(stored).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain('warnings');
    const plain = await submit(person);
    expect(plain.body.warnings).toBeUndefined();
  });

  it('runs the same check on cycles: 400 with nothing recorded, or 201 with warnings', async () => {
    // Prepare
    const person = newPerson();
    const exp = await settled(person, (await submit(person)).body.id);
    expect(exp.status).toBe('authorised');

    // Act
    const refused = await cycle(
      person,
      exp.id,
      learning('adapt', { observed: 'Dad gave his number AB 12 34 56 C at the door.' }),
    );
    const unchanged = (await api.get(person, exp.id)).body as unknown as Exp;
    const warned = await cycle(
      person,
      exp.id,
      learning('adapt', { learned: 'Families around CF10 1EP like a text first.' }),
    );

    // Assess
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      issues: [
        {
          path: 'observed',
          message: "Remove the National Insurance number: describe people, don't identify them",
        },
      ],
    });
    expect(unchanged.cycles).toEqual([]);
    expect(warned.status).toBe(201);
    expect(warned.body.warnings).toEqual([{ path: 'learned', kind: 'postcode' }]);
    expect(warned.body.cycles).toHaveLength(1);
  });
});

describe("a person's records (subject access)", () => {
  it('gives governance everything held about a person, found without a scan, and audits the export', async () => {
    // Prepare: a manager who decided someone else's idea, and has a session of their own.
    const owner = newPerson();
    const manager = newPerson(['staff', 'manager']);
    const own = await settled(manager, (await submit(manager)).body.id);
    const escalated = await settled(owner, (await submit(owner, outsideCard())).body.id);
    expect(escalated.status).toBe('escalated');
    const decided = await api.decide(manager, escalated.id, {
      outcome: 'decline',
      reason: 'Too big for now.',
    });
    expect(decided.status).toBe(200);

    // Act
    const res = await records(USERS.gwen, manager.sub);

    // Assess
    expect(res.status).toBe(200);
    const body = res.body as {
      person: string;
      experiments: Exp[];
      decisions: { experimentId: string; outcome: string; detail: string | null }[];
      cycles: unknown[];
      audit: { action: string; actor: string; target: string | null }[];
      sessions: number;
    };
    expect(Object.keys(body).sort()).toEqual([
      'audit',
      'covers',
      'cycles',
      'decisions',
      'directory',
      'experiments',
      'person',
      'sessions',
    ]);
    expect(body.person).toBe(manager.sub);
    expect(body.experiments.map((e) => e.id).sort()).toEqual([own.id, escalated.id].sort());
    expect(body.decisions).toEqual([
      { experimentId: escalated.id, at: expect.any(String), outcome: 'decline', detail: 'Too big for now.' },
    ]);
    expect(body.audit).toContainEqual(
      expect.objectContaining({ action: 'decision', actor: manager.sub, target: escalated.id }),
    );
    expect(body.sessions).toBe(0);
    const exports = await auditOf({ action: 'recordsExport', target: manager.sub });
    expect(exports).toEqual([expect.objectContaining({ actor: 'gwen', outcome: 'done' })]);
  });

  it('is 404 for a person about whom nothing is held, or an id that cannot be anyone, and 403 for everyone else', async () => {
    // Act
    const nobody = await records(USERS.gwen, `nobody-${randomUUID().slice(0, 8)}`);
    const invalid = await records(USERS.gwen, '%20bad%20id');
    const leader = await records(USERS.carys, 'sam');
    const staff = await records(USERS.sam, 'sam');

    // Assess
    expect(nobody.status).toBe(404);
    expect(nobody.body).toMatchObject({
      error: 'not_found',
      message: 'Nothing is held about a person with that id.',
    });
    expect(invalid.status).toBe(404);
    expect(leader.status).toBe(403);
    expect(staff.status).toBe(403);
  });
});

describe('erasure', () => {
  it("replaces the person's id and name everywhere by null, keeps the text, ends their sessions, and again answers 0s", async () => {
    // Prepare: an owner with a cycle, decided by a manager who is then erased too.
    const owner = newPerson();
    const manager = newPerson(['staff', 'manager']);
    const key = randomUUID();
    const exp = await settled(owner, (await submit(owner, outsideCard(), key)).body.id);
    await api.decide(manager, exp.id, { outcome: 'approve', conditions: 'Check in after two weeks.' });
    await cycle(owner, exp.id, learning('adapt'));
    const before = await table.get(idempotencyKey(owner.sub, key));
    const signedIn = { id: owner.sub, name: owner.name, team: owner.team, roles: ['staff' as const] };
    await services().sessions.create(newStoredSession(Date.now(), signedIn));
    await services().sessions.create(newStoredSession(Date.now(), signedIn));
    const sessionsBefore = (await records(USERS.gwen, owner.sub)).body as { sessions: number };

    // Act
    const first = await erase(USERS.gwen, owner.sub);
    const again = await erase(USERS.gwen, owner.sub);
    const managerErased = await erase(USERS.gwen, manager.sub);
    const after = (await api.get(USERS.carys, exp.id)).body as unknown as Exp;

    // Assess
    expect(first.status).toBe(200);
    // The owner, the submission's history entry, the cycle's entry and the cycle itself.
    expect(first.body).toEqual({ experiments: 1, entries: 4 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ experiments: 0, entries: 0 });
    // The authorisation, the decision and the approval's history entry.
    expect(managerErased.body).toEqual({ experiments: 1, entries: 3 });
    expect(after.owner).toBeNull();
    expect(after.ownerName).toBeNull();
    expect(after.decision).toMatchObject({ by: null, byName: null, outcome: 'approve' });
    expect(after.authorisation?.by).toBeNull();
    expect(after.cycles[0]?.recordedBy).toBeNull();
    expect(after.history.every((h) => h.by === null || h.by === 'card')).toBe(true);
    expect(after.problem).toBe(outsideCard().problem);
    expect(JSON.stringify(after)).not.toContain(owner.sub);
    expect(JSON.stringify(after)).not.toContain(manager.name);
    expect(before).toBeDefined();
    expect(await table.get(idempotencyKey(owner.sub, key))).toBeUndefined();
    expect(await table.get(personRefKey(manager.sub, exp.id))).toBeUndefined();
    expect(await table.get(erasedKey(owner.sub))).toBeDefined();
    const entries = await auditOf({ action: 'erasure', target: owner.sub });
    expect(entries).toHaveLength(2);
    expect(sessionsBefore.sessions).toBe(2);
    expect(await auditOf({ action: 'sessionEnded', target: owner.sub })).toEqual([
      expect.objectContaining({ actor: 'gwen', outcome: 'done' }),
    ]);
    const leftover = (await records(USERS.gwen, owner.sub)).body as {
      experiments: unknown[];
      sessions: number;
    };
    expect(leftover.experiments).toEqual([]);
    expect(leftover.sessions).toBe(0);
  });

  it('refuses a change by someone erased since they signed in: 403, nothing written, the refusal audited', async () => {
    // Prepare: a manager known for one decision, with another idea waiting for them.
    const owner = newPerson();
    const manager = newPerson(['staff', 'manager']);
    const decided = await settled(owner, (await submit(owner, outsideCard())).body.id);
    await api.decide(manager, decided.id, { outcome: 'approve' });
    const waiting = await settled(owner, (await submit(owner, outsideCard())).body.id);

    // Act: the manager is erased, then decides with the token they still hold.
    await erase(USERS.gwen, manager.sub);
    const late = await api.decide(manager, waiting.id, { outcome: 'approve' });
    const unchanged = (await api.get(owner, waiting.id)).body as unknown as Exp;

    // Assess
    expect(late.status).toBe(403);
    expect(unchanged.status).toBe('escalated');
    expect(unchanged.history.map((h) => h.by)).not.toContain(manager.sub);
    expect(await table.get(personRefKey(manager.sub, waiting.id))).toBeUndefined();
    const refusals = await auditOf({ action: 'changeRefused', target: waiting.id });
    expect(refusals).toEqual([expect.objectContaining({ actor: manager.sub, outcome: 'forbidden' })]);
  });

  it('rejects bad bodies with 400, unknown people with 404 and everyone else with 403 before the body, changing nothing', async () => {
    // Prepare
    const owner = newPerson();
    const exp = await settled(owner, (await submit(owner)).body.id);
    const before = await table.get(experimentKey(exp.id));

    // Act
    const short = await erase(USERS.gwen, owner.sub, { reason: 'no' });
    const extra = await erase(USERS.gwen, owner.sub, { reason: 'Asked to be forgotten.', person: 'x' });
    const notJson = await api.call('POST', `/api/people/${owner.sub}/erasure`, {
      as: USERS.gwen,
      rawBody: 'reason=hello',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const unknown = await erase(USERS.gwen, `nobody-${randomUUID().slice(0, 8)}`, {});
    const leader = await erase(USERS.carys, owner.sub, {});
    const staff = await erase(owner, owner.sub, { reason: 'I want to be forgotten.' });
    const after = await table.get(experimentKey(exp.id));

    // Assess
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({
      error: 'bad_request',
      issues: [
        {
          path: 'reason',
          message: "Enter the reason for erasing this person's records, between 5 and 2,000 characters",
        },
      ],
    });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ issues: [{ path: 'person' }] });
    expect(notJson.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(leader.status).toBe(403);
    expect(leader.body).toMatchObject({
      message: "Only information governance can erase a person's records.",
    });
    expect(staff.status).toBe(403);
    expect(after).toEqual(before);
    expect(await table.get(erasedKey(owner.sub))).toBeUndefined();
  });
});

describe('redaction', () => {
  it('replaces one field by the removal notice, puts it in the history and the audit trail, and 400s an unknown field', async () => {
    // Prepare
    const owner = newPerson();
    const exp = await settled(owner, (await submit(owner)).body.id);
    await cycle(owner, exp.id, learning('adapt'));

    // Act
    const res = await redact(USERS.gwen, exp.id, {
      field: 'cycles.1.observed',
      reason: 'A family was named by mistake.',
    });
    const problem = await redact(USERS.gwen, exp.id, {
      field: 'problem',
      reason: 'Typed a street name by mistake.',
    });
    const stored = await table.get(experimentKey(exp.id));
    const unknown = await redact(USERS.gwen, exp.id, {
      field: 'cycles.9.observed',
      reason: 'A family was named.',
    });
    const badReason = await redact(USERS.gwen, exp.id, {
      field: 'title',
      reason: 'Phone 07700 900123 was in it',
    });
    const leader = await redact(USERS.carys, exp.id, { field: 'title', reason: 'Leaders may not.' });
    const after = (await api.get(owner, exp.id)).body as unknown as Exp;
    const storedAfter = await table.get(experimentKey(exp.id));

    // Assess
    expect(storedAfter).toEqual(stored);
    expect(res.status).toBe(200);
    expect(res.body.cycles[0]?.observed).toBe(REDACTED);
    expect(problem.status).toBe(200);
    expect(after.problem).toBe(REDACTED);
    expect(after.cycles[0]?.observed).toBe(REDACTED);
    const redactions = after.history.filter((h) => h.event === 'redacted');
    // The field as a code and governance's reason as written: each page words the entry in its language.
    expect(redactions.map((h) => [h.field, h.detail])).toEqual([
      ['cycles.1.observed', 'A family was named by mistake.'],
      ['problem', 'Typed a street name by mistake.'],
    ]);
    expect(redactions.every((h) => h.by === 'gwen')).toBe(true);
    expect(JSON.stringify(after)).not.toContain(insideCard().problem);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ issues: [{ path: 'field' }] });
    expect(badReason.status).toBe(400);
    expect(badReason.body).toMatchObject({ issues: [{ path: 'reason' }] });
    expect(leader.status).toBe(403);
    const entries = await auditOf({ target: exp.id });
    expect(entries.filter((e) => e.action === 'redaction')).toHaveLength(2);
    expect(entries.filter((e) => e.action === 'changeRefused')).toEqual([
      expect.objectContaining({ actor: 'carys', outcome: 'forbidden' }),
    ]);
    expect(after.title).toBe(insideCard().title);
  });
});
