import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  CARD_FIELDS,
  type Card,
  type CardAnswers,
  CHOICE_FIELDS,
  CHOICE_QUESTIONS,
  THRESHOLD_FIELDS,
  THRESHOLD_QUESTIONS,
} from '#shared/domain/card.ts';
import {
  BROKEN_TEXT,
  type CardChanges,
  cardChangesSchema,
  cardSchema,
  decisionSchema,
  type Submission,
  submissionSchema,
  toIssues,
} from '#shared/domain/schemas.ts';
import { sampleCard } from '#test/support/fixtures.ts';
import { textOfLength, validCard } from './arbitraries.ts';
import { issuePaths, messageAt } from './schema-issues.ts';

const VALID_CARD = sampleCard({ extraCost: 250, peopleInvolved: 6, staffHours: 12.5 });

const VALID_HYPOTHESIS = {
  weBelieve: 'Parents who have been through early help can support new families',
  toTestIt: 'We will pair six families with a parent buddy for four weeks',
  measure: 'Attendance at the first two appointments',
  rightIf: 'At least four of six families attend both',
};

const hypothesis = () =>
  fc.record({
    weBelieve: textOfLength(1, 1000),
    toTestIt: textOfLength(1, 1000),
    measure: textOfLength(1, 1000),
    rightIf: textOfLength(1, 1000),
  });

const submission = () =>
  fc.record({
    title: textOfLength(5, 120),
    problem: textOfLength(1, 2000),
    hypothesis: hypothesis(),
    card: validCard(),
  });

/** Anything JSON could carry that is not a finite number. */
const notANumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, true, undefined),
  fc.string(),
  fc.integer().map(String),
  fc.array(fc.integer(), { maxLength: 2 }),
);

/** A key that is not a card field. */
const unknownKey = fc
  .string({ minLength: 1, maxLength: 20, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') })
  .filter((key) => !(CARD_FIELDS as readonly string[]).includes(key) && key !== 'commitToShare');

describe('cardSchema: accepts exactly what the card allows', () => {
  it('accepts every card built from allowed answers, unchanged', () => {
    fc.assert(
      fc.property(validCard(), (card) => {
        // Act
        const result = cardSchema.safeParse(card);

        // Assess
        expect(result.success).toBe(true);
        expect(result.data).toEqual(card);
      }),
    );
  });

  it.each(CHOICE_FIELDS)('rejects any %s answer that is not one of the allowed values', (field) => {
    const allowed: readonly unknown[] = CHOICE_QUESTIONS[field].answers;
    fc.assert(
      fc.property(
        validCard(),
        fc
          .oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))
          .filter((v) => !allowed.includes(v)),
        (card, answer) => {
          // Act / Assess
          expect(issuePaths(cardSchema, { ...card, [field]: answer }, 'card')).toEqual([`card.${field}`]);
        },
      ),
    );
  });

  it.each(CHOICE_FIELDS)('rejects %s in another case, such as "YES"', (field) => {
    // Prepare
    const upper = CHOICE_QUESTIONS[field].answers[0]?.toUpperCase();

    // Act / Assess
    expect(issuePaths(cardSchema, { ...VALID_CARD, [field]: upper })).toEqual([field]);
  });

  it.each(THRESHOLD_FIELDS)('rejects %s below its minimum', (field) => {
    const { min } = THRESHOLD_QUESTIONS[field];
    fc.assert(
      fc.property(validCard(), fc.integer({ min: 1, max: 1_000_000 }), (card, below) => {
        // Act / Assess
        expect(issuePaths(cardSchema, { ...card, [field]: min - below / 100 })).toEqual([field]);
      }),
    );
  });

  it.each(THRESHOLD_FIELDS)('rejects %s above its maximum', (field) => {
    const { max } = THRESHOLD_QUESTIONS[field];
    fc.assert(
      fc.property(validCard(), fc.integer({ min: 1, max: 1_000_000 }), (card, above) => {
        // Act / Assess
        expect(issuePaths(cardSchema, { ...card, [field]: max + above })).toEqual([field]);
      }),
    );
  });

  it.each(THRESHOLD_FIELDS)(
    'rejects %s when it is not a finite number (NaN, Infinity, "12", null…)',
    (field) => {
      fc.assert(
        fc.property(validCard(), notANumber, (card, value) => {
          // Act / Assess
          expect(issuePaths(cardSchema, { ...card, [field]: value })).toEqual([field]);
        }),
      );
    },
  );

  it.each(THRESHOLD_FIELDS.map((field) => [field, THRESHOLD_QUESTIONS[field].decimalPlaces] as const))(
    'rejects %s with more than %s decimal places',
    (field, places) => {
      const question = THRESHOLD_QUESTIONS[field];
      fc.assert(
        fc.property(
          validCard(),
          fc.integer({ min: question.min, max: question.max - 1 }),
          fc.integer({ min: 1, max: 99 }),
          (card, whole, fraction) => {
            // Prepare: a fraction finer than the field allows
            const value = whole + (places === 0 ? fraction / 100 : fraction / 1000 + 0.0001);

            // Act / Assess
            expect(issuePaths(cardSchema, { ...card, [field]: value })).toEqual([field]);
          },
        ),
      );
    },
  );

  it('rejects a card with any answer missing, at that answer', () => {
    fc.assert(
      fc.property(validCard(), fc.constantFrom(...CARD_FIELDS, 'commitToShare' as const), (card, field) => {
        // Prepare
        const { [field]: _removed, ...rest } = card;

        // Act / Assess
        expect(issuePaths(cardSchema, rest, 'card')).toEqual([`card.${field}`]);
      }),
    );
  });

  it('rejects a card with an extra field, at that field', () => {
    fc.assert(
      fc.property(validCard(), unknownKey, fc.jsonValue(), (card, key, value) => {
        // Act / Assess
        expect(issuePaths(cardSchema, { ...card, [key]: value }, 'card')).toEqual([`card.${key}`]);
      }),
    );
  });

  it('rejects commitToShare unless it is exactly true', () => {
    fc.assert(
      fc.property(validCard(), fc.constantFrom(false, 'true', 1, null, 'yes'), (card, commitToShare) => {
        // Act / Assess
        expect(issuePaths(cardSchema, { ...card, commitToShare })).toEqual(['commitToShare']);
      }),
    );
  });

  it('rejects anything that is not an object', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue())),
        (value) => {
          // Act / Assess
          expect(issuePaths(cardSchema, value, 'card')).toEqual(['card']);
        },
      ),
    );
  });
});

