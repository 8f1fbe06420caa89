import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIBRARY_STATUSES, toLibraryEntry } from '#shared/domain/library-entry.ts';
import {
  entryUrn,
  OPEN_GOVERNMENT_LICENCE,
  OPEN_LEARNING_SCHEMA_ID,
  publisherId,
  toOpenLearning,
} from '#shared/domain/open-learning.ts';
import { REDACTED, redact } from '#shared/domain/redaction.ts';
import { anonymise } from '#shared/domain/retention.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';
import { teamName } from '#shared/domain/teams.ts';
import { storedExperiment } from './arbitraries.ts';

const schema = JSON.parse(readFileSync('docs/open-learning.schema.json', 'utf8')) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const publisher = { name: 'Sir Fynwy / Monmouthshire County Council', id: 'monmouthshire' };
const AT = '2026-06-01T12:00:00.000Z';

/** A library entry as the store would hold it, from any experiment, with a UUID for its id. */
const source = () =>
  fc
    .tuple(storedExperiment(), fc.uuid(), fc.constantFrom(...LIBRARY_STATUSES), fc.boolean(), fc.boolean())
    .map(([{ people, ...exp }, id, status, anonymised, redactTitle]) => {
      let stored: StoredExperiment = { ...exp, id, status };
      if (redactTitle) {
        const redacted = redact(stored, 'title');
        if (redacted.ok) stored = { ...redacted.experiment, status };
      }
      if (anonymised) stored = anonymise(stored, AT);
      const entry = toLibraryEntry(stored);
      if (!entry) throw new Error('a library status');
      return { people, source: { entry, modifiedAt: AT, language: 'en' as const } };
    });

describe('the library as open data', () => {
  it('is valid against the published schema, whatever the library holds, and names nobody', () => {
    fc.assert(
      fc.property(fc.array(source(), { maxLength: 5 }), (sources) => {
        // Act
        const doc = toOpenLearning(
          sources.map((s) => s.source),
          publisher,
          AT,
        );

        // Assess
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
        const text = JSON.stringify(doc);
        for (const { id, name } of sources.flatMap((s) => s.people)) {
          expect(text).not.toContain(`"${id}"`);
          expect(text).not.toContain(name);
        }
        expect(text).not.toContain(REDACTED);
      }),
      { numRuns: 200 },
    );
  });

  it('gives stable ids, the licence, team names in both languages and text removed as null', () => {
    // Prepare
    const [sample] = fc.sample(source(), { numRuns: 1, seed: 3 });
    if (!sample) throw new Error('no sample');
    const entry = { ...sample.source.entry, team: 'early-help', problem: REDACTED };

    // Act
    const doc = toOpenLearning([{ ...sample.source, entry }], publisher, AT);

    // Assess
    expect(doc.$schema).toBe(schema.$id);
    expect(doc.$schema).toBe(OPEN_LEARNING_SCHEMA_ID);
    expect(doc.licence).toEqual(OPEN_GOVERNMENT_LICENCE);
    expect(doc.entries[0]).toMatchObject({
      id: `urn:fail-forward:monmouthshire:experiment:${entry.id}`,
      experimentId: entry.id,
      team: { id: 'early-help', name: { en: 'Early help', cy: 'Cymorth cynnar' } },
      problem: null,
      modifiedAt: AT,
    });
    expect(entryUrn(publisher, entry.id)).toBe(doc.entries[0]?.id);
  });

  it('refuses, by the schema, anything that would name a person', () => {
    // Prepare
    const [sample] = fc.sample(source(), { numRuns: 1, seed: 4 });
    if (!sample) throw new Error('no sample');
    const doc = toOpenLearning([sample.source], publisher, AT);
    const withOwner = { ...doc, entries: doc.entries.map((e) => ({ ...e, owner: 'sam' })) };

    // Act / Assess
    expect(validate(withOwner)).toBe(false);
  });

  it('lists entries oldest first, ties by id, so two exports compare line by line', () => {
    fc.assert(
      fc.property(fc.array(source(), { maxLength: 6 }), (sources) => {
        const doc = toOpenLearning(
          sources.map((s) => s.source),
          publisher,
          AT,
        );
        const keys = doc.entries.map((e) => `${e.createdAt}#${e.experimentId}`);
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });
});

describe('publisher ids and team names', () => {
  it('makes a slug of any council name', () => {
    expect(publisherId('Monmouthshire County Council')).toBe('monmouthshire-county-council');
    expect(publisherId('Cyngor Sir Ynys Môn')).toBe('cyngor-sir-ynys-mon');
    expect(publisherId('  !!  ')).toBe('council');
    fc.assert(
      fc.property(fc.string(), (name) => {
        const id = publisherId(name);
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(publisherId(id)).toBe(id);
      }),
    );
  });

  it('names a team it does not know by its slug', () => {
    expect(teamName('youth-justice')).toEqual({ en: 'Youth justice', cy: 'Cyfiawnder ieuenctid' });
    expect(teamName('new-team')).toEqual({ en: 'new-team', cy: 'new-team' });
  });
});
