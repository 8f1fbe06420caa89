import { describe, expect, it } from 'vitest';
import type { Cycle, Experiment } from '#shared/domain/experiment.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';
import { exportService } from '#shared/services/export-service.ts';
import type { ExperimentStore } from '#shared/store/experiment-store.ts';
import { PEOPLE, sampleExperiment, userOf } from '#test/support/fixtures.ts';
import { formatter, messages } from '../../i18n/index.ts';
import { experimentModel } from './presenter.ts';

const cycle = (number: number, incident?: Cycle['incident']): Cycle => ({
  number,
  result: 'worked',
  observed: 'o',
  learned: 'l',
  next: 'adapt',
  recordedAt: '2026-03-02T10:00:00.000Z',
  recordedBy: 'sam',
  ...(incident ? { incident } : {}),
  ...(incident === 'serious' ? { incidentDetail: 'A young person missed a court date.' } : {}),
});

/** An experiment with a cycle from before the incident question, and two after it. */
const exp: Experiment = sampleExperiment({
  id: '5b0d3c1e-8f0a-4a57-9d0e-1c2b3a4d5e6f',
  ownerName: 'Sam Patel',
  updatedAt: '2026-03-02T10:00:00.000Z',
  status: 'testing',
  cycles: [cycle(1), cycle(2, 'none'), cycle(3, 'serious')],
});

describe('cycles from before the incident question', () => {
  it('read "Not recorded" on the experiment page, never "nothing went wrong", in English and Welsh', async () => {
    // Prepare
    const [en, cy] = await Promise.all([messages('en'), messages('cy')]);

    // Act
    const english = experimentModel(en, formatter(en), exp, userOf(PEOPLE.sam)).cycles;
    const welsh = experimentModel(cy, formatter(cy), exp, userOf(PEOPLE.sam)).cycles;
    const answer = (cards: typeof english, i: number, key: string) =>
      cards[i]?.rows.find((row) => row.key.text === key)?.value;

    // Assess
    expect(answer(english, 0, 'Did anything go wrong?')).toEqual({ text: 'Not recorded' });
    expect(answer(english, 1, 'Did anything go wrong?')).toEqual({ text: 'Nothing went wrong' });
    expect(answer(english, 2, 'Did anything go wrong?')).toEqual({ text: 'Something serious' });
    expect(answer(welsh, 0, "A aeth unrhyw beth o'i le?")).toEqual({ text: 'Heb ei gofnodi' });
  });

  it('read "not recorded" in the CSV, cycle by cycle', async () => {
    // Prepare
    const store = {
      patterns: { log: () => ({}) },
      async *each() {
        yield [exp as StoredExperiment];
      },
    } as unknown as ExperimentStore;
    const service = exportService({ store, audit: { record: async () => undefined } });

    // Act
    const lines: string[] = [];
    for await (const line of service.csv(userOf(PEOPLE.carys))) lines.push(line);

    // Assess
    expect(lines[0]?.trimEnd().endsWith(',incidents')).toBe(true);
    expect(lines[1]?.trimEnd().endsWith(',not recorded | none | serious')).toBe(true);
  });
});
