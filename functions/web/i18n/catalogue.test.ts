import { describe, expect, it } from 'vitest';
import { CARD_QUESTIONS } from '#shared/domain/card.ts';
import { cy } from './cy.ts';
import { en } from './en.ts';
import { formatter } from './index.ts';

/** Every leaf of a catalogue by its dotted path, functions called with sample arguments. */
const leaves = (value: unknown, path = ''): [string, string][] => {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value('1', '2', '3'))]];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  }
  return [];
};

// Not translated on purpose: names, the £ sign, the "Beta" phase and the catalogue's own codes.
const SAME_IN_BOTH = new Set([
  'amounts.pounds',
  'card.extraCost.prefix',
  'layout.phaseTag',
  'roles.staff',
  'signIn.userLabel',
  'log.dateHint',
  'experiment.historyBy',
  'card.extraCost.suffix',
  'card.peopleInvolved.prefix',
  'card.durationWeeks.prefix',
  'card.staffHours.prefix',
  'draftNotice',
  'draftTag',
]);

describe('the message catalogues', () => {
  it('have the same strings in Welsh as in English, none of them empty or left in English', () => {
    // Prepare
    const english = new Map(leaves(en));
    const welsh = new Map(leaves(cy));

    // Act
    const missing = [...english.keys()].filter((key) => !welsh.has(key));
    const extra = [...welsh.keys()].filter((key) => !english.has(key));
    const untranslated = [...english].filter(
      ([key, text]) => !SAME_IN_BOTH.has(key) && text !== '' && welsh.get(key) === text,
    );

    // Assess
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    expect(untranslated).toEqual([]);
    expect(
      [...welsh].filter(
        ([key, text]) =>
          text === '' &&
          ![
            'card.extraCost.suffix',
            'card.peopleInvolved.prefix',
            'card.durationWeeks.prefix',
            'card.staffHours.prefix',
          ].includes(key),
      ),
    ).toEqual([]);
  });

  it("uses the product spec's exact question labels in English", () => {
    // Prepare
    const spec = {
      safeguarding: 'Could this put a child, young person or adult at risk of harm?',
      lawful: 'Are you confident it is legal and keeps to our statutory duties?',
      personalData: "Does it use people's personal information in a new way?",
      consent: 'Will the people taking part know about it and be free to say no?',
      reversible: 'Can you stop it quickly and put things back if it goes wrong?',
      frontPage:
        'Would you be comfortable explaining it to the families involved, your colleagues and the local paper?',
      extraCost: "How much extra money will it need, in pounds, beyond your team's normal budget?",
      peopleInvolved: 'How many people or families will take part?',
      durationWeeks: 'How many weeks will the test run before you review it?',
      staffHours: 'How many extra staff hours will it take?',
      commitToShare: 'I will record what we learn, whether it works or not',
    };

    // Act
    const labels = Object.fromEntries(CARD_QUESTIONS.map((q) => [q.field, en.card[q.field].label]));

    // Assess
    expect(labels).toEqual(spec);
  });

  it('marks the Welsh catalogue as a draft for a Welsh speaker to review, and English as final', () => {
    // Prepare
    const catalogues = { en, cy };

    // Act
    const notices = Object.values(catalogues).map((t) => t.draftNotice);

    // Assess
    expect(notices[0]).toBe('');
    expect(notices[1]).toMatch(/Cyfieithiad drafft.*siaradwr Cymraeg/);
  });

  it('formats dates, amounts and time left for en-GB and cy-GB in UK time', () => {
    // Prepare
    const english = formatter(en);
    const welsh = formatter(cy);
    const now = new Date('2025-07-01T09:00:00Z');

    // Act
    const results = [
      english.date('2025-07-15T23:30:00Z'),
      welsh.date('2025-07-15T23:30:00Z'),
      english.dateTime('2025-01-15T09:05:00Z'),
      english.dateTime('2025-06-15T11:00:00Z'),
      english.dateTime('2025-01-15T17:30:00Z'),
      english.amount('extraCost', 1250),
      welsh.amount('extraCost', 500.5),
      english.amount('peopleInvolved', 1),
      welsh.amount('peopleInvolved', 12),
      welsh.amount('durationWeeks', 6),
      english.relative('2025-07-03T09:00:00Z', now),
      welsh.relative('2025-07-01T14:00:00Z', now),
    ];

    // Assess
    expect(results).toEqual([
      '16 July 2025',
      '16 Gorffennaf 2025',
      '9:05am on 15 January 2025',
      'midday on 15 June 2025',
      '5:30pm on 15 January 2025',
      '£1,250',
      '£500.50',
      '1 person or family',
      '12 person neu deulu',
      '6 wythnos',
      'in 2 days',
      'ymhen 5 awr',
    ]);
  });
});
