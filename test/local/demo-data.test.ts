import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDEAS, loadDemoData } from '#infra/local/demo-data.ts';
import { client, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/** Tested, and not sent back to a manager by a cycle that changed the card's answers. */
const inLibrary = (idea: (typeof DEMO_IDEAS)[number]) =>
  idea.steps.some((step) => 'cycle' in step) &&
  !idea.steps.some((step) => 'cycle' in step && step.cycle.changes !== undefined);

type Entry = { id: string; title: string; team: string; cycles: { learned: string }[] };

/** `npm run demo`'s data, loaded through the API into the real local system, as the learning library shows it. */
describe('the demo data', () => {
  let system: TestSystem;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    system = await startTestSystem();
    api = client(system.url);
    await loadDemoData(system.url);
  }, 120_000);

  afterAll(async () => {
    await system?.cleanup();
  });

  const library = async (query: string) =>
    (await api.call<{ items: Entry[] }>('GET', `/api/library?${query}`, { as: USERS.sam })).body.items;

  it('fills the learning library with lessons from every team that tried something', async () => {
    // Act
    const entries = await library('limit=100');

    // Assess
    const tested = DEMO_IDEAS.filter(inLibrary);
    expect(tested.length).toBeGreaterThanOrEqual(15);
    expect(entries.map((entry) => entry.title)).toEqual(
      expect.arrayContaining(tested.map((idea) => idea.title)),
    );
    expect(new Set(entries.map((entry) => entry.team))).toEqual(
      new Set(['early-help', 'youth-justice', 'family-support']),
    );
  });

  it('finds each tested idea by a word of its last lesson', async () => {
    // Prepare
    const lessons = DEMO_IDEAS.filter(inLibrary).flatMap((idea) => {
      const cycles = idea.steps.flatMap((step) => ('cycle' in step ? [step.cycle] : []));
      const last = cycles.at(-1);
      return last ? [{ title: idea.title, learned: last.learned }] : [];
    });

    // Act
    const found = await Promise.all(
      lessons.map(async ({ title, learned }) => {
        const words = learned.split(/[^\p{L}]+/u).filter((word) => word.length >= 7);
        const items = await library(`q=${encodeURIComponent(words.slice(0, 3).join(' '))}&limit=5`);
        return { title, top: items.map((item) => item.title) };
      }),
    );

    // Assess
    for (const { title, top } of found) expect(top, title).toContain(title);
  });

  it('loads twice without changing anything', async () => {
    // Prepare
    const before = await library('limit=100');

    // Act
    await loadDemoData(system.url);

    // Assess
    expect(await library('limit=100')).toEqual(before);
  });
});
