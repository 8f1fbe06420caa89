import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactablePaths } from '#shared/domain/redaction.ts';
import { anonymise } from '#shared/domain/retention.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';
import { sampleCard, submittedAndEscalated } from '#test/support/fixtures.ts';
import { storedExperiment } from './arbitraries.ts';

const withoutPeople = <T extends { people: unknown }>({ people: _, ...exp }: T) => exp;

const base = (): StoredExperiment => ({
  id: 'exp-1',
  title: 'Evening calls',
  problem: 'Mum on 07700 900123 waits all weekend.',
  hypothesis: { weBelieve: 'a', toTestIt: 'b', measure: 'c', rightIf: 'd' },
  card: sampleCard({ peopleInvolved: 8, staffHours: 10 }),
  team: 'early-help',
  owner: 'sam',
  ownerName: 'Sam Patel',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  status: 'declined',
  policyVersion: 1,
  decision: {
    outcome: 'decline',
    by: 'megan',
    byName: 'Megan Jones',
    at: '2026-01-06T09:00:00.000Z',
    reason: 'Not while the Jones family at 4 Elm Road is involved.',
  },
  raisedToLeaders: false,
  everEscalated: true,
  cycles: [
    {
      number: 1,
      result: 'unclear',
      observed: 'Two answered.',
      learned: 'Ask Dr Smith.',
      next: 'adapt',
      recordedAt: '2026-02-01T09:00:00.000Z',
      recordedBy: 'sam',
    },
    {
      number: 2,
      result: 'worked',
      observed: 'Six answered; Jo on 07700 900456 too.',
      learned: 'Text first.',
      next: 'adapt',
      recordedAt: '2026-02-08T09:00:00.000Z',
      recordedBy: 'sam',
      incident: 'minor',
      incidentDetail: 'A late call.',
    },
  ],
  history: [
    ...submittedAndEscalated('It needs more people.'),
    {
      at: '2026-01-06T09:00:00.000Z',
      by: 'megan',
      byName: 'Megan Jones',
      event: 'declined',
      status: 'declined',
      detail: 'Not while the Jones family at 4 Elm Road is involved.',
    },
    {
      at: '2026-02-01T09:00:00.000Z',
      by: 'sam',
      byName: 'Sam Patel',
      event: 'cycleRecorded',
      status: 'testing',
      detail: 'Cycle 1: Ask Dr Smith.',
    },
  ],
});

describe('redact', () => {
  it('replaces the text of a top-level field', () => {
    // Act
    const result = redact(base(), 'problem');

    // Assess
    expect(result).toEqual({ ok: true, changed: true, experiment: { ...base(), problem: REDACTED } });
    expect(REDACTED).toBe('[Removed by information governance]');
  });

  it('names a cycle by its number, as people see it', () => {
    // Act
    const result = redact(base(), 'cycles.2.observed');

    // Assess
    expect(result.ok && result.experiment.cycles.map((c) => c.observed)).toEqual(['Two answered.', REDACTED]);
  });

  it('removes the copy of a decline reason from the history too', () => {
    // Act
    const result = redact(base(), 'decision.reason');

    // Assess
    if (!result.ok) throw new Error(result.message);
    expect(result.experiment.decision?.reason).toBe(REDACTED);
    expect(result.experiment.history[2]?.detail).toBe(REDACTED);
    expect([0, 1, 3].map((i) => result.experiment.history[i])).toEqual(
      [0, 1, 3].map((i) => base().history[i]),
    );
  });

  it('removes a lesson from the history entry that quotes it', () => {
    // Act
    const result = redact(base(), 'cycles.1.learned');

    // Assess
    if (!result.ok) throw new Error(result.message);
    expect(result.experiment.cycles[0]?.learned).toBe(REDACTED);
    expect(result.experiment.history[3]?.detail).toBe(`Cycle 1: ${REDACTED}`);
  });

  it.each(['title', 'hypothesis.toTestIt', 'cycles.2.incidentDetail', 'history.3.detail'])(
    'redacts %s and nothing else that was not a copy of it',
    (path) => {
      // Act
      const result = redact(base(), path);

      // Assess
      expect(result.ok).toBe(true);
      expect(result.ok && redactablePaths(result.experiment)).toEqual(
        redactablePaths(base()).filter((p) => p !== path),
      );
    },
  );

  it('changes nothing the second time', () => {
    // Prepare
    const once = redact(base(), 'problem');
    if (!once.ok) throw new Error(once.message);

    // Act
    const twice = redact(once.experiment, 'problem');

    // Assess
    expect(twice).toEqual({ ok: true, changed: false, experiment: once.experiment });
  });

  it.each([
    'owner',
    'ownerName',
    'card.extraCost',
    'status',
    'hypothesis',
    'hypothesis.other',
    'cycles.3.observed',
    'cycles.0.observed',
    'cycles.1.result',
    'cycles.01.observed',
    'cycles.1',
    'history.2.detail', // the card's entry: generated text, not something anyone typed
    'history.9.detail',
    'history.0.detail',
    'authorisation.by',
    '__proto__',
    'constructor',
    '',
    'problem ',
  ])('refuses %j: not a text field of this experiment', (path) => {
    expect(redact(base(), path)).toEqual({
      ok: false,
      refusal: 'unknownField',
      message:
        'Choose a text field of this experiment, like problem, hypothesis.toTestIt or cycles.1.observed',
    });
  });

  it.each(['decision.conditions', 'authorisation.conditions', 'cycles.1.incidentDetail', 'history.1.detail'])(
    'refuses %j: it holds no text',
    (path) => {
      expect(redact(base(), path)).toEqual({
        ok: false,
        refusal: 'noText',
        message: 'That field holds no text to remove',
      });
    },
  );

  it('refuses a field anonymisation already emptied', () => {
    expect(redact(anonymise(base(), '2032-01-01T00:00:00.000Z'), 'problem')).toMatchObject({
      ok: false,
      refusal: 'noText',
    });
  });
});

