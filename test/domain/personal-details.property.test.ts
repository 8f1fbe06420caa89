import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFreeText, findPersonalDetails, nhsCheckDigit } from '#shared/domain/personal-details.ts';

const TODAY = new Date('2026-06-15T12:00:00Z');
const digit = fc.constantFrom(...'0123456789');
const digits = (length: number) => fc.string({ unit: digit, minLength: length, maxLength: length });
const pick = <T>(...values: T[]) => fc.constantFrom(...values);

// ---- Ordinary frontline text: what people write about a test, numbers included --------------------

const WORDS = [
  'families',
  'parents',
  'referral',
  'the',
  'evening',
  'calls',
  'we',
  'tried',
  'a',
  'buddy',
  'scheme',
  'worked',
  'did',
  'not',
  'work',
  'young',
  'people',
  'school',
  'visit',
  'text',
  'first',
  'appointment',
  'manager',
  'team',
  'Early',
  'Help',
  'youth',
  'justice',
  'volunteers',
  'Monday',
  'DBS',
  'check',
  'NHS',
  'GP',
  'born',
  'DOB',
  'birthday',
  'Cardiff',
  'Monmouthshire',
  'Ysgol',
  'teulu',
  'rhieni',
  'wythnos',
];
const n = (max: number) => fc.integer({ min: 0, max });
const numberPhrase: fc.Arbitrary<string> = fc.oneof(
  n(100_000).map((v) => `£${v}`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), digits(3)).map(([a, b]) => `£${a},${b}`),
  fc.tuple(n(999), digits(2)).map(([a, b]) => `£${a}.${b}`),
  fc
    .tuple(n(500), pick('families', 'people', 'weeks', 'hours', 'days', 'visits', 'calls', 'parents'))
    .map(([v, unit]) => `${v} ${unit}`),
  fc.integer({ min: 1990, max: 2035 }).map(String),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), digits(2), pick('am', 'pm', ''))
    .map(([h, m, s]) => `${h}:${m}${s}`),
  fc.tuple(fc.integer({ min: 0, max: 23 }), digits(2)).map(([h, m]) => `${String(h).padStart(2, '0')}:${m}`),
  fc.tuple(n(100), pick('%', ' per cent')).map(([v, s]) => `${v}${s}`),
  fc.tuple(pick('cycle', 'week', 'phase', 'case', 'room', 'Year'), n(999)).map(([w, v]) => `${w} ${v}`),
  fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 2, max: 50 })).map(([a, b]) => `${a} in ${b}`),
  fc.tuple(n(20), n(40)).map(([a, b]) => `${a} out of ${b}`),
  fc.tuple(n(18), n(18)).map(([a, b]) => `${a}-${b} year olds`),
  fc
    .tuple(pick('January', 'March', 'Sept', 'May'), fc.integer({ min: 1990, max: 2035 }))
    .map(([m, y]) => `in ${m} ${y}`),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2020, max: 2030 }))
    .map(([q, y]) => `Q${q} ${y}`),
);
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: numberPhrase },
);
const joiner = pick(' ', ' ', ' ', ', ', '. ', ' - ', '\n', '; ', ' (', ') ');
const ordinaryText: fc.Arbitrary<string> = fc
  .array(fc.tuple(token, joiner), { maxLength: 40 })
  .map((parts) => parts.map(([t, j]) => `${t}${j}`).join(''));

/** Places a detail inside ordinary text, set apart by a space or punctuation as people type it. */
const inText = (detail: fc.Arbitrary<string>) =>
  fc
    .tuple(ordinaryText, pick(' ', ', ', ': ', ' ('), detail, pick(' ', '. ', ', ', ') ', '.'), ordinaryText)
    .map(([before, open, d, close, after]) => ({ detail: d, text: `${before}${open}${d}${close}${after}` }));

// ---- Personal details -------------------------------------------------------------------------------

const nhsDigits = (valid: boolean) =>
  digits(9).chain((first9) => {
    const check = nhsCheckDigit(first9);
    if (valid) return check === null ? fc.constant(null) : fc.constant(`${first9}${check}`);
    return digit.filter((d) => Number(d) !== check).map((d) => `${first9}${d}`);
  });
const nhsSpelling = (ten: string) =>
  pick(
    ten,
    `${ten.slice(0, 3)} ${ten.slice(3, 6)} ${ten.slice(6)}`,
    `${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}`,
  );
const nhsNumber = (valid: boolean) =>
  nhsDigits(valid)
    .filter((ten): ten is string => ten !== null)
    .chain(nhsSpelling);

const NI_FIRST = [...'ABCEGHJKLMNOPRSTWXYZ'];
const NI_SECOND = [...'ABCEGHJKLMNPRSTWXYZ'];
const NEVER_ISSUED = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];
const niSpelling = ([prefix, six, suffix, lower]: [string, string, string, boolean]) =>
  pick(
    `${prefix}${six}${suffix}`,
    `${prefix} ${six.slice(0, 2)} ${six.slice(2, 4)} ${six.slice(4)} ${suffix}`,
    `${prefix} ${six} ${suffix}`,
  ).map((spelt) => (lower ? spelt.toLowerCase() : spelt));
const validNiPrefix = fc
  .tuple(fc.constantFrom(...NI_FIRST), fc.constantFrom(...NI_SECOND))
  .map(([a, b]) => `${a}${b}`)
  .filter((prefix) => !NEVER_ISSUED.includes(prefix));
