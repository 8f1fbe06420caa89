import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, chainEntry } from '#shared/domain/audit.ts';
import { auditQueries } from '#shared/store/audit-queries.ts';
import { auditEntryItem, auditHeadItem, auditStore } from '#shared/store/audit-store.ts';
import { AUDIT_PARTITIONS, auditAnchorKey, auditEntryKey, auditHeadKey } from '#shared/store/keys.ts';
import { type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { parseCsv } from '../support/csv.ts';
import { type SystemClients, startSystemClients, stopSystemClients } from '../support/local-system.ts';
import { TABLE } from '../support/table.ts';

/**
 * The audit trail (#13 point 5): an entry for each event the spec lists, in the same transaction as
 * the change it records; refused attempts on experiments that exist; GET /api/audit with its filters,
 * pages and CSV; and GET /api/audit/verify, under concurrent writers, after tampering straight in
 * DynamoDB Local, and over 10,000 entries.
 */

type Entry = Omit<AuditEntry, 'action'> & { action: string };
type Page = { items: Entry[]; next: string | null };
type Verdict = {
  entries: number;
  intact: boolean;
  firstBroken?: { index: number; reason: string; hash: string | null; entry: Entry | null };
};

let system: SystemClients['system'];
let api: SystemClients['api'];
let table: SystemClients['table'];

const audit = async (filters: Record<string, string> = {}) =>
  api.call<Page>('GET', `/api/audit?${new URLSearchParams(filters)}`, { as: USERS.gwen });
const verify = async () => (await api.call<Verdict>('GET', '/api/audit/verify', { as: USERS.gwen })).body;
const head = async () => table.get(auditHeadKey());

const settled = async (as: DemoUser, id: string) =>
  (
    await api.eventually(
      () => api.get(as, id),
      (r) => r.body.status !== 'assessing',
    )
  ).body as { id: string; status: string };

const escalate = async (owner: DemoUser = USERS.sam) =>
  settled(owner, String((await api.submit(owner, outsideCard())).body.id));

beforeAll(async () => {
  ({ system, api, table } = await startSystemClients());
});

afterAll(() => stopSystemClients({ system, table }));

describe('what is audited', () => {
  it('records a decision, a cycle, a policy version and a CSV export, and a submission not at all', async () => {
    // Prepare
    const escalated = await escalate();
    const authorised = await settled(USERS.sam, String((await api.submit(USERS.sam, insideCard())).body.id));

    // Act
    await api.decide(USERS.megan, escalated.id, { outcome: 'approve' });
    await api.call('POST', `/api/experiments/${authorised.id}/cycles`, {
      as: USERS.sam,
      body: {
        result: 'worked',
        observed: 'They came.',
        learned: 'Call early.',
        next: 'adapt',
        incident: 'none',
      },
    });
    const policy = await api.call('POST', '/api/policy', {
      as: USERS.carys,
      body: {
        thresholds: { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 },
        decisionDeadlineDays: 5,
        reason: 'Re-published to check it is audited.',
      },
    });
    await api.call('GET', '/api/export.csv', { as: USERS.carys });
    const newest = (await audit({ limit: '4' })).body.items;
    const headBefore = await head();
    await escalate();
    const headAfterSubmit = await head();

    // Assess
    expect(headBefore?.seq).toBe(4);
    expect(headAfterSubmit).toEqual(headBefore);
    expect(newest.map(({ actor, action, target, outcome }) => ({ actor, action, target, outcome }))).toEqual([
      { actor: 'carys', action: 'csvExport', target: null, outcome: 'done' },
      { actor: 'carys', action: 'policyPublished', target: String(policy.body.version), outcome: 'done' },
      { actor: 'sam', action: 'cycle', target: authorised.id, outcome: 'done' },
      { actor: 'megan', action: 'decision', target: escalated.id, outcome: 'done' },
    ]);
    for (const entry of newest) {
      expect(Object.keys(entry).sort()).toEqual(
        ['action', 'actor', 'at', 'hash', 'outcome', 'previousHash', 'target'].sort(),
      );
    }
    expect(newest[0]?.previousHash).toBe(newest[1]?.hash);
  });

  it('records every refused attempt on an experiment that exists, and none for an id that names nothing', async () => {
    // Prepare
    const escalated = await escalate();
    const unknown = randomUUID();
    const before = Number((await head())?.seq ?? 0);

    // Act
    const read = await api.get(USERS.alex, escalated.id);
    const otherTeam = await api.decide(USERS.owen, escalated.id, { outcome: 'approve' });
    const own = await api.decide(USERS.sam, escalated.id, { outcome: 'approve' });
    const leaderCycle = await api.call('POST', `/api/experiments/${escalated.id}/cycles`, {
      as: USERS.carys,
      body: {},
    });
    const nothing = await api.get(USERS.alex, unknown);
    const nothingDecided = await api.decide(USERS.owen, unknown, { outcome: 'approve' });
    const entries = (await audit({ target: escalated.id })).body.items;

    // Assess
    expect([read.status, otherTeam.status, own.status, leaderCycle.status]).toEqual([404, 404, 403, 403]);
    expect([nothing.status, nothingDecided.status]).toEqual([404, 404]);
    expect(entries.map(({ actor, action, outcome }) => ({ actor, action, outcome }))).toEqual([
      { actor: 'carys', action: 'changeRefused', outcome: 'forbidden' },
      { actor: 'sam', action: 'changeRefused', outcome: 'forbidden' },
      { actor: 'owen', action: 'changeRefused', outcome: 'notFound' },
      { actor: 'alex', action: 'readRefused', outcome: 'notFound' },
    ]);
    expect(Number((await head())?.seq)).toBe(before + 4);
    expect((await audit({ target: unknown })).body.items).toEqual([]);
  });
});

describe('GET /api/audit', () => {
  it('filters by actor, action, target and time, newest first, in signed pages', async () => {
    // Prepare
    const escalated = await escalate();
    const from = new Date().toISOString();
    for (let i = 0; i < 3; i++) await api.get(USERS.rhys, escalated.id);
    await api.get(USERS.alex, escalated.id);
    const to = new Date().toISOString();

    // Act
    const byActor = (await audit({ actor: 'rhys', action: 'readRefused', from, to })).body;
    const first = (await audit({ target: escalated.id, limit: '2' })).body;
    const second = (await audit({ target: escalated.id, limit: '2', cursor: first.next ?? '' })).body;
    const forged = await audit({ target: 'someone-else', limit: '2', cursor: first.next ?? '' });
    const before = (await audit({ target: escalated.id, to: from })).body;
    const bad = await audit({ action: 'everything', limit: '500' });
    const staff = await api.call('GET', '/api/audit', { as: USERS.carys });

    // Assess
    expect(byActor.items).toHaveLength(3);
    expect(byActor.items.every((e) => e.actor === 'rhys' && e.target === escalated.id)).toBe(true);
    const times = byActor.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(first.items).toHaveLength(2);
    expect(first.items[0]?.actor).toBe('alex');
    expect(first.next).toEqual(expect.any(String));
    expect(second.items).toHaveLength(2);
    expect(second.items.map((e) => e.actor)).toEqual(['rhys', 'rhys']);
    expect(forged.status).toBe(400);
    expect(before.items).toEqual([]);
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'action',
      'limit',
    ]);
    expect(staff.status).toBe(403);
  });

  it('gives the whole filtered trail as CSV, newest first', async () => {
    // Act
    const res = await api.call('GET', '/api/audit?format=csv&action=readRefused', { as: USERS.gwen });

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="fail-forward-audit-/);
    const rows = parseCsv(String(res.body));
    expect(rows[0]).toEqual(['at', 'actor', 'action', 'target', 'outcome', 'hash', 'previousHash']);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.slice(1).every((r) => r[2] === 'readRefused' && r.length === 7)).toBe(true);
  });
});

