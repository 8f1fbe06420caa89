// Shared fast-check arbitraries. They are built from the card's data on purpose: a test of "the schema
// accepts exactly what the card allows" must follow the card when a bound or answer changes.
import * as fc from 'fast-check';
import {
  type CardAnswers,
  CHOICE_FIELDS,
  CHOICE_QUESTIONS,
  type ChoiceAnswers,
  type ChoiceField,
  type TeamThresholds,
  THRESHOLD_FIELDS,
  THRESHOLD_QUESTIONS,
  type ThresholdField,
  type Thresholds,
} from '#shared/domain/card.ts';
import { HISTORY_EVENTS } from '#shared/domain/response-schemas.ts';
import { STATUSES } from '#shared/domain/status.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';

export const choiceAnswer = <F extends ChoiceField>(field: F): fc.Arbitrary<ChoiceAnswers[F]> =>
  fc.constantFrom(...(CHOICE_QUESTIONS[field].answers as readonly ChoiceAnswers[F][]));

/** Numbers with the precision the field allows: whole numbers, or pounds and pence. */
export const amountIn = (min: number, max: number, decimalPlaces: 0 | 2): fc.Arbitrary<number> =>
  decimalPlaces === 0
    ? fc.integer({ min, max })
    : fc.integer({ min: min * 100, max: max * 100 }).map((pence) => pence / 100);

export const thresholdAnswer = (field: ThresholdField): fc.Arbitrary<number> => {
  const question = THRESHOLD_QUESTIONS[field];
  return amountIn(question.min, question.max, question.decimalPlaces);
};

/** Answers anywhere in the range the card allows. */
export const cardAnswers = (): fc.Arbitrary<CardAnswers> =>
  fc.record({
    safeguarding: choiceAnswer('safeguarding'),
    lawful: choiceAnswer('lawful'),
    personalData: choiceAnswer('personalData'),
    consent: choiceAnswer('consent'),
    reversible: choiceAnswer('reversible'),
    frontPage: choiceAnswer('frontPage'),
    // Small numbers most of the time, so both sides of the v1 limits turn up often.
    extraCost: fc.oneof(amountIn(0, 1000, 2), thresholdAnswer('extraCost')),
    peopleInvolved: fc.oneof(amountIn(0, 20, 0), thresholdAnswer('peopleInvolved')),
    durationWeeks: fc.oneof(amountIn(1, 12, 0), thresholdAnswer('durationWeeks')),
    staffHours: fc.oneof(amountIn(0, 40, 2), thresholdAnswer('staffHours')),
  });

export const validCard = () => cardAnswers().map((answers) => ({ ...answers, commitToShare: true as const }));

export const thresholds = (): fc.Arbitrary<Thresholds> =>
  fc.record({
    extraCost: amountIn(0, 2000, 2),
    peopleInvolved: amountIn(0, 50, 0),
    durationWeeks: amountIn(1, 52, 0),
    staffHours: amountIn(0, 80, 2),
  });

export const policy = () =>
  fc.record({ version: fc.integer({ min: 1, max: 1000 }), thresholds: thresholds() });

export const choiceField = (): fc.Arbitrary<ChoiceField> => fc.constantFrom(...CHOICE_FIELDS);
export const thresholdField = (): fc.Arbitrary<ThresholdField> => fc.constantFrom(...THRESHOLD_FIELDS);

/** Text of the given length once trimmed, sometimes with padding that the schema must trim away. */
export const textOfLength = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') }),
      fc.constantFrom('', ' ', '  \n'),
    )
    .map(([core, pad]) => `${pad}${core}${pad}`);