const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const invalidNiPrefix = fc.oneof(
  fc.constantFrom(...NEVER_ISSUED),
  fc.tuple(fc.constantFrom(...'DFIQUV'), letter).map(([a, b]) => `${a}${b}`),
  fc.tuple(letter, fc.constantFrom(...'DFIOQUV')).map(([a, b]) => `${a}${b}`),
);
const niNumber = (prefix: fc.Arbitrary<string>) =>
  fc.tuple(prefix, digits(6), fc.constantFrom(...'ABCD'), fc.boolean()).chain(niSpelling);

const localChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const label = fc.string({ unit: localChar, minLength: 1, maxLength: 12 });
const email = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    pick('.', '_', '+', '-'),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([local, sep, domain, top, upper]) => {
    const address = `${local.join(sep)}@${domain.join('.')}.${top}`;
    return upper ? address.toUpperCase() : address;
  });

// Ofcom's drama numbers: never anyone's real phone. Each with the groups people put it in.
const dramaNumber = fc.oneof(
  digits(3).map((d) => ['07700', `900${d}`]),
  digits(3).map((d) => ['01632', `960${d}`]),
  digits(3).map((d) => ['020', '7946', `0${d}`]),
  fc
    .tuple(
      pick('0113', '0114', '0115', '0116', '0117', '0118', '0121', '0131', '0141', '0151', '0161'),
      digits(3),
    )
    .map(([area, d]) => [area, '496', `0${d}`]),
  digits(3).map((d) => ['028', '9649', `6${d}`]),
  digits(3).map((d) => ['029', '2018', `0${d}`]),
  digits(3).map((d) => ['0808', '157', `0${d}`]),
  digits(3).map((d) => ['0306', '999', `0${d}`]),
);
const phoneSpelling = (groups: string[]) => {
  const [area = '', ...rest] = groups;
  const national = area.slice(1);
  return pick(
    groups.join(' '),
    groups.join(''),
    groups.join('-'),
    `(${area}) ${rest.join(' ')}`,
    `+44 ${national} ${rest.join(' ')}`,
    `+44${national}${rest.join('')}`,
    `+44 (0)${national} ${rest.join(' ')}`,
    `+44 (0) ${national} ${rest.join(' ')}`,
    `0044 ${national} ${rest.join(' ')}`,
  );
};
const phone = dramaNumber.chain(phoneSpelling);

// ---- Properties -------------------------------------------------------------------------------------

const errorsIn = (text: string) => findPersonalDetails(text, TODAY).errors;

describe('personal details: properties', () => {
  it('ordinary text, numbers and all, never gives an error or a warning', () => {
    fc.assert(
      fc.property(ordinaryText, (text) => {
        expect(findPersonalDetails(text, TODAY)).toEqual({ errors: [], warnings: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every NHS number with a valid check digit, wherever it is', () => {
    fc.assert(
      fc.property(inText(nhsNumber(true)), ({ text }) => {
        expect(errorsIn(text)).toContain('nhsNumber');
      }),
      { numRuns: 500 },
    );
  });

  it('never reports a number with a wrong check digit', () => {
    fc.assert(
      fc.property(inText(nhsNumber(false)), ({ text }) => {
        expect(errorsIn(text)).not.toContain('nhsNumber');
      }),
      { numRuns: 500 },
    );
  });

  it('finds every National Insurance number with a prefix that is issued', () => {
    fc.assert(
      fc.property(inText(niNumber(validNiPrefix)), ({ text }) => {
        expect(errorsIn(text)).toContain('niNumber');
      }),
      { numRuns: 500 },
    );
  });

  it('never reports a National Insurance number with a prefix that is never issued', () => {
    fc.assert(
      fc.property(inText(niNumber(invalidNiPrefix)), ({ text }) => {
        expect(errorsIn(text)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds every email address', () => {
    fc.assert(
      fc.property(inText(email), ({ text }) => {
        expect(errorsIn(text)).toContain('email');
      }),
      { numRuns: 500 },
    );
  });

  it('finds every UK phone number in each usual spelling', () => {
    fc.assert(
      fc.property(inText(phone), ({ text }) => {
        expect(errorsIn(text)).toContain('phone');
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const result = checkFreeText(
          [
            { path: 'a', text: a },
            { path: 'b', text: b },
          ],
          { today: TODAY },
        );
        expect(result.errors.every((e) => e.path === 'a' || e.path === 'b')).toBe(true);
      }),
    );
  });
});

describe('personal details: cost grows with the length of the text, not its square', () => {
  // A quadratic pattern over 200,000 characters takes minutes; a linear one, milliseconds. The
  // test's timeout is the bound, so a slow machine cannot make it flaky and a backtracking regex
  // cannot pass.
  const ADVERSARIAL = [
    'a',
    'a.',
    '@a',
    'a@',
    'a@b.',
    '1',
    '1 ',
    '0 ',
    '1-',
    '(',
    '( 1',
    '+4',
    '+44 ',
    '07700 ',
    '943 ',
    'AB ',
    'AB 12 ',
    'A1 ',
    'born ',
    '1 ',
    '12/',
    '1 March ',
    'March 1 ',
    ' ',
    '1st of ',
  ];

  it.each(ADVERSARIAL)('checks 200,000 characters of %j at once', { timeout: 20_000 }, (piece) => {
    // Prepare
    const text = piece.repeat(Math.ceil(200_000 / piece.length));

    // Act
    const result = findPersonalDetails(text, TODAY);

    // Assess: the check ran to the end and answered
    expect(Array.isArray(result.errors)).toBe(true);
  });
});