describe('GET /api/audit/verify', () => {
  it('stays intact with every entry exactly once when 50 audited changes happen at once', {
    timeout: 240_000,
  }, async () => {
    // Prepare
    const escalated = await Promise.all(Array.from({ length: 50 }, () => escalate(USERS.alex)));
    const before = Number((await head())?.seq ?? 0);

    // Act: all 50 decisions at once, each taking its turn on the chain's head.
    const decided = await Promise.all(
      escalated.map((exp) => api.decide(USERS.megan, exp.id, { outcome: 'approve' })),
    );
    const verdict = await verify();

    // Assess
    expect(decided.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(verdict).toEqual({ entries: before + 50, intact: true });
    const targets = (await audit({ actor: 'megan', action: 'decision', limit: '100' })).body.items.map(
      (e) => e.target,
    );
    for (const exp of escalated) expect(targets.filter((t) => t === exp.id)).toHaveLength(1);
  });

  it('stays intact when writers in separate processes take turns, each told the head it lost to', {
    timeout: 120_000,
  }, async () => {
    // Prepare: two more stores on the same table, as two Lambda containers would hold, each with its
    // own queue and its own idea of the head.
    const before = Number((await head())?.seq ?? 0);
    const containers = [1, 2, 3].map(() =>
      auditStore(table.db, TABLE, { retentionMonths: 72, now: () => new Date() }),
    );

    // Act: 60 appends at once, 20 from each.
    const appended = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (containers[i % 3] as (typeof containers)[number]).append({
          actor: `container-${i % 3}`,
          action: 'readRefused',
          target: `t-${i}`,
          outcome: 'notFound',
        }),
      ),
    );
    const verdict = await verify();

    // Assess
    expect(new Set(appended.map((e) => e.seq)).size).toBe(60);
    expect(Math.min(...appended.map((e) => e.seq))).toBe(before + 1);
    expect(Math.max(...appended.map((e) => e.seq))).toBe(before + 60);
    expect(verdict).toEqual({ entries: before + 60, intact: true });
  });

  it('names the entry changed directly in DynamoDB Local, and is intact again once it is put back', async () => {
    // Prepare: the third newest entry, as stored.
    const [, , victim] = (await audit({ limit: '3' })).body.items;
    if (!victim) throw new Error('no entry to change');
    const stored = (await table.partition(AUDIT_PARTITIONS.entries)).find(
      (item) => item.hash === victim.hash,
    );
    const key = auditEntryKey(String(stored?.at), Number(stored?.seq));

    // Act
    await table.set(key, 'actor', 'someone-else');
    const tampered = await verify();
    await table.set(key, 'actor', victim.actor);
    const restored = await verify();

    // Assess
    expect(tampered.intact).toBe(false);
    expect(tampered.firstBroken).toMatchObject({
      index: tampered.entries - 3,
      reason: 'changed',
      hash: victim.hash,
      entry: { ...victim, actor: 'someone-else' },
    });
    expect(restored.intact).toBe(true);
  });

  it('finds a removed entry and a moved head', async () => {
    // Prepare
    const [newest, second] = (await audit({ limit: '2' })).body.items;
    if (!newest || !second) throw new Error('no entries');
    const items = await table.partition(AUDIT_PARTITIONS.entries);
    const secondItem = items.find((item) => item.hash === second.hash) as Record<string, unknown>;
    const headItem = await head();

    // Act: remove the second newest entry, then put it back and move the head back one.
    await table.db.send(
      new BatchWriteCommand({
        RequestItems: {
          [TABLE]: [{ DeleteRequest: { Key: auditEntryKey(second.at, Number(secondItem.seq)) } }],
        },
      }),
    );
    const removed = await verify();
    await table.db.send(new PutCommand({ TableName: TABLE, Item: secondItem }));
    await table.set(auditHeadKey(), 'hash', second.hash);
    const headMoved = await verify();
    await table.set(auditHeadKey(), 'hash', headItem?.hash);

    // Assess
    expect(removed).toMatchObject({ intact: false, firstBroken: { reason: 'unlinked', hash: newest.hash } });
    expect(headMoved).toMatchObject({ intact: false, firstBroken: { reason: 'head', hash: newest.hash } });
    expect((await verify()).intact).toBe(true);
  });

  it('stays verifiable when retention removes the oldest entries and moves the anchor', async () => {
    // Prepare: the time of the 31st oldest entry; everything written before it is past retention.
    const items = await table.partition(AUDIT_PARTITIONS.entries);
    const cutoff = String(items[30]?.at);
    const due = items.filter((item) => String(item.at) < cutoff).length;
    const before = await verify();

    // Act
    const removed = await auditQueries(table.db, TABLE).prune(cutoff);
    const again = await auditQueries(table.db, TABLE).prune(cutoff);
    const after = await verify();

    // Assess
    expect(due).toBeGreaterThan(0);
    expect(removed).toBe(due);
    expect(again).toBe(0);
    expect(after).toEqual({ entries: before.entries - due, intact: true });
    const anchor = await table.get(auditAnchorKey());
    expect(anchor).toMatchObject({ seq: due, hash: items[due - 1]?.hash });
  });

  it('reads 10,000 entries in order once, and says how long it took', { timeout: 300_000 }, async () => {
    // Prepare: 10,000 more entries chained on the head, written in bulk with the store's own items.
    const start = await head();
    let previous = String(start?.hash);
    let seq = Number(start?.seq);
    const base = Date.now();
    const items: Record<string, unknown>[] = [];
    let last: AuditEntry | undefined;
    for (let i = 0; i < 10_000; i++) {
      const at = new Date(base + i).toISOString();
      last = chainEntry(
        { at, actor: 'sam', action: 'readRefused', target: randomUUID(), outcome: 'notFound' },
        previous,
      );
      previous = last.hash;
      seq += 1;
      items.push(auditEntryItem(last, seq, 72));
    }
    for (let i = 0; i < items.length; i += 25 * 4) {
      await Promise.all(
        [0, 1, 2, 3].map((j) => {
          const batch = items.slice(i + j * 25, i + (j + 1) * 25);
          if (batch.length === 0) return undefined;
          return table.db.send(
            new BatchWriteCommand({
              RequestItems: { [TABLE]: batch.map((Item) => ({ PutRequest: { Item } })) },
            }),
          );
        }),
      );
    }
    if (!last) throw new Error('nothing chained');
    await table.db.send(new PutCommand({ TableName: TABLE, Item: auditHeadItem(last, seq) }));

    // Act
    const started = performance.now();
    const verdict = await verify();
    const ms = performance.now() - started;

    // Assess
    const removed = Number((await table.get(auditAnchorKey()))?.seq ?? 0);
    expect(verdict).toEqual({ entries: seq - removed, intact: true });
    console.info(`GET /api/audit/verify over ${verdict.entries} entries: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(30_000);
  });
});