export const teamSlug = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      fc.string({ maxLength: 62, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-') }),
    )
    .map(([first, rest]) => `${first}${rest}`);

// ---- Experiments as stored, for the governance rules ----------------------------------------------

/** Someone the service knows: ids and names are distinctive, so a test can search for them in output. */
export interface PersonArb {
  id: string;
  name: string;
}

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

export const person = (): fc.Arbitrary<PersonArb> =>
  fc
    .tuple(fc.constantFrom('Sam', 'Rhys', 'Ffion', 'Megan', 'Owen', 'Carys'), hex(8))
    .map(([first, tag]) => ({ id: `user-${tag}`, name: `${first} Q${tag}` }));

const WORDS = [
  'families',
  'evening',
  'calls',
  'buddy',
  'parents',
  'text',
  'first',
  'visit',
  'worked',
  'school',
];

/** Free text people write: words only, so it never contains an id or a name from `person()`. */
export const freeText = (): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

const isoAt = () =>
  fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((ms) => new Date(ms).toISOString());

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

export const storedExperiment = (): fc.Arbitrary<StoredExperiment & { people: PersonArb[] }> =>
  fc
    .record({
      id: hex(12),
      people: fc.uniqueArray(person(), { minLength: 1, maxLength: 4, selector: (p) => p.id }),
      title: freeText(),
      problem: freeText(),
      hypothesis: fc.record({
        weBelieve: freeText(),
        toTestIt: freeText(),
        measure: freeText(),
        rightIf: freeText(),
      }),
      card: validCard(),
      team: teamSlug(),
      createdAt: isoAt(),
      status: fc.constantFrom(...STATUSES),
      authorisedByCard: fc.boolean(),
      authorisation: maybe(fc.record({ at: isoAt(), conditions: maybe(freeText()) })),
      decision: maybe(
        fc.record({
          outcome: fc.constantFrom('approve' as const, 'decline' as const),
          at: isoAt(),
          reason: maybe(freeText()),
          conditions: maybe(freeText()),
        }),
      ),
      cycles: fc.array(
        fc.record({
          result: fc.constantFrom('worked' as const, 'didNotWork' as const, 'unclear' as const),
          observed: freeText(),
          learned: freeText(),
          next: fc.constantFrom('adapt' as const, 'adopt' as const, 'abandon' as const),
          recordedAt: isoAt(),
          incident: maybe(fc.constantFrom('none' as const, 'minor' as const, 'serious' as const)),
          incidentDetail: maybe(freeText()),
        }),
        { maxLength: 4 },
      ),
      history: fc.array(
        fc.record({
          at: isoAt(),
          byWhom: fc.nat(),
          event: fc.constantFrom(...HISTORY_EVENTS),
          status: fc.constantFrom(...STATUSES),
          detail: maybe(freeText()),
        }),
        { maxLength: 8 },
      ),
      closedAt: maybe(isoAt()),
    })
    .map((r) => {
      // Index 0 is the owner; the workflow's own entries are "card" and "system".
      const who = (n: number) => r.people[n % r.people.length] as PersonArb;
      const owner = who(0);
      const service = [
        { id: 'card', name: 'The prompt card' },
        { id: 'system', name: 'Fail Forward' },
      ];
      const decider = who(1);
      return {
        id: r.id,
        people: r.people,
        title: r.title,
        problem: r.problem,
        hypothesis: r.hypothesis,
        card: r.card,
        team: r.team,
        owner: owner.id,
        ownerName: owner.name,
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
        status: r.status,
        policyVersion: 1,
        raisedToLeaders: false,
        everEscalated: r.decision !== undefined,
        ...(r.authorisation
          ? {
              authorisation: r.authorisedByCard
                ? { by: 'card', at: r.authorisation.at }
                : { by: decider.id, byName: decider.name, ...dropUndefined(r.authorisation) },
            }
          : {}),
        ...(r.decision
          ? { decision: { by: decider.id, byName: decider.name, ...dropUndefined(r.decision) } }
          : {}),
        cycles: r.cycles.map((cycle, i) => ({
          number: i + 1,
          ...dropUndefined(cycle),
          recordedBy: owner.id,
        })),
        history: r.history.map(({ byWhom, ...entry }) => {
          const by = byWhom % 5 < 2 ? (service[byWhom % 2] as PersonArb) : who(byWhom);
          return { ...dropUndefined(entry), by: by.id, byName: by.name };
        }),
        ...(r.closedAt ? { closedAt: r.closedAt } : {}),
      };
    });

const dropUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A team's own limits: some of the four thresholds, in the same ranges as the base. */
export const teamThresholds = (): fc.Arbitrary<TeamThresholds> =>
  thresholds().chain((values) =>
    fc
      .subarray([...THRESHOLD_FIELDS])
      .map((fields) => Object.fromEntries(fields.map((field) => [field, values[field]])) as TeamThresholds),
  );

/** A policy with per-team limits for some teams. */
export const policyWithTeams = () =>
  fc.record({
    version: fc.integer({ min: 1, max: 1000 }),
    thresholds: thresholds(),
    teams: fc.dictionary(teamSlug(), teamThresholds(), { maxKeys: 4 }),
  });
