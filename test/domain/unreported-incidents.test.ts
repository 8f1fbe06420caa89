import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cycle,
  type HistoryEntry,
  INCIDENTS,
  type Incident,
  unreportedIncidents,
} from '#shared/domain/experiment.ts';

const cycle = (number: number, incident?: Incident): Cycle => ({
  number,
  result: 'didNotWork',
  observed: 'Observed.',
  learned: 'Learned.',
  next: 'adapt',
  recordedAt: '2026-11-29T10:00:00.000Z',
  recordedBy: 'rhys',
  ...(incident ? { incident } : {}),
});

const reported = (number: number): HistoryEntry => ({
  at: '2026-11-29T10:00:01.000Z',
  by: 'card',
  byName: 'The card',
  event: 'incidentReported',
  status: 'testing',
  cycle: number,
});

const recorded = (number: number): HistoryEntry => ({ ...reported(number), event: 'cycleRecorded' });

describe('serious incidents not yet reported', () => {
  it('are the serious cycles without an incidentReported entry for their number, oldest first', () => {
    const cycles = [
      cycle(1, 'serious'),
      cycle(2, 'minor'),
      cycle(3),
      cycle(4, 'serious'),
      cycle(5, 'serious'),
    ];
    const history = [recorded(1), recorded(4), reported(4), recorded(5)];
    expect(unreportedIncidents({ cycles, history }).map((c) => c.number)).toEqual([1, 5]);
  });

  it('never include a cycle without a serious incident, nor one reported, whatever the history', () => {
    const entry = fc.record({
      number: fc.integer({ min: 1, max: 8 }),
      event: fc.constantFrom('incidentReported', 'cycleRecorded'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(...INCIDENTS), { nil: undefined }), { maxLength: 8 }),
        fc.array(entry, { maxLength: 10 }),
        (incidents, entries) => {
          const cycles = incidents.map((incident, i) => cycle(i + 1, incident));
          const history = entries.map((e) =>
            e.event === 'incidentReported' ? reported(e.number) : recorded(e.number),
          );
          const done = new Set(entries.filter((e) => e.event === 'incidentReported').map((e) => e.number));
          const open = unreportedIncidents({ cycles, history }).map((c) => c.number);
          expect(open).toEqual(
            cycles.filter((c) => c.incident === 'serious' && !done.has(c.number)).map((c) => c.number),
          );
        },
      ),
    );
  });
});
