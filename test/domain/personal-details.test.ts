import { describe, expect, it } from 'vitest';
import {
  CYCLE_TEXT_PATHS,
  checkFreeText,
  findPersonalDetails,
  isValidNhsNumber,
  nhsCheckDigit,
  SUBMISSION_TEXT_PATHS,
  textFields,
} from '#shared/domain/personal-details.ts';

const TODAY = new Date('2026-06-15T12:00:00Z');
const kinds = (text: string) => findPersonalDetails(text, TODAY);

describe('personal details: errors', () => {
  it.each([
    'Email jo.bloggs@example.co.uk for the rota',
    'JO_BLOGGS+referrals@council.gov.uk.',
    '(contact: a@b.org)',
  ])('finds the email address in %j', (text) => {
    expect(kinds(text).errors).toEqual(['email']);
  });

  it.each(['meet @ 5pm', 'tweet @council', 'user@localhost', 'a@b.c', 'see the @ sign', 'ratio 3@4.5'])(
    'finds no email address in %j',
    (text) => {
      expect(kinds(text).errors).toEqual([]);
    },
  );

  it.each([
    '07700 900123',
    '07700900123',
    '07700 900 123',
    '07700-900-123',
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)7700 900123',
    '+44 07700 900123',
    '0044 7700 900123',
    '(01632) 960 123',
    '01632 960123',
    '020 7946 0123',
    '(020) 7946 0123',
    '+44 20 7946 0123',
    '+44 (0) 20 7946 0123',
    '0161 496 0000',
    '0808 157 0192',
    '0306 999 0123',
  ])('finds the phone number %j in a sentence', (phone) => {
    expect(kinds(`Mum said to ring ${phone} after school.`).errors).toEqual(['phone']);
  });

  it.each([
    '0770 090 012',
    '07700 90012',
    '01 23 45 67 89 0',
    '09098 790123',
    '+1 202 555 0123',
    '+33 1 23 45 67 89',
    '2019 2020 2021',
    '10 20 30 40 50 60',
  ])('finds no UK phone number in %j', (text) => {
    expect(kinds(text).errors).toEqual([]);
  });

  it('finds a phone number followed or preceded by other numbers', () => {
    expect(kinds('call 07700 900123 10 times').errors).toEqual(['phone']);
    expect(kinds('cycle 2 07700 900123').errors).toEqual(['phone']);
  });

  it('computes the NHS check digit as modulus 11 with weights 10 to 2', () => {
    // 943 476 591: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
  });

  it('treats a remainder of 0 as check digit 0 and never issues check digit 10', () => {
    // 100 000 001: 1*10 + 1*2 = 12, 12 mod 11 = 1, 11 - 1 = 10: not a valid number, whatever digit follows
    expect(nhsCheckDigit('100000001')).toBeNull();
    for (let digit = 0; digit <= 9; digit++) expect(isValidNhsNumber(`100000001${digit}`)).toBe(false);
    // 100 000 011: 1*10 + 1*3 + 1*2 = 15, 15 mod 11 = 4, 11 - 4 = 7
    expect(nhsCheckDigit('100000011')).toBe(7);
    // 000 000 000: sum 0, 11 - 0 = 11, so the check digit is 0
    expect(nhsCheckDigit('000000000')).toBe(0);
  });

  it.each(['943 476 5919', '943-476-5919', '9434765919', 'NHS no. 943 476 5919.'])(
    'finds the NHS number %j',
    (text) => {
      expect(kinds(text).errors).toEqual(['nhsNumber']);
    },
  );

  it.each([
    '943 476 5918',
    '94 34 76 59 19',
    '943  476  5919',
    '943 4765 919',
    '19434765919',
    'a-secret-0123456789',
    'ref9434765919',
  ])('does not read %j as an NHS number', (text) => {
    expect(kinds(text).errors).not.toContain('nhsNumber');
  });

  it.each(['AB 12 34 56 C', 'AB123456C', 'ab 123456 c', 'JG103759A', 'NI: ce 12 34 56 d'])(
    'finds the National Insurance number %j',
    (text) => {
      expect(kinds(text).errors).toEqual(['niNumber']);
    },
  );

  it.each([
    'BG123456A',
    'GB123456A',
    'KN123456A',
    'NK123456A',
    'NT123456A',
    'TN123456A',
    'ZZ123456A',
    'DA123456A',
    'FA123456A',
    'IA123456A',
    'QA123456A',
    'UA123456A',
    'VA123456A',
    'AD123456A',
    'AO123456A',
    'AV123456A',
    'AB123456E',
    'AB12345C',
    'XAB123456C',
  ])('does not read %j as a National Insurance number', (text) => {
    expect(kinds(text).errors).toEqual([]);
  });

  it('lists every kind a text holds, each once, in a fixed order', () => {
    // Act
    const found = kinds('AB123456C, 943 476 5919, 07700 900123, x@y.com and again x@y.com');

    // Assess
    expect(found.errors).toEqual(['email', 'phone', 'nhsNumber', 'niNumber']);
  });
});

