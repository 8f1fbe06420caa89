import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkQuery,
  entryTexts,
  isInLibrary,
  LIBRARY_STATUSES,
  MAX_QUERY_LENGTH,
  QUERY_TOO_LONG,
  removesText,
  sameEntry,
  toLibraryEntry,
} from '#shared/domain/library-entry.ts';
import { REDACTED, redact, redactablePaths } from '#shared/domain/redaction.ts';
import { anonymise } from '#shared/domain/retention.ts';
import { STATUSES } from '#shared/domain/status.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';
import { storedExperiment } from './arbitraries.ts';

const withoutPeople = <T extends { people: unknown }>({ people: _, ...exp }: T) => exp;
const sample = (seed: number): StoredExperiment => {
  const [generated] = fc.sample(storedExperiment(), { numRuns: 1, seed });
  if (!generated) throw new Error('fast-check gave no sample');
  return withoutPeople(generated);
};

describe('library entries', () => {
  it('holds testing, adopted, abandoned and declined ideas only', () => {
    expect(LIBRARY_STATUSES).toEqual(['testing', 'adopted', 'abandoned', 'declined']);
    expect(STATUSES.filter(isInLibrary)).toEqual(['declined', 'testing', 'adopted', 'abandoned']);
  });

  it.each(['assessing', 'authorised', 'escalated'] as const)('leaves out an idea that is %s', (status) => {
    expect(toLibraryEntry({ ...sample(1), status })).toBeNull();
  });

  it("gives exactly the spec's fields for an adopted idea", () => {
    // Prepare
    const exp = { ...sample(2), status: 'adopted' as const, closedAt: '2026-03-01T09:00:00.000Z' };

    // Act
    const entry = toLibraryEntry(exp);

    // Assess
    expect(entry).toEqual({
      id: exp.id,
      title: exp.title,
      team: exp.team,
      status: 'adopted',
      problem: exp.problem,
      hypothesis: exp.hypothesis,
      cycles: exp.cycles.map((c) => ({
        result: c.result,
        observed: c.observed,
        learned: c.learned,
        next: c.next,
        at: c.recordedAt,
      })),
      createdAt: exp.createdAt,
      closedAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('gives the decline reason of a declined idea, and null when there is none', () => {
    // Prepare
    const exp = sample(3);
    const decision = { outcome: 'decline' as const, by: 'm', byName: 'M', at: exp.createdAt };

    // Act
    const withReason = toLibraryEntry({
      ...exp,
      status: 'declined',
      decision: { ...decision, reason: 'Too soon.' },
    });
    const without = toLibraryEntry({ ...exp, status: 'declined', decision });

    // Assess
    expect(withReason?.declineReason).toBe('Too soon.');
    expect(without?.declineReason).toBeNull();
  });

  it('never gives a decline reason for an idea that was not declined', () => {
    const exp = sample(4);
    const decision = { outcome: 'decline' as const, by: 'm', byName: 'M', at: exp.createdAt, reason: 'No.' };
    const entry = toLibraryEntry({ ...exp, status: 'testing', decision });
    expect(entry).not.toHaveProperty('declineReason');
    expect(entry?.closedAt).toBe(exp.closedAt ?? null);
  });

  it('shows an anonymised idea with what it kept, and redacted text as redacted', () => {
    // Prepare
    const exp = { ...sample(5), status: 'abandoned' as const };
    const redacted = redact(exp, 'title');
    if (!redacted.ok) throw new Error(redacted.message);

    // Act
    const entry = toLibraryEntry(anonymise(redacted.experiment, '2032-01-01T00:00:00.000Z'));

    // Assess
    expect(entry?.title).toBe(REDACTED);
    expect(entry?.problem).toBeNull();
    expect(entry?.hypothesis).toEqual({ weBelieve: null, toTestIt: null, measure: null, rightIf: null });
    expect(entry?.cycles.map((c) => c.observed)).toEqual(exp.cycles.map(() => null));
    expect(entry?.cycles.map((c) => c.learned)).toEqual(exp.cycles.map((c) => c.learned));
  });
});

describe('library entries: properties', () => {
  it("never holds a person's id or name", () => {
    fc.assert(
      fc.property(storedExperiment(), fc.constantFrom(...LIBRARY_STATUSES), (e, status) => {
        // Act
        const entry = toLibraryEntry({ ...withoutPeople(e), status });

        // Assess
        const text = JSON.stringify(entry);
        expect(entry).not.toBeNull();
        for (const { id, name } of e.people) {
          expect(text).not.toContain(id);
          expect(text).not.toContain(name);
        }
      }),
    );
  });

  it("is in the library exactly for the library's statuses", () => {
    fc.assert(
      fc.property(storedExperiment(), (e) => {
        const entry = toLibraryEntry(withoutPeople(e));
        expect(entry === null).toBe(!isInLibrary(e.status));
        if (entry) expect(entry.cycles).toHaveLength(e.cycles.length);
      }),
    );
  });
});

describe('changes to an entry', () => {
  const inLibrary = (seed: number) => {
    const entry = toLibraryEntry({ ...sample(seed), status: 'testing' });
    if (!entry) throw new Error('not in the library');
    return entry;
  };

  it('names every text by its path, cycles counted from 1', () => {
    // Prepare
    const entry = {
      ...inLibrary(6),
      problem: null,
      cycles: [
        { result: 'worked' as const, observed: 'Seen.', learned: 'Learnt.', next: 'adapt' as const, at: 'x' },
      ],
    };

    // Act
    const texts = entryTexts(entry);

    // Assess
    expect([...texts.keys()]).toEqual([
      'title',
      'hypothesis.weBelieve',
      'hypothesis.toTestIt',
      'hypothesis.measure',
      'hypothesis.rightIf',
      'cycles.1.observed',
      'cycles.1.learned',
    ]);
    expect(texts.get('cycles.1.learned')).toBe('Learnt.');
  });

  it('removes text when an entry leaves the library, and never when one joins it', () => {
    const entry = inLibrary(7);
    expect(removesText(entry, null)).toBe(true);
    expect(removesText(null, entry)).toBe(false);
    expect(removesText(null, null)).toBe(false);
  });

  it('removes text when any text is redacted or anonymised, and never when a cycle or a status is added', () => {
    fc.assert(
      fc.property(storedExperiment(), fc.nat(), (generated, pick) => {
        // Prepare
        const exp = { ...withoutPeople(generated), status: 'testing' as const };
        const before = toLibraryEntry(exp);
        const paths = redactablePaths(exp).filter(
          (path) => path in Object.fromEntries(entryTexts(before ?? inLibrary(1))),
        );
        fc.pre(before !== null && paths.length > 0);
        const redacted = redact(exp, paths[pick % paths.length] as string);
        if (!redacted.ok) throw new Error(redacted.message);

        // Act
        const afterRedaction = toLibraryEntry(redacted.experiment);
        const afterAnonymising = toLibraryEntry(anonymise(exp, '2032-01-01T00:00:00.000Z'));
        const adopted = toLibraryEntry({
          ...exp,
          status: 'adopted',
          closedAt: '2032-01-01T00:00:00.000Z',
          cycles: [...exp.cycles, { ...(exp.cycles[0] ?? cycleOf(exp)), number: exp.cycles.length + 1 }],
        });

        // Assess
        expect(removesText(before, afterRedaction)).toBe(true);
        expect(removesText(before, afterAnonymising)).toBe(!sameEntry(before, afterAnonymising));
        expect(removesText(before, adopted)).toBe(false);
        expect(sameEntry(before, toLibraryEntry(exp))).toBe(true);
      }),
    );
  });
});

const cycleOf = (exp: StoredExperiment): StoredExperiment['cycles'][number] => ({
  number: 1,
  result: 'worked',
  observed: 'Seen.',
  learned: 'Learnt.',
  next: 'adapt',
  recordedAt: exp.createdAt,
  recordedBy: null,
});

describe('the search words', () => {
  it('take up to 200 characters, counted as people count them', () => {
    expect(MAX_QUERY_LENGTH).toBe(200);
    expect(checkQuery('a'.repeat(200))).toEqual({ ok: true, q: 'a'.repeat(200) });
    expect(checkQuery('🙂'.repeat(200))).toMatchObject({ ok: true });
    expect(checkQuery('a'.repeat(201))).toEqual({ ok: false, message: QUERY_TOO_LONG });
    expect(checkQuery(undefined)).toEqual({ ok: true, q: '' });
    expect(checkQuery(['calls'])).toMatchObject({ ok: false });
  });
});