describe('redactablePaths', () => {
  it('lists every field that holds text, in the order of the page', () => {
    expect(redactablePaths(base())).toEqual([
      'title',
      'problem',
      'hypothesis.weBelieve',
      'hypothesis.toTestIt',
      'hypothesis.measure',
      'hypothesis.rightIf',
      'decision.reason',
      'cycles.1.observed',
      'cycles.1.learned',
      'cycles.2.observed',
      'cycles.2.learned',
      'cycles.2.incidentDetail',
      'history.3.detail',
      'history.4.detail',
    ]);
  });

  it('lists only the title and the lessons once anonymised', () => {
    expect(redactablePaths(anonymise(base(), '2032-01-01T00:00:00.000Z'))).toEqual([
      'title',
      'cycles.1.learned',
      'cycles.2.learned',
    ]);
  });
});

// Every leaf of a JSON value with its path, to count what changed.
const leaves = (value: unknown, path = ''): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
    }
  } else out.set(path, value);
  return out;
};

const candidatePath = fc.oneof(
  fc.constantFrom('title', 'problem', 'owner', 'team', 'decision.reason', 'decision.conditions'),
  fc.constantFrom('authorisation.conditions', 'hypothesis.measure', 'card.extraCost'),
  fc
    .tuple(
      fc.constantFrom('cycles', 'history'),
      fc.integer({ min: -1, max: 10 }),
      fc.constantFrom('observed', 'learned', 'incidentDetail', 'detail', 'result'),
    )
    .map(([list, n, field]) => `${list}.${n}.${field}`),
);

describe('redact: properties', () => {
  it('any listed path: exactly that field changes outside the history, and its text is gone', () => {
    fc.assert(
      fc.property(storedExperiment(), fc.nat(), (e, pick) => {
        // Prepare
        const exp = withoutPeople(e);
        const paths = redactablePaths(exp);
        fc.pre(paths.length > 0);
        const path = paths[pick % paths.length] as string;

        // Act
        const result = redact(exp, path);

        // Assess
        if (!result.ok) throw new Error(result.message);
        const before = leaves(exp);
        const after = leaves(result.experiment);
        const changed = [...after.keys()].filter((key) => after.get(key) !== before.get(key));
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        const outsideHistory = changed.filter((key) => !key.startsWith('history.'));
        const historyChanges = changed.filter((key) => key.startsWith('history.'));
        if (path.startsWith('history.')) {
          expect(outsideHistory).toEqual([]);
          expect(historyChanges.length).toBeGreaterThanOrEqual(1);
        } else {
          expect(outsideHistory).toHaveLength(1);
          expect(after.get(outsideHistory[0] as string)).toBe(REDACTED);
        }
        for (const key of historyChanges) {
          expect(key).toMatch(/^history\.\d+\.detail$/);
          expect(String(after.get(key))).toContain(REDACTED);
        }
        expect(redactablePaths(result.experiment)).not.toContain(path);
        const text = String(
          before.get(
            path.replace(/^(cycles|history)\.(\d+)/, (_, list: string, n: string) => {
              const index =
                list === 'cycles' ? exp.cycles.findIndex((c) => c.number === Number(n)) : Number(n) - 1;
              return `${list}.${index}`;
            }),
          ),
        );
        const personal = result.experiment.history.filter((h) => h.by !== 'card' && h.by !== 'system');
        for (const entry of personal) expect(entry.detail ?? '').not.toContain(text);
      }),
    );
  });

  it('any path that is not listed and not already redacted is refused, and nothing changes', () => {
    fc.assert(
      fc.property(storedExperiment(), fc.oneof(fc.string({ maxLength: 30 }), candidatePath), (e, path) => {
        const exp = withoutPeople(e);
        fc.pre(!redactablePaths(exp).includes(path));
        const result = redact(exp, path);
        expect(result.ok).toBe(false);
      }),
    );
  });
});
