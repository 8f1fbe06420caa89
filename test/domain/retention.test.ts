import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '#shared/domain/card.ts';
import {
  anonymise,
  DEFAULT_RETENTION,
  erasePerson,
  isDueForAnonymisation,
  retainUntil,
} from '#shared/domain/retention.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';
import { sampleCard, submittedAndEscalated } from '#test/support/fixtures.ts';
import { storedExperiment } from './arbitraries.ts';

const CARD = sampleCard({ extraCost: 600, peopleInvolved: 8, staffHours: 10 });

// An adopted idea that was escalated on cost, approved by a manager, and tested twice.
const ADOPTED: StoredExperiment = {
  id: 'exp-1',
  title: 'Evening calls to new referrals',
  problem: 'Families referred on a Friday wait until Monday.',
  hypothesis: {
    weBelieve: 'a call helps',
    toTestIt: 'call eight',
    measure: 'take-up',
    rightIf: 'six of eight',
  },
  card: CARD,
  team: 'early-help',
  owner: 'sam',
  ownerName: 'Sam Patel',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  status: 'adopted',
  policyVersion: 1,
  assessment: {
    decision: 'escalated',
    reasons: [{ rule: 'extraCost', answer: 600, limit: 500, message: 'It needs £600 of extra money.' }],
    policyVersion: 1,
    assessedAt: '2026-01-05T09:00:01.000Z',
  },
  authorisation: {
    by: 'megan',
    byName: 'Megan Jones',
    at: '2026-01-06T09:00:00.000Z',
    conditions: 'Tell me',
  },
  decision: {
    outcome: 'approve',
    by: 'megan',
    byName: 'Megan Jones',
    at: '2026-01-06T09:00:00.000Z',
    conditions: 'Tell me',
  },
  raisedToLeaders: false,
  everEscalated: true,
  cycles: [
    {
      number: 1,
      result: 'didNotWork',
      observed: 'Two of eight answered.',
      learned: 'Text first.',
      next: 'adapt',
      recordedAt: '2026-02-01T09:00:00.000Z',
      recordedBy: 'sam',
      incident: 'minor',
      incidentDetail: 'A dad was upset by a late call.',
    },
    {
      number: 2,
      result: 'worked',
      observed: 'Six of eight answered.',
      learned: 'A text by name works.',
      next: 'adopt',
      recordedAt: '2026-03-01T09:00:00.000Z',
      recordedBy: 'sam',
    },
  ],
  history: [
    ...submittedAndEscalated('It needs £600 of extra money.'),
    {
      at: '2026-01-06T09:00:00.000Z',
      by: 'megan',
      byName: 'Megan Jones',
      event: 'approved',
      status: 'authorised',
      detail: 'Tell me',
      asCoverFor: 'early-help',
    },
    {
      at: '2026-02-01T09:00:00.000Z',
      by: 'sam',
      byName: 'Sam Patel',
      event: 'cycleRecorded',
      status: 'testing',
      detail: 'Cycle 1: Text first.',
    },
  ],
  closedAt: '2026-03-01T09:00:00.000Z',
  retainUntil: '2032-03-01T09:00:00.000Z',
};

describe('retainUntil', () => {
  it.each([
    ['2026-03-15T10:20:30.456Z', { months: 72 }, '2032-03-15T10:20:30.456Z'],
    ['2026-08-31T10:00:00.000Z', { months: 6 }, '2027-02-28T10:00:00.000Z'],
    ['2027-08-31T10:00:00.000Z', { months: 6 }, '2028-02-29T10:00:00.000Z'],
    ['2026-01-31T23:59:59.999Z', { months: 1 }, '2026-02-28T23:59:59.999Z'],
    ['2026-12-15T00:00:00.000Z', { months: 1 }, '2027-01-15T00:00:00.000Z'],
    ['2026-03-15T10:20:30.000Z', { seconds: 5 }, '2026-03-15T10:20:35.000Z'],
    ['2026-03-15T10:20:30.000Z', { seconds: 0 }, '2026-03-15T10:20:30.000Z'],
  ] as const)('keeps %s for %j: until %s', (closedAt, period, expected) => {
    expect(retainUntil(closedAt, period)).toBe(expected);
  });

  it("defaults to the spec's 72 months", () => {
    expect(DEFAULT_RETENTION).toEqual({ months: 72 });
  });

  it('never gives a moment before closing, and months land on the same or an earlier day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 0, max: 240 }),
        (ms, months) => {
          // Act
          const closedAt = new Date(ms).toISOString();
          const until = new Date(retainUntil(closedAt, { months }));

          // Assess
          const closed = new Date(ms);
          expect(until.getTime()).toBeGreaterThanOrEqual(ms);
          const monthsApart =
            (until.getUTCFullYear() - closed.getUTCFullYear()) * 12 +
            until.getUTCMonth() -
            closed.getUTCMonth();
          expect(monthsApart).toBe(months);
          expect(until.getUTCDate()).toBeLessThanOrEqual(closed.getUTCDate());
          expect(until.toISOString().slice(10)).toBe(closedAt.slice(10));
        },
      ),
    );
  });
});

