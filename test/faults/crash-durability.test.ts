import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#infra/local/free-port.ts';
import { history, parkedIn, sfnClient } from '../../bench/workflow-probe.ts';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import {
  duplicates,
  type Endpoints,
  executionNames,
  inPool,
  outbox,
  type StoredExperiment,
  scanExperiments,
  scanItems,
  sleep,
} from './fault-support.ts';

/*
 * `npm start` as a child process in its own process group, killed with SIGKILL (Node and DynamoDB
 * Local's Java together) three times while 300 submissions and the decisions on them are in flight,
 * and started again each time on the same data folder. Clients behave as real ones do: a request cut
 * off by the crash is sent again, with the same Idempotency-Key, once the system answers again.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUBMISSIONS = 300;
const DEADLINE_SECONDS = 4;
const CRASHES = 3;
const STAFF: DemoUser[] = [USERS.sam, USERS.alex, USERS.rhys];
const MANAGER_OF: Record<string, DemoUser> = { 'early-help': USERS.megan, 'youth-justice': USERS.owen };

/** Seeded, so a failing run's crash points can be told apart in the log and reasoned about. */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const rnd = (() => {
  let state = SEED;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
})();

let dataDir: string;
let port: number;
let baseUrl: string;
let child: ChildProcess | undefined;
let lastReadyAt = 0;
const restartsSeconds: number[] = [];