describe('personal details: warnings', () => {
  it.each([
    'CF10 1AA',
    'NP7 5XE',
    'np7 5xe',
    'SW1A 2AA',
    'W1A 1AA',
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'GIR 0AA',
  ])('warns about the postcode %j', (text) => {
    expect(kinds(`They live at ${text}.`)).toEqual({ errors: [], warnings: ['postcode'] });
  });

  it.each(['the M6 2am run', 'Room B12 3rd floor', 'A40 exit', 'CF10', 'version 2.0 1AA', 'QA1 1AA'])(
    'does not warn about %j',
    (text) => {
      expect(kinds(text).warnings).toEqual([]);
    },
  );

  it.each([
    'born 12/03/2024',
    'DOB 12.03.2024',
    'D.O.B.: 12-03-24',
    'date of birth 3rd March 2024',
    'her birthday is 3 March 2024',
    'born on March 3rd, 2024',
    'Ganwyd 3 Mawrth 2024',
  ])('warns about a recent date of birth written %j', (text) => {
    expect(kinds(text)).toEqual({ errors: [], warnings: ['dateOfBirth'] });
  });

  it.each(['12/03/2015', '3 March 2001', 'Sept 30 1987', '(01.01.80)'])(
    'warns about a full date five or more years ago, %j, with no cue',
    (text) => {
      expect(kinds(`The child, ${text}, was referred.`).warnings).toEqual(['dateOfBirth']);
    },
  );

  it.each([
    'Since 1 April 2025 referrals have doubled',
    'the meeting on 12/03/2026',
    'from 16 June 2021', // one day short of five years
    'born in March 2015',
    'born 2015',
    'born 31/02/2020',
    'born 12/03/2027',
    'born 1 Smarch 2020',
    '12/13/2015',
    'born 2024-03-12', // nobody writes a birthday the ISO way in prose; machine text does
    '2000-01-01T00:00:00Z',
  ])('does not warn about %j', (text) => {
    expect(kinds(text).warnings).toEqual([]);
  });

  it('warns about a date exactly five years before today', () => {
    expect(kinds('on 15 June 2021').warnings).toEqual(['dateOfBirth']);
    expect(kinds('on 16 June 2021').warnings).toEqual([]);
  });

  it('reads "today" on a London calendar', () => {
    // 23:30 UTC on 14 June is already 15 June in London (BST)
    const lateEvening = new Date('2026-06-14T23:30:00Z');
    expect(findPersonalDetails('on 15 June 2021', lateEvening).warnings).toEqual(['dateOfBirth']);
  });

  it('needs the cue within 40 characters before the date', () => {
    const far = `born. ${'x'.repeat(40)} 12/03/2024`;
    const near = `born. ${'x'.repeat(30)} 12/03/2024`;
    expect(kinds(far).warnings).toEqual([]);
    expect(kinds(near).warnings).toEqual(['dateOfBirth']);
  });

  it.each(['stubborn 12/03/2024', 'newborn 12/03/2024'])('does not take %j as a cue', (text) => {
    expect(kinds(text).warnings).toEqual([]);
  });
});

describe('checkFreeText', () => {
  it('gives one error per field and kind with the spec wording, and warnings apart', () => {
    // Prepare
    const fields = [
      { path: 'title', text: 'Calls to new referrals' },
      { path: 'problem', text: 'Ring jo@example.com or 07700 900123; they live in CF10 1AA.' },
      { path: 'hypothesis.toTestIt', text: 'Ask AB 12 34 56 C' },
    ];

    // Act
    const result = checkFreeText(fields, { today: TODAY });

    // Assess
    expect(result).toEqual({
      errors: [
        {
          path: 'problem',
          kind: 'email',
          message: "Remove the email address: describe people, don't identify them",
        },
        {
          path: 'problem',
          kind: 'phone',
          message: "Remove the phone number: describe people, don't identify them",
        },
        {
          path: 'hypothesis.toTestIt',
          kind: 'niNumber',
          message: "Remove the National Insurance number: describe people, don't identify them",
        },
      ],
      warnings: [{ path: 'problem', kind: 'postcode' }],
    });
  });

  it('words the NHS number error like the others', () => {
    const result = checkFreeText([{ path: 'observed', text: '943 476 5919' }], { today: TODAY });
    expect(result.errors).toEqual([
      {
        path: 'observed',
        kind: 'nhsNumber',
        message: "Remove the NHS number: describe people, don't identify them",
      },
    ]);
  });

  it('is empty for ordinary text', () => {
    expect(
      checkFreeText([{ path: 'title', text: 'A buddy scheme for 12 parents' }], { today: TODAY }),
    ).toEqual({ errors: [], warnings: [] });
  });
});

describe('textFields', () => {
  it('picks the free text of a submission, skipping missing and non-text values', () => {
    // Prepare
    const body = {
      title: 'Evening calls',
      problem: 42,
      hypothesis: { weBelieve: 'a', toTestIt: 'b', measure: null },
      card: { extraCost: 0 },
    };

    // Act
    const fields = textFields(body, SUBMISSION_TEXT_PATHS);

    // Assess
    expect(fields).toEqual([
      { path: 'title', text: 'Evening calls' },
      { path: 'hypothesis.weBelieve', text: 'a' },
      { path: 'hypothesis.toTestIt', text: 'b' },
    ]);
  });

  it('picks the free text of a cycle, incident detail included', () => {
    const body = { result: 'worked', observed: 'o', learned: 'l', next: 'adopt', incidentDetail: 'd' };
    expect(textFields(body, CYCLE_TEXT_PATHS).map((field) => field.path)).toEqual([
      'observed',
      'learned',
      'incidentDetail',
    ]);
  });

  it.each([null, undefined, 'text', 7, []])('gives nothing for a body that is %j', (body) => {
    expect(textFields(body, SUBMISSION_TEXT_PATHS)).toEqual([]);
  });
});