describe('isDueForAnonymisation', () => {
  it('is due from retainUntil on, and never again once anonymised', () => {
    expect(isDueForAnonymisation(ADOPTED, '2032-03-01T08:59:59.999Z')).toBe(false);
    expect(isDueForAnonymisation(ADOPTED, '2032-03-01T09:00:00.000Z')).toBe(true);
    expect(isDueForAnonymisation({ ...ADOPTED, anonymised: true }, '2040-01-01T00:00:00.000Z')).toBe(false);
    expect(isDueForAnonymisation({ anonymised: false }, '2040-01-01T00:00:00.000Z')).toBe(false);
  });
});

describe('anonymise', () => {
  it('removes every person and all the free text but the title and the lessons', () => {
    // Act
    const result = anonymise(ADOPTED, '2032-03-01T10:00:00.000Z');

    // Assess
    expect(result).toEqual({
      ...ADOPTED,
      owner: null,
      ownerName: null,
      problem: null,
      hypothesis: { weBelieve: null, toTestIt: null, measure: null, rightIf: null },
      authorisation: { by: null, byName: null, at: '2026-01-06T09:00:00.000Z', conditions: null },
      decision: {
        outcome: 'approve',
        by: null,
        byName: null,
        at: '2026-01-06T09:00:00.000Z',
        conditions: null,
      },
      cycles: [
        { ...ADOPTED.cycles[0], recordedBy: null, observed: null, incidentDetail: null },
        { ...ADOPTED.cycles[1], recordedBy: null, observed: null },
      ],
      history: [
        { ...ADOPTED.history[0], by: null, byName: null },
        ADOPTED.history[1],
        { ...ADOPTED.history[2], by: null, byName: null, detail: null },
        { ...ADOPTED.history[3], by: null, byName: null, detail: null },
      ],
      anonymised: true,
      anonymisedAt: '2032-03-01T10:00:00.000Z',
      updatedAt: '2032-03-01T10:00:00.000Z',
    });
  });

  it('keeps the card as the authoriser: it is not a person', () => {
    // Prepare
    const byCard: StoredExperiment = {
      ...ADOPTED,
      authorisation: { by: 'card', at: '2026-01-05T09:00:02.000Z' },
      decision: undefined,
    };

    // Act
    const result = anonymise(byCard, '2032-03-01T10:00:00.000Z');

    // Assess
    expect(result.authorisation).toEqual({ by: 'card', at: '2026-01-05T09:00:02.000Z' });
    expect(result.decision).toBeUndefined();
  });

  it('keeps the first anonymisedAt and updatedAt when run again', () => {
    // Act
    const once = anonymise(ADOPTED, '2032-03-01T10:00:00.000Z');
    const twice = anonymise(once, '2032-03-02T10:00:00.000Z');

    // Assess
    expect(twice).toEqual(once);
  });

  it('leaves the card answers, the assessment, the policy and the dates as they were', () => {
    const result = anonymise({ ...ADOPTED, card: { ...CARD } }, '2032-03-01T10:00:00.000Z');
    expect(result.card).toEqual(CARD);
    expect(result.assessment).toEqual(ADOPTED.assessment);
    expect([result.policyVersion, result.createdAt, result.closedAt, result.status]).toEqual([
      POLICY_V1.version,
      ADOPTED.createdAt,
      ADOPTED.closedAt,
      'adopted',
    ]);
  });
});

describe('erasePerson', () => {
  it('removes the owner wherever they appear and keeps all the text', () => {
    // Act
    const { experiment, entries } = erasePerson(ADOPTED, 'sam');

    // Assess: the owner, two history entries and two cycles
    expect(entries).toBe(5);
    expect(experiment).toEqual({
      ...ADOPTED,
      owner: null,
      ownerName: null,
      cycles: ADOPTED.cycles.map((cycle) => ({ ...cycle, recordedBy: null })),
      history: [
        { ...ADOPTED.history[0], by: null, byName: null },
        ADOPTED.history[1],
        ADOPTED.history[2],
        { ...ADOPTED.history[3], by: null, byName: null },
      ],
    });
  });

  it('removes the manager from the authorisation, the decision and their history entry', () => {
    // Act
    const { experiment, entries } = erasePerson(ADOPTED, 'megan');

    // Assess
    expect(entries).toBe(3);
    expect(experiment.authorisation).toEqual({ ...ADOPTED.authorisation, by: null, byName: null });
    expect(experiment.decision).toEqual({ ...ADOPTED.decision, by: null, byName: null });
    expect(experiment.history[2]).toEqual({ ...ADOPTED.history[2], by: null, byName: null });
    expect(experiment.owner).toBe('sam');
  });

  it.each(['card', 'system', 'nobody', ''])('changes nothing for %j', (id) => {
    const result = erasePerson(ADOPTED, id);
    expect(result.entries).toBe(0);
    expect(result.experiment).toBe(ADOPTED);
  });
});