describe('cardSchema: messages', () => {
  it.each([
    ['peopleInvolved', -1, 'The number of people or families taking part must be 0 or more'],
    ['peopleInvolved', 2.5, 'The number of people or families taking part must be a whole number'],
    ['peopleInvolved', '12', 'The number of people or families taking part must be a number, like 8'],
    ['safeguarding', 'maybe', 'Select whether this could put a child, young person or adult at risk of harm'],
    ['commitToShare', false, 'Confirm that you will record what you learn, whether it works or not'],
    ['durationWeeks', 0, 'The number of weeks must be 1 or more'],
    ['durationWeeks', 53, 'The number of weeks must be 52 or fewer: review it at least once a year'],
    ['extraCost', 10.005, 'Enter the extra money in pounds and pence, like 750 or 750.50'],
    ['extraCost', Number.POSITIVE_INFINITY, 'The extra money must be a number, like 750 or 750.50'],
    ['extraCost', undefined, 'Enter how much extra money it will need, in pounds'],
  ])('%s = %s says "%s"', (field, value, message) => {
    // Act / Assess
    expect(messageAt(cardSchema, { ...VALID_CARD, [field]: value }, field)).toBe(message);
  });

  it('reports an extra field in plain English', () => {
    // Act / Assess
    expect(messageAt(cardSchema, { ...VALID_CARD, budgetCode: 'X1' }, 'budgetCode')).toBe(
      'Remove this field: it is not one we recognise',
    );
  });
});

describe('cardChangesSchema', () => {
  it('accepts any non-empty subset of valid answers', () => {
    fc.assert(
      fc.property(validCard(), fc.subarray([...CARD_FIELDS], { minLength: 1 }), (card, fields) => {
        // Prepare
        const changes = Object.fromEntries(fields.map((field) => [field, card[field]]));

        // Act / Assess
        expect(cardChangesSchema.parse(changes)).toEqual(changes);
      }),
    );
  });

  it('rejects no changes at all, commitToShare, and bad values at their path', () => {
    // Act / Assess
    expect(messageAt(cardChangesSchema, {}, '')).toBe(
      'Change at least one answer on the card, or leave the changes out',
    );
    expect(issuePaths(cardChangesSchema, { extraCost: 900, commitToShare: true }, 'changes')).toEqual([
      'changes.commitToShare',
    ]);
    expect(issuePaths(cardChangesSchema, { durationWeeks: 0 }, 'changes')).toEqual(['changes.durationWeeks']);
  });
});

