/**
 * The learning library over the real local system, for library.test.ts and library-updates.test.ts: each
 * file starts its own system with `startSeededLibrary`, and the same ideas go in through the API as people
 * submit them and record their cycles. Each test file loads its own copy of this module, and so its own
 * `system`, `api` and `ids`.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

export type Entry = {
  id: string;
  title: string;
  team: string;
  status: string;
  problem: string | null;
  hypothesis: Record<string, string | null>;
  cycles: { result: string; observed: string | null; learned: string; next: string; at: string }[];
  declineReason?: string | null;
  createdAt: string;
  closedAt: string | null;
  score?: number;
};
export type Page = { items: Entry[]; next: string | null };

export let system: TestSystem;
export let api: ReturnType<typeof client>;
export const ids: Record<string, string> = {};

export const learning = (
  next: 'adapt' | 'adopt' | 'abandon',
  learned: string,
  observed = 'We kept a tally each week.',
) => ({
  result: next === 'abandon' ? 'didNotWork' : 'worked',
  observed,
  learned,
  next,
  incident: 'none',
});

/** An idea the card authorises, with its own words, and the cycles given, in order. */
export const idea = async (
  as: DemoUser,
  words: { title: string; problem: string; weBelieve?: string },
  cycles: ReturnType<typeof learning>[],
): Promise<string> => {
  const body = insideCard();
  const res = await api.submit(as, {
    ...body,
    title: words.title,
    problem: words.problem,
    hypothesis: { ...body.hypothesis, ...(words.weBelieve ? { weBelieve: words.weBelieve } : {}) },
  });
  expect(res.status).toBe(201);
  const id = String(res.body.id);
  for (const cycle of cycles) {
    const done = await api.call('POST', `/api/experiments/${id}/cycles`, { as, body: cycle });
    expect(done.status).toBe(201);
  }
  return id;
};

export const library = (as: DemoUser, query: string) =>
  api.call<Page>('GET', `/api/library?${query}`, { as });
export const titles = (page: Page) => page.items.map((item) => item.title);
export const similar = (as: DemoUser, body: unknown) =>
  api.call<{ items: Entry[] }>('POST', '/api/library/similar', { as, body });

/**
 * Polls a search until `found` holds; the milliseconds it took, or -1 if it never did within `limitMs`.
 * The bound only keeps a broken index from hanging the test: how soon is a speed goal, measured by the
 * bench's freshness phase, not asserted here where a loaded machine would make it flaky.
 */
export const timeUntil = async (
  read: () => Promise<Page>,
  found: (page: Page) => boolean,
  limitMs = 10_000,
) => {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (found(await read())) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  return -1;
};

/** Starts the system before the calling file's tests, with the ideas they look for; stops it after them. */
export const startSeededLibrary = () => {
  beforeAll(async () => {
    system = await startTestSystem();
    api = client(system.url);
    ids.calling = await idea(
      USERS.sam,
      {
        title: 'Calling families in the evening',
        problem: 'Working parents do not answer the phone during the day, so first contact takes weeks.',
      },
      [
        learning('adapt', 'Calling after six reached most parents at the first try.'),
        learning('adopt', 'An evening rota is now part of how the duty team works.'),
      ],
    );
    ids.reparation = await idea(
      USERS.rhys,
      {
        title: 'Reparation in a community garden',
        problem: 'Young people see litter picking as punishment and stop turning up.',
      },
      [learning('adapt', 'Visible work that neighbours thank them for keeps young people coming back.')],
    );
    ids.welsh = await idea(
      USERS.alex,
      {
        title: "Galwadau gyda'r nos i deuluoedd newydd",
        problem: "Mae teuluoedd sy'n cael eu cyfeirio ar ddydd Gwener yn aros tan ddydd Llun.",
        weBelieve: "y bydd galwad fer gyda'r nos yn helpu'r teulu",
      },
      [learning('abandon', "Roedd y rhieni yn brysur gyda'r nos, felly roedd y galwadau yn rhy hwyr.")],
    );
    ids.authorised = await idea(
      USERS.sam,
      { title: 'Texting parents before a first visit', problem: 'Families miss first visits.' },
      [],
    );
    const declined = await api.submit(USERS.megan, {
      ...outsideCard(),
      title: 'A parents evening for every family on the caseload',
    });
    ids.declined = String(declined.body.id);
    const decision = await api.decide(USERS.nia, ids.declined, {
      outcome: 'decline',
      reason: 'Too many families at once: try it with five first.',
    });
    expect(decision.status).toBe(200);
    ids.escalated = String((await api.submit(USERS.sam, outsideCard())).body.id);
  }, 120_000);

  afterAll(async () => {
    await system?.cleanup();
  });
};
