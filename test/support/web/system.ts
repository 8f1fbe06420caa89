/**
 * The web app in-process over the real system, for the pages' own tests: the services and the session
 * store the local runtime installs (DynamoDB Local and the local Step Functions service running the
 * workflow), so a page can only ever show what the product does. One system per test file.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createWebApp } from '#functions/web/app.ts';
import { templatesFromSource } from '#functions/web/compile-views.ts';
import type { WebConfig } from '#functions/web/config.ts';
import type { WebServices } from '#functions/web/context.ts';
import { newStoredSession, sealSessionCookie } from '#functions/web/session.ts';
import type { SignIn } from '#functions/web/sign-in.ts';
import type { AuditAction } from '#shared/domain/audit.ts';
import { services } from '#shared/services/index.ts';
import type { User } from '#shared/services/user.ts';
import type { SessionStore } from '#shared/store/session-store.ts';
import { PEOPLE, userOf } from '../fixtures.ts';
import { startTestSystem, type TestSystem } from '../local-system.ts';
import { rawTable } from '../table.ts';
import { type SignInAs, testConfig, webClient } from './client.ts';
import { TEST_PEOPLE, type TestPerson, testSignIn } from './test-sign-in.ts';

/**
 * A submission's page waits for the card's answer up to this long: the workflow answers in well under a
 * second, but a busy machine must not turn a test's escalation into an "assessing" page.
 */
const SUBMIT_WAIT_MS = 30_000;

export interface TestAppOptions {
  /** The clock of the pages and of the services, for this test. */
  now?: () => Date;
  logError?: (error: unknown) => void;
  config?: () => WebConfig;
  /** Puts something around the session store, to count or fail its calls. */
  wrapSessions?: (store: SessionStore) => SessionStore;
  /** A real sign-in adapter (Cognito's, the demo users') instead of the test one. */
  signIn?: SignIn;
  /** Puts something around the sign-in adapter, to change how it refreshes. */
  wrapSignIn?: (signIn: SignIn) => SignIn;
  /** Puts something around the services, to count or fail their calls. */
  wrapServices?: (services: WebServices) => WebServices;
  /** Template folders besides the pages' own (the demo sign-in's view). */
  viewFolders?: readonly string[];
}

/** How often the pages asked the services to change something. */
export interface Calls {
  submit: number;
  decide: number;
  recordCycle: number;
  publish: number;
}

const counting = (inner: WebServices, calls: Calls): WebServices => ({
  ...inner,
  experiments: {
    ...inner.experiments,
    submit: (...args) => {
      calls.submit += 1;
      return inner.experiments.submit(...args);
    },
    decide: (...args) => {
      calls.decide += 1;
      return inner.experiments.decide(...args);
    },
    recordCycle: (...args) => {
      calls.recordCycle += 1;
      return inner.experiments.recordCycle(...args);
    },
  },
  policies: {
    ...inner.policies,
    publish: (...args) => {
      calls.publish += 1;
      return inner.policies.publish(...args);
    },
  },
});

/**
 * Starts the real local system for this test file (before its first test) and stops it after the last.
 * Each test begins with nobody signed in and the real clock; `testApp({ now })` sets the clock of the
 * pages and the services alike for that test. Returns `testApp`, which builds the web app over the
 * system with the test people and gives a browser-like client for it.
 */
export const useWebSystem = () => {
  let clock = () => new Date();
  let system: TestSystem | undefined;

  beforeAll(async () => {
    system = await startTestSystem({ now: () => clock(), submitWaitMs: SUBMIT_WAIT_MS });
  });
  afterAll(() => system?.cleanup());
  beforeEach(async () => {
    clock = () => new Date();
    const store = services().sessions;
    await Promise.all(Object.keys(TEST_PEOPLE).map((id) => store.endSessionsOf(id)));
  });

  return (o: TestAppOptions = {}) => {
    if (o.now) clock = o.now;
    const now = () => clock();
    const calls: Calls = { submit: 0, decide: 0, recordCycle: 0, publish: 0 };
    const store = services().sessions;
    const sessions = o.wrapSessions?.(store) ?? store;
    const people = new Map<string, User>(Object.values(TEST_PEOPLE).map((p) => [p.id, p]));
    const signIn = testSignIn(people);
    const adapter = o.signIn ?? signIn;
    const config = o.config ?? testConfig;
    const counted = counting(services(), calls);
    const web = o.wrapServices?.(counted) ?? counted;
    const app = createWebApp({
      services: () => web,
      sessions: () => sessions,
      signIn: o.wrapSignIn?.(adapter) ?? adapter,
      templates: templatesFromSource(o.viewFolders),
      config,
      now,
      logError: o.logError ?? (() => undefined),
    });
    const signInAs: SignInAs = async (person) => {
      const session = newStoredSession(now().getTime(), TEST_PEOPLE[person]);
      await store.create(session);
      const cookie = sealSessionCookie(config().sessionSecret, { kind: 'signedIn', sid: session.id });
      return { cookie, sessionId: session.id };
    };
    return {
      app,
      calls,
      /** The test adapter's people (change them to change who a refresh finds), and its refreshes. */
      people,
      signIn,
      /** The real session store, and how many sessions it holds (every test starts with none). */
      sessions: { ...store, size: async () => (await store.list(0)).length },
      /** A person's experiments as the real service lists them, newest first. */
      experimentsOf: async (person: TestPerson) =>
        (await services().experiments.list(TEST_PEOPLE[person], { limit: 100 })).items,
      /** One experiment as the real service gives it to a person. */
      experimentAs: (person: TestPerson, id: string) => services().experiments.get(TEST_PEOPLE[person], id),
      client: () => webClient(app, signInAs),
      /** A client with `person` signed in. */
      signedIn: async (person: TestPerson) => {
        const signedIn = webClient(app, signInAs);
        await signedIn.signInAs(person);
        return signedIn;
      },
      /** The table itself, to change an item as someone with write access to it could. */
      table: () => {
        if (!system) throw new Error('The system starts before the first test');
        return rawTable(system.endpoints.dynamodb);
      },
      /** The notifications the local system has sent (its outbox), oldest first. */
      outbox: async () => {
        const res = await fetch(`${system?.url}/local/outbox`);
        return ((await res.json()) as { items: Record<string, unknown>[] }).items;
      },
    };
  };
};

/**
 * A workflow step that fails for good, as the workflow's own RecordFailure task records it (for the
 * driving execution), so a page can be checked with the failure the product really shows.
 */
export const failWorkflowOf = async (experimentId: string, error = 'NotifyRejected'): Promise<void> => {
  const exp = await services().experiments.get(TEST_PEOPLE.sam, experimentId);
  await services().tasks.recordFailure(experimentId, { Error: error }, exp.execution?.arn);
};

/** The real audit trail, newest first, as governance reads it, with what each entry says. */
export const auditTrail = async (filters: { actor?: string; action?: AuditAction; target?: string }) =>
  (await services().audit.list(userOf(PEOPLE.gwen), { ...filters, format: 'json', limit: 100 })).items.map(
    ({ actor, action, target, outcome }) => ({ actor, action, target, outcome }),
  );