describe('submissionSchema', () => {
  it('accepts generated submissions and trims their text', () => {
    fc.assert(
      fc.property(submission(), (body) => {
        // Act
        const parsed = submissionSchema.parse(body);

        // Assess
        expect(parsed.title).toBe(body.title.trim());
        expect(parsed.hypothesis.rightIf).toBe(body.hypothesis.rightIf.trim());
        expect(parsed.card).toEqual(body.card);
      }),
    );
  });

  it('rejects a title shorter than 5 or longer than 120 characters once trimmed', () => {
    fc.assert(
      fc.property(submission(), fc.oneof(textOfLength(1, 4), textOfLength(121, 300)), (body, title) => {
        // Act / Assess
        expect(issuePaths(submissionSchema, { ...body, title })).toEqual(['title']);
        expect(messageAt(submissionSchema, { ...body, title }, 'title')).toBe(
          title.trim().length <= 4
            ? 'The title must be 5 characters or more'
            : 'The title must be 120 characters or fewer',
        );
      }),
    );
  });

  it.each(['weBelieve', 'toTestIt', 'measure', 'rightIf'])(
    'rejects a blank or too long hypothesis.%s',
    (key) => {
      fc.assert(
        fc.property(
          submission(),
          fc.oneof(fc.constantFrom('', '   '), textOfLength(1001, 1100)),
          (body, value) => {
            // Prepare
            const bad = { ...body, hypothesis: { ...body.hypothesis, [key]: value } };

            // Act / Assess
            expect(issuePaths(submissionSchema, bad)).toEqual([`hypothesis.${key}`]);
          },
        ),
      );
    },
  );

  it('reports card problems under card. and never takes an owner or team from the body', () => {
    // Prepare
    const body = {
      title: 'Parent buddies',
      problem: 'New families miss appointments',
      hypothesis: VALID_HYPOTHESIS,
      card: { ...VALID_CARD, extraCost: -5 },
      owner: 'someone-else',
      team: 'youth-justice',
    };

    // Act / Assess
    expect(issuePaths(submissionSchema, body)).toEqual(['card.extraCost', 'owner', 'team']);
  });

  it('rejects a problem over 2,000 characters with a length message', () => {
    // Prepare
    const body = {
      title: 'Parent buddies',
      problem: 'a'.repeat(2001),
      hypothesis: VALID_HYPOTHESIS,
      card: VALID_CARD,
    };

    // Act / Assess
    expect(messageAt(submissionSchema, body, 'problem')).toBe(
      'What is wrong today must be 2,000 characters or fewer',
    );
  });
});

describe('free text', () => {
  const LONE = ['\uD800', '\uDFFF', 'a\uD83Dz', 'ends \uDBFF'];
  const WELL_FORMED = [
    '👩‍👧‍👦 family',
    'Ｆｕｌｌｗｉｄｔｈ',
    'مرحبا',
    'e\u0301 cafe',
    '\u200B\u200C zero width',
  ];

  it.each(LONE.map((edge) => [JSON.stringify(edge), edge]))(
    'refuses text with a lone surrogate (%s), which has no UTF-8 form, in every text field',
    (_, edge) => {
      // Prepare
      const body = {
        title: `Title ${edge}`,
        problem: `Problem ${edge}`,
        hypothesis: { ...VALID_HYPOTHESIS, measure: `Measure ${edge}` },
        card: VALID_CARD,
      };

      // Act / Assess
      expect(issuePaths(submissionSchema, body)?.sort()).toEqual(['hypothesis.measure', 'problem', 'title']);
      expect(messageAt(submissionSchema, body, 'title')).toBe(BROKEN_TEXT);
      expect(issuePaths(decisionSchema, { outcome: 'decline', reason: `No ${edge}` })).toEqual(['reason']);
    },
  );

  it.each(WELL_FORMED)('keeps well-formed text exactly (%s)', (edge) => {
    // Prepare
    const body = { title: `Title ${edge}`, problem: edge, hypothesis: VALID_HYPOTHESIS, card: VALID_CARD };

    // Act
    const parsed = submissionSchema.parse(body);

    // Assess
    expect(parsed.problem).toBe(edge.trim());
    expect(parsed.title).toBe(`Title ${edge}`);
  });
});

describe('toIssues', () => {
  it('joins paths with dots under an optional prefix, one message per path', () => {
    // Prepare
    const error = submissionSchema.safeParse({
      title: 'Idea',
      problem: 'p',
      hypothesis: VALID_HYPOTHESIS,
      card: { ...VALID_CARD, peopleInvolved: -1.5 },
    }).error as z.ZodError;

    // Act
    const issues = toIssues(error, 'body');

    // Assess
    expect(issues).toEqual([
      { path: 'body.title', message: 'The title must be 5 characters or more' },
      {
        path: 'body.card.peopleInvolved',
        message: 'The number of people or families taking part must be 0 or more',
      },
    ]);
  });

  it('reports a body that is not an object at the root', () => {
    // Act / Assess
    expect(toIssues(submissionSchema.safeParse('hello').error as z.ZodError)).toEqual([
      { path: '', message: 'Send the details as a JSON object' },
    ]);
  });
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('inferred types', () => {
  it('match the card types, so the schemas cannot drift from card.ts unnoticed', () => {
    // Prepare: these only compile when the types are mutually assignable
    const submittedCard: Same<Submission['card'], Card> = true;
    const changes: Same<CardChanges, Partial<CardAnswers>> = true;

    // Assess
    expect([submittedCard, changes]).toEqual([true, true]);
  });
});