const people = (exp: { people: { id: string; name: string }[] }) => exp.people;
const json = (value: unknown) => JSON.stringify(value);
const withoutPeople = <T extends { people: unknown }>({ people: _, ...exp }: T) => exp;

describe('retention and erasure: properties', () => {
  it('anonymise is idempotent', () => {
    fc.assert(
      fc.property(
        storedExperiment(),
        fc.date({ noInvalidDate: true }),
        fc.date({ noInvalidDate: true }),
        (e, a, b) => {
          const exp = withoutPeople(e);
          const once = anonymise(exp, a.toISOString());
          expect(anonymise(once, b.toISOString())).toEqual(once);
        },
      ),
    );
  });

  it("leaves no person's id or name anywhere in the experiment", () => {
    fc.assert(
      fc.property(storedExperiment(), (e) => {
        // Act
        const text = json(anonymise(withoutPeople(e), '2032-01-01T00:00:00.000Z'));

        // Assess
        for (const { id, name } of people(e)) {
          expect(text).not.toContain(id);
          expect(text).not.toContain(name);
        }
      }),
    );
  });

  it("keeps the title and every cycle's result, lesson and next step", () => {
    fc.assert(
      fc.property(storedExperiment(), (e) => {
        const result = anonymise(withoutPeople(e), '2032-01-01T00:00:00.000Z');
        expect(result.title).toBe(e.title);
        expect(result.cycles.map(({ result, learned, next }) => ({ result, learned, next }))).toEqual(
          e.cycles.map(({ result, learned, next }) => ({ result, learned, next })),
        );
        expect(result.anonymised).toBe(true);
      }),
    );
  });

  it("erasure removes that person entirely and never touches anyone else's id or name", () => {
    fc.assert(
      fc.property(storedExperiment(), fc.nat(), (e, pick) => {
        // Prepare
        const everyone = people(e);
        const gone = everyone[pick % everyone.length] as { id: string; name: string };
        const exp = withoutPeople(e);

        // Act
        const { experiment } = erasePerson(exp, gone.id);

        // Assess
        const after = json(experiment);
        const before = json(exp);
        expect(after).not.toContain(gone.id);
        expect(after).not.toContain(gone.name);
        for (const other of everyone.filter((p) => p.id !== gone.id)) {
          expect(after.split(other.id).length).toBe(before.split(other.id).length);
          expect(after.split(other.name).length).toBe(before.split(other.name).length);
        }
      }),
    );
  });

  it('erasure keeps all free text, counts each place it changed, and a second one changes nothing', () => {
    fc.assert(
      fc.property(storedExperiment(), fc.nat(), (e, pick) => {
        // Prepare
        const gone = people(e)[pick % people(e).length] as { id: string };
        const exp = withoutPeople(e);
        const expected =
          Number(exp.owner === gone.id) +
          Number(exp.authorisation?.by === gone.id) +
          Number(exp.decision?.by === gone.id) +
          exp.history.filter((h) => h.by === gone.id).length +
          exp.cycles.filter((c) => c.recordedBy === gone.id).length;

        // Act
        const first = erasePerson(exp, gone.id);
        const second = erasePerson(first.experiment, gone.id);

        // Assess
        expect(first.entries).toBe(expected);
        expect(second).toEqual({ experiment: first.experiment, entries: 0 });
        const texts = (x: StoredExperiment) => [
          x.title,
          x.problem,
          x.hypothesis,
          x.cycles.map((c) => [c.observed, c.learned, c.incidentDetail]),
          x.history.map((h) => h.detail),
          x.decision?.reason,
          x.decision?.conditions,
          x.authorisation?.conditions,
        ];
        expect(texts(first.experiment)).toEqual(texts(exp));
      }),
    );
  });

  it('erasure after anonymisation finds nothing left to change', () => {
    fc.assert(
      fc.property(storedExperiment(), fc.nat(), (e, pick) => {
        const gone = people(e)[pick % people(e).length] as { id: string };
        const anonymised = anonymise(withoutPeople(e), '2032-01-01T00:00:00.000Z');
        expect(erasePerson(anonymised, gone.id).entries).toBe(0);
      }),
    );
  });
});