const healthy = async () => {
  try {
    return (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false;
  }
};

const startSystem = async () => {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DECISION_DEADLINE_SECONDS: String(DEADLINE_SECONDS),
  };
  // Nothing of an in-process system of this worker may leak into the child's configuration.
  for (const name of Object.keys(env)) if (name.startsWith('AWS_ENDPOINT_URL')) delete env[name];
  const proc = spawn(process.execPath, ['infra/local/start.ts'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  proc.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child = proc;
  while (!(output.includes('Press Ctrl-C to stop.') && (await healthy()))) {
    if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${output}`);
    if (Date.now() - started > 180_000) throw new Error(`npm start was not ready in 180 s:\n${output}`);
    await sleep(100);
  }
  lastReadyAt = Date.now();
  restartsSeconds.push((lastReadyAt - started) / 1000);
};

/** SIGKILL to the whole process group: the Node process and its DynamoDB Local. */
const crash = async () => {
  const proc = child;
  if (!proc?.pid) return;
  const exited = new Promise((done) => proc.once('exit', done));
  process.kill(-proc.pid, 'SIGKILL');
  await exited;
};

const waitUntilUp = async () => {
  while (!(await healthy())) await sleep(200);
};

/** Sends a request until the system answers it, riding out crashes in between. */
const persist = async <T>(send: () => Promise<T>): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt > 50) throw error;
      await sleep(200);
      await waitUntilUp();
    }
  }
};

interface Submission {
  index: number;
  key: string;
  owner: DemoUser;
  title: string;
  inside: boolean;
  ack?: { id: string; status: string };
}

interface Decision {
  id: string;
  outcome: 'approve' | 'decline';
  ack?: { status: string };
}

const submissions: Submission[] = [];
const decisions: Decision[] = [];
let endpoints: Endpoints;
let stored: StoredExperiment[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fail-forward-crash-'));
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  await startSystem();
}, 200_000);

afterAll(async () => {
  const proc = child;
  if (proc?.pid && proc.exitCode === null) {
    const exited = new Promise((done) => proc.once('exit', done));
    process.kill(-proc.pid, 'SIGTERM');
    const timer = setTimeout(() => proc.pid && process.kill(-proc.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe(`three kill -9 of the whole system during a load (seed ${SEED})`, () => {
  it('loses no acknowledged request, duplicates nothing, and leaves every escalation decidable and timed', {
    timeout: 900_000,
  }, async () => {
    // Prepare
    const api = client(baseUrl);
    for (let index = 0; index < SUBMISSIONS; index++) {
      submissions.push({
        index,
        key: randomUUID(),
        owner: STAFF[index % STAFF.length] as DemoUser,
        title: `Crash load ${index} ${SEED}`,
        inside: rnd() < 0.6,
      });
    }
    // Crash when the load has acknowledged a random share of the submissions, so each crash lands mid-load.
    const crashAt = Array.from({ length: CRASHES }, (_, k) =>
      Math.floor(((k + 0.3 + 0.5 * rnd()) / (CRASHES + 0.5)) * SUBMISSIONS),
    );
    let acknowledged = 0;

    // Act
    const chaos = (async () => {
      for (const threshold of crashAt) {
        while (acknowledged < threshold) await sleep(20);
        await sleep(rnd() * 300);
        await crash();
        await sleep(rnd() * 1000);
        await startSystem();
      }
    })();
    const load = inPool(SUBMISSIONS, 8, async (i) => {
      const s = submissions[i] as Submission;
      const body = { ...(s.inside ? insideCard() : outsideCard()), title: s.title };
      const res = await persist(() => api.submit(s.owner, body, s.key));
      if (res.status !== 201)
        throw new Error(`Submission ${i} answered ${res.status}: ${JSON.stringify(res.body)}`);
      const exp = res.body as { id: string; status: string };
      s.ack = { id: exp.id, status: exp.status };
      acknowledged++;
      // Managers decide most escalations as they arrive; the rest stay waiting for the deadline.
      if (exp.status === 'escalated' && rnd() < 0.7) {
        const decision: Decision = { id: exp.id, outcome: rnd() < 0.8 ? 'approve' : 'decline' };
        decisions.push(decision);
        const manager = MANAGER_OF[s.owner.team] as DemoUser;
        const answer = await persist(() =>
          api.decide(
            manager,
            exp.id,
            decision.outcome === 'approve'
              ? { outcome: 'approve' }
              : { outcome: 'decline', reason: 'Too big.' },
          ),
        );
        // A 409 after a cut-off request means the first attempt was recorded: checked against the table below.
        if (answer.status === 200) decision.ack = { status: String(answer.body.status) };
        else if (answer.status !== 409) throw new Error(`Decision answered ${answer.status}`);
      }
    });
    await Promise.all([load, chaos]);
    endpoints = (await (await fetch(`${baseUrl}/local/endpoints`)).json()) as Endpoints;
    await sleep(Math.max(0, lastReadyAt + 10_000 - Date.now()));
    stored = await scanExperiments(endpoints);

    // Assess: every acknowledged submission is stored exactly once, in its acknowledged state or later.
    const later: Record<string, string[]> = {
      assessing: ['assessing', 'authorised', 'escalated', 'declined'],
      authorised: ['authorised'],
      escalated: ['escalated', 'authorised', 'declined'],
    };
    expect(submissions.every((s) => s.ack)).toBe(true);
    const keys = await scanItems<{ pk: string; experimentId: string }>(endpoints, 'IDEMP#');
    for (const s of submissions) {
      const records = keys.filter((k) => k.pk === `IDEMP#${s.owner.sub}#${s.key}`);
      expect(records.map((k) => k.experimentId)).toEqual([s.ack?.id]);
      const copies = stored.filter((e) => e.title === s.title);
      expect(copies).toHaveLength(1);
      expect(copies[0]?.id).toBe(s.ack?.id);
      expect(later[s.ack?.status ?? '']).toContain(copies[0]?.status);
    }
    for (const d of decisions) {
      const exp = stored.find((e) => e.id === d.id);
      expect(exp?.status).toBe(d.outcome === 'approve' ? 'authorised' : 'declined');
      if (d.ack) expect(d.ack.status).toBe(exp?.status);
    }
    // Nothing is still being assessed 10 s after the last restart, and nothing failed.
    expect(stored.filter((e) => e.status === 'assessing').map((e) => e.id)).toEqual([]);
    expect(stored.filter((e) => e.failure !== undefined).map((e) => e.id)).toEqual([]);

    // One execution per experiment, no more.
    const names = await executionNames(endpoints);
    expect(duplicates(names)).toEqual([]);
    expect(new Set(names)).toEqual(new Set(stored.map((e) => e.id)));

    // Every waiting escalation can still be decided, and the deadline still fires for the others.
    const waiting = stored.filter((e) => e.status === 'escalated');
    expect(waiting.length).toBeGreaterThan(1);
    const toDecide = waiting.slice(0, Math.ceil(waiting.length / 2));
    const toLapse = waiting.slice(toDecide.length);
    const lateDecisions = await inPool(toDecide.length, 4, (i) => {
      const exp = toDecide[i] as StoredExperiment;
      const owner = STAFF.find((u) => u.sub === exp.owner) as DemoUser;
      return api.decide(MANAGER_OF[owner.team] as DemoUser, exp.id, { outcome: 'approve' });
    });
    expect(lateDecisions.map((r) => r.status)).toEqual(toDecide.map(() => 200));
    const sfn = sfnClient(endpoints.stepfunctions);
    let final: StoredExperiment[];
    try {
      for (const exp of toLapse) {
        const owner = STAFF.find((u) => u.sub === exp.owner) as DemoUser;
        const lapsed = await api.eventually(
          async () => (await api.get(owner, exp.id)).body as { raisedToLeaders: boolean; status: string },
          (e) => e.raisedToLeaders,
          (DEADLINE_SECONDS + 10) * 1000,
        );
        expect(lapsed).toMatchObject({ raisedToLeaders: true, status: 'escalated' });
      }
      const leaderQueue = (await api.queue(USERS.carys)).body.items.map((e) => e.id);
      for (const exp of toLapse) expect(leaderQueue).toContain(exp.id);

      // Every workflow took in what was recorded: no decision or assessment lost to a crash.
      final = await scanExperiments(endpoints);
      for (const exp of final) {
        const expected =
          exp.status === 'declined'
            ? undefined
            : exp.status === 'escalated'
              ? 'WaitForDecision'
              : 'WaitForCycle';
        const events = await api.eventually(
          () => history(sfn, exp.id),
          (e) => (expected ? parkedIn(e) === expected : e.at(-1)?.type === 'ExecutionSucceeded'),
          30_000,
        );
        expect(expected ? parkedIn(events) : events.at(-1)?.type).toBe(expected ?? 'ExecutionSucceeded');
      }
    } finally {
      sfn.destroy();
    }

    // No notification twice, and none lost: one per escalation, per raise and per decision.
    const messages = await outbox(baseUrl);
    expect(duplicates(messages.map((m) => m.dedupeKey))).toEqual([]);
    const sent = (template: string) =>
      messages.filter((m) => m.template === template).map((m) => m.experimentId);
    const everEscalated = stored
      .filter((e) => e.history.some((h) => h.event === 'escalated'))
      .map((e) => e.id);
    expect(sent('escalated-to-managers').sort()).toEqual([...everEscalated].sort());
    expect(duplicates(sent('raised-to-leaders'))).toEqual([]);
    expect(sent('decision-to-owner').sort()).toEqual(final.flatMap((e) => (e.decision ? [e.id] : [])).sort());
    for (const exp of toLapse) expect(sent('raised-to-leaders')).toContain(exp.id);
    console.info(
      `crash test (seed ${SEED}): crashes after ${crashAt.join(', ')} acknowledgements; restarts took ${restartsSeconds
        .map((s) => s.toFixed(1))
        .join(
          ', ',
        )} s; ${decisions.length} decisions during the load, ${toDecide.length} after it, ${toLapse.length} left to lapse`,
    );
  });
});
