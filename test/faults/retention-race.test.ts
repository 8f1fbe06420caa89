import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '#shared/domain/redaction.ts';
import { client, insideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { inPool, sleep } from './fault-support.ts';

/**
 * Retention racing governance (#13, bad input and races): the local runtime's own schedule anonymises
 * each adopted experiment two seconds after it closed, while information governance redacts its title
 * somewhere from 0.6 s before that moment to 0.6 s after. Whichever goes first, each ends anonymised,
 * with its title removed, naming nobody, with one entry of each kind and an intact chain.
 */

const RUNS = 50;
const RETENTION_SECONDS = 2;

type Exp = {
  id: string;
  status: string;
  title: string;
  anonymised?: boolean;
  retainUntil?: string;
  history: { event: string; by: string | null }[];
};

let system: TestSystem;
let api: ReturnType<typeof client>;

const read = async (id: string) => (await api.get(USERS.carys, id)).body as unknown as Exp;

beforeAll(async () => {
  system = await startTestSystem({ retentionSeconds: RETENTION_SECONDS, retentionEveryMs: 200 });
  api = client(system.url);
});

afterAll(async () => {
  await system?.cleanup();
});

describe('retention against a redaction, 50 times', () => {
  it('ends anonymised and redacted whichever goes first, one entry each, the chain intact', {
    timeout: 300_000,
  }, async () => {
    // Act: each run closes an idea, then redacts its title at a moment around its retainUntil.
    const outcomes = await inPool(RUNS, 5, async (i) => {
      const submitted = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;
      const exp = await api.eventually(
        () => read(submitted.id),
        (e) => e.status === 'authorised',
      );
      const adopted = await api.call<Exp>('POST', `/api/experiments/${exp.id}/cycles`, {
        as: USERS.sam,
        body: { result: 'worked', observed: 'They came.', learned: 'Call the same day.', next: 'adopt' },
      });
      const due = Date.parse(adopted.body.retainUntil ?? '');
      await sleep(Math.max(0, due - 600 + (1200 * i) / RUNS - Date.now()));
      const redacted = await api.call<Exp>('POST', `/api/experiments/${exp.id}/redactions`, {
        as: USERS.gwen,
        body: { field: 'title', reason: 'A family was named in the title.' },
      });
      return { id: exp.id, redacted };
    });

    // Assess
    let redactedFirst = 0;
    for (const { id, redacted } of outcomes) {
      expect(redacted.status).toBe(200);
      const final = await api.eventually(
        () => read(id),
        (e) => e.anonymised === true,
      );
      expect(final.title).toBe(REDACTED);
      expect(final.history.filter((h) => h.event === 'redacted')).toEqual([
        expect.objectContaining({ by: null }),
      ]);
      expect(final.history.every((h) => h.by === null || h.by === 'card')).toBe(true);
      const entries = (
        await api.call<{ items: { action: string; actor: string }[] }>('GET', `/api/audit?target=${id}`, {
          as: USERS.gwen,
        })
      ).body.items;
      const kinds = entries.map((e) => e.action).filter((a) => a === 'redaction' || a === 'anonymisation');
      expect([...kinds].sort()).toEqual(['anonymisation', 'redaction']);
      // Newest first: the redaction was first when it is the older of the two.
      if (kinds[0] === 'anonymisation') redactedFirst++;
    }
    console.info(`retention race: the redaction went first ${redactedFirst} of ${RUNS} times`);
    expect(redactedFirst).toBeGreaterThan(0);
    expect(redactedFirst).toBeLessThan(RUNS);
    const verdict = await api.call<{ intact: boolean }>('GET', '/api/audit/verify', { as: USERS.gwen });
    expect(verdict.body.intact).toBe(true);
  });
});
