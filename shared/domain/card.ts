// The Monmouthshire "Fail Fast Fail Forward" prompt card as data. Everything else (the assessment,
// the request schemas, the web form) is built from these rows so the card has a single source.

export const CHOICE_FIELDS = [
  'safeguarding',
  'lawful',
  'personalData',
  'consent',
  'reversible',
  'frontPage',
] as const;
export const THRESHOLD_FIELDS = ['extraCost', 'peopleInvolved', 'durationWeeks', 'staffHours'] as const;

export type ChoiceField = (typeof CHOICE_FIELDS)[number];
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];
export type CardField = ChoiceField | ThresholdField;

/** The allowed answers per safety question, in the order the card prints them. */
export const CHOICE_ANSWERS = {
  safeguarding: ['no', 'yes', 'unsure'],
  lawful: ['yes', 'no', 'unsure'],
  personalData: ['no', 'yes', 'unsure'],
  consent: ['yes', 'no', 'notApplicable'],
  reversible: ['yes', 'no'],
  frontPage: ['yes', 'no'],
} as const satisfies { readonly [F in ChoiceField]: readonly [string, ...string[]] };

export type ChoiceAnswers = { [F in ChoiceField]: (typeof CHOICE_ANSWERS)[F][number] };
export type ThresholdAnswers = { [F in ThresholdField]: number };
/** The answers the assessment needs. */
export type CardAnswers = ChoiceAnswers & ThresholdAnswers;
/** A complete, valid card as submitted. */
export type Card = CardAnswers & { commitToShare: true };

export type Unit = 'pounds' | 'people' | 'weeks' | 'hours';
export type LimitOwner = 'card' | 'team';

// Distributive so that `ChoiceQuestion` without an argument is the union of the six precise rows.
export type ChoiceQuestion<F extends ChoiceField = ChoiceField> = F extends ChoiceField
  ? {
      readonly field: F;
      readonly kind: 'choice';
      readonly label: string;
      readonly answers: readonly ChoiceAnswers[F][];
      /** What the form shows for each answer; the stored value stays the code. */
      readonly answerLabels: { readonly [A in ChoiceAnswers[F]]: string };
      readonly escalatesOn: readonly ChoiceAnswers[F][];
      /** The question's topic in a few words: a reason starts with it, and lists and tables name the row by it. */
      readonly short: string;
      /**
       * What an escalating answer means, keyed by answer, after the topic (see `reasons.ts`). Neutral, so
       * it reads right both to the person who submitted the idea and to the manager who decides it.
       */
      readonly reasons: { readonly [A in ChoiceAnswers[F]]?: string };
      /** The validation message when the question is unanswered or the answer is not allowed. */
      readonly errorMessage: string;
    }
  : never;

export interface ThresholdErrors {
  /** Missing. */
  readonly enter: string;
  /** Not a number at all (or not a finite one). */
  readonly notNumber: string;
  /** Below the minimum. */
  readonly tooSmall: string;
  /** Has a fraction where a whole number is needed, or more decimal places than allowed. */
  readonly precision: string;
  readonly tooBig: string;
}

export interface ThresholdQuestion<F extends ThresholdField = ThresholdField> {
  readonly field: F;
  readonly kind: 'threshold';
  readonly label: string;
  readonly integer: boolean;
  /** 0 for whole numbers; 2 for pounds and pence or hundredths of an hour. */
  readonly decimalPlaces: 0 | 2;
  readonly min: number;
  readonly max: number;
  readonly unit: Unit;
  /** The question's topic in a few words: a reason starts with it, and lists and tables name the row by it. */
  readonly short: string;
  /**
   * What an answer above its limit means, after the topic, from the amounts as the reader's language
   * writes them. `whose` says which limit was applied: the card's own (the default) or the team's.
   */
  readonly reason: (answer: string, limit: string, whose?: LimitOwner) => string;
  readonly errors: ThresholdErrors;
}

export interface CommitmentQuestion {
  readonly field: 'commitToShare';
  readonly kind: 'commitment';
  readonly label: string;
  readonly errorMessage: string;
}

export type CardQuestion = ChoiceQuestion | ThresholdQuestion | CommitmentQuestion;

// en-GB grouping is the same in Node and every browser, so messages match wherever they are built.
// Built on first use: the first Intl formatter loads locale data, time that would otherwise be added to
// every function's cold start, though most never format an amount (docs/performance.md).
let formats: { number: Intl.NumberFormat; pence: Intl.NumberFormat } | undefined;
const numberFormats = () => {
  formats ??= {
    number: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
    pence: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 6 }),
  };
  return formats;
};

/** An amount with its unit, from the number as a language writes it and the number itself (for plurals). */
export type AmountWords = { readonly [U in Unit]: (formatted: string, n: number) => string };

/** The English units, for the API's messages and the English pages alike. */
export const EN_AMOUNTS: AmountWords = {
  pounds: (formatted) => `£${formatted}`,
  people: (formatted, n) => `${formatted} ${n === 1 ? 'person or family' : 'people or families'}`,
  weeks: (formatted, n) => `${formatted} ${n === 1 ? 'week' : 'weeks'}`,
  hours: (formatted, n) => `${formatted} ${n === 1 ? 'hour' : 'hours'}`,
};

/** Plain-English amount with its unit, e.g. "£1,250", "£500.50", "1 week", "12 people or families". */
export const formatAmount = (value: number, unit: Unit): string => {
  const { number, pence } = numberFormats();
  const formatted =
    unit === 'pounds' && !Number.isInteger(value) ? pence.format(value) : number.format(value);
  return EN_AMOUNTS[unit](formatted, value);
};

/** "the card's limit of £500", or "the team's limit of £800" when the team has a limit of its own. */
const limitOf = (limit: string, whose: LimitOwner = 'card'): string =>
  whose === 'team' ? `the team's limit of ${limit}` : `the card's limit of ${limit}`;

export const CHOICE_QUESTIONS: { readonly [F in ChoiceField]: ChoiceQuestion<F> } = {
  safeguarding: {
    field: 'safeguarding',
    kind: 'choice',
    label: 'Could this put a child, young person or adult at risk of harm?',
    answers: CHOICE_ANSWERS.safeguarding,
    answerLabels: { no: 'No', yes: 'Yes', unsure: 'Not sure' },
    escalatesOn: ['yes', 'unsure'],
    short: 'Risk of harm',
    reasons: {
      yes: 'could put a child, young person or adult at risk of harm',
      unsure: 'not sure whether it could put a child, young person or adult at risk of harm',
    },
    errorMessage: 'Select whether this could put a child, young person or adult at risk of harm',
  },
  lawful: {
    field: 'lawful',
    kind: 'choice',
    label: 'Are you confident it is legal and keeps to our statutory duties?',
    answers: CHOICE_ANSWERS.lawful,
    answerLabels: { yes: 'Yes', no: 'No', unsure: 'Not sure' },
    escalatesOn: ['no', 'unsure'],
    short: 'Legal and statutory duties',
    reasons: {
      no: 'not confident it is legal and keeps to our statutory duties',
      unsure: 'not sure whether it is legal and keeps to our statutory duties',
    },
    errorMessage: 'Select whether you are confident it is legal and keeps to our statutory duties',
  },
  personalData: {
    field: 'personalData',
    kind: 'choice',
    label: "Does it use people's personal information in a new way?",
    answers: CHOICE_ANSWERS.personalData,
    answerLabels: { no: 'No', yes: 'Yes', unsure: 'Not sure' },
    escalatesOn: ['yes', 'unsure'],
    short: 'Personal information',
    reasons: {
      yes: "uses people's personal information in a new way",
      unsure: "not sure whether it uses people's personal information in a new way",
    },
    errorMessage: "Select whether it uses people's personal information in a new way",
  },
  consent: {
    field: 'consent',
    kind: 'choice',
    label: 'Will the people taking part know about it and be free to say no?',
    answers: CHOICE_ANSWERS.consent,
    answerLabels: { yes: 'Yes', no: 'No', notApplicable: 'Does not apply' },
    escalatesOn: ['no'],
    short: 'Consent',
    reasons: {
      no: 'the people taking part will not know about it or will not be free to say no',
    },
    errorMessage: 'Select whether the people taking part will know about it and be free to say no',
  },
  reversible: {
    field: 'reversible',
    kind: 'choice',
    label: 'Can you stop it quickly and put things back if it goes wrong?',
    answers: CHOICE_ANSWERS.reversible,
    answerLabels: { yes: 'Yes', no: 'No' },
    escalatesOn: ['no'],
    short: 'Stopping it if it goes wrong',
    reasons: {
      no: 'cannot be stopped quickly, with things put back as they were',
    },
    errorMessage: 'Select whether you can stop it quickly and put things back if it goes wrong',
  },
  frontPage: {
    field: 'frontPage',
    kind: 'choice',
    label:
      'Would you be comfortable explaining it to the families involved, your colleagues and the local paper?',
    answers: CHOICE_ANSWERS.frontPage,
    answerLabels: { yes: 'Yes', no: 'No' },
    escalatesOn: ['no'],
    short: 'Explaining it openly',
    reasons: {
      no: 'not comfortable explaining it to the families involved, colleagues and the local paper',
    },
    errorMessage:
      'Select whether you would be comfortable explaining it to the families involved, your colleagues and the local paper',
  },
};

// The upper bounds are not policy: they only stop typing slips (an extra zero or three) from being
// stored as if they were real plans. Anything above the policy limit escalates anyway.
export const THRESHOLD_QUESTIONS: { readonly [F in ThresholdField]: ThresholdQuestion<F> } = {
  extraCost: {
    field: 'extraCost',
    kind: 'threshold',
    label: "How much extra money will it need, in pounds, beyond your team's normal budget?",
    integer: false,
    decimalPlaces: 2,
    min: 0,
    max: 10_000_000,
    unit: 'pounds',
    short: 'Extra money',
    reason: (answer, limit, whose) => `${answer} in total, above ${limitOf(limit, whose)}`,
    errors: {
      enter: 'Enter how much extra money it will need, in pounds',
      notNumber: 'The extra money must be a number, like 750 or 750.50',
      tooSmall: 'The extra money must be £0 or more',
      precision: 'Enter the extra money in pounds and pence, like 750 or 750.50',
      tooBig: 'The extra money must be £10,000,000 or less',
    },
  },
  peopleInvolved: {
    field: 'peopleInvolved',
    kind: 'threshold',
    label: 'How many people or families will take part?',
    integer: true,
    decimalPlaces: 0,
    min: 0,
    max: 1_000_000,
    unit: 'people',
    short: 'People or families taking part',
    reason: (answer, limit, whose) => `${answer}, above ${limitOf(limit, whose)}`,
    errors: {
      enter: 'Enter how many people or families will take part',
      notNumber: 'The number of people or families taking part must be a number, like 8',
      tooSmall: 'The number of people or families taking part must be 0 or more',
      precision: 'The number of people or families taking part must be a whole number',
      tooBig: 'The number of people or families taking part must be 1,000,000 or fewer',
    },
  },
  durationWeeks: {
    field: 'durationWeeks',
    kind: 'threshold',
    label: 'How many weeks will the test run before you review it?',
    integer: true,
    decimalPlaces: 0,
    min: 1,
    max: 52,
    unit: 'weeks',
    short: 'Weeks before a review',
    reason: (answer, limit, whose) => `${answer}, above ${limitOf(limit, whose)}`,
    errors: {
      enter: 'Enter how many weeks the test will run before you review it',
      notNumber: 'The number of weeks must be a number, like 4',
      tooSmall: 'The number of weeks must be 1 or more',
      precision: 'The number of weeks must be a whole number',
      tooBig: 'The number of weeks must be 52 or fewer: review it at least once a year',
    },
  },
  staffHours: {
    field: 'staffHours',
    kind: 'threshold',
    label: 'How many extra staff hours will it take?',
    integer: false,
    decimalPlaces: 2,
    min: 0,
    max: 100_000,
    unit: 'hours',
    short: 'Extra staff hours',
    reason: (answer, limit, whose) => `${answer} in total, above ${limitOf(limit, whose)}`,
    errors: {
      enter: 'Enter how many extra staff hours it will take',
      notNumber: 'The extra staff hours must be a number, like 12 or 7.5',
      tooSmall: 'The extra staff hours must be 0 or more',
      precision: 'Enter the extra staff hours to no more than 2 decimal places, like 7.5',
      tooBig: 'The extra staff hours must be 100,000 or fewer',
    },
  },
};

export const COMMITMENT_QUESTION: CommitmentQuestion = {
  field: 'commitToShare',
  kind: 'commitment',
  label: 'I will record what we learn, whether it works or not',
  errorMessage: 'Confirm that you will record what you learn, whether it works or not',
};

/**
 * The detail of a reason whose answer the card does not recognise (input that slipped past validation,
 * or a stored answer from an older card): such an answer always escalates, never passes.
 */
export const UNRECOGNISED_ANSWER: string = 'an answer the card does not recognise';

/** The card's rows in printed order; reasons and form fields follow this order. */
export const CARD_QUESTIONS: readonly CardQuestion[] = [
  ...CHOICE_FIELDS.map((field): ChoiceQuestion => CHOICE_QUESTIONS[field]),
  ...THRESHOLD_FIELDS.map((field): ThresholdQuestion => THRESHOLD_QUESTIONS[field]),
  COMMITMENT_QUESTION,
];

/** Assessed fields in row order. */
export const CARD_FIELDS: readonly CardField[] = [...CHOICE_FIELDS, ...THRESHOLD_FIELDS];

export interface Thresholds {
  extraCost: number;
  peopleInvolved: number;
  durationWeeks: number;
  staffHours: number;
}

/** A team's own limits: any of the four, the rest come from the base thresholds. */
export type TeamThresholds = Partial<Thresholds>;

/**
 * Why the service itself published a version, as a code the pages word in their language; the English
 * `reason` beside it is for the API.
 */
export const POLICY_REASON_CODES = ['printedCard'] as const;
export type PolicyReasonCode = (typeof POLICY_REASON_CODES)[number];
export const isPolicyReasonCode = (value: unknown): value is PolicyReasonCode =>
  (POLICY_REASON_CODES as readonly unknown[]).includes(value);

export interface Policy {
  version: number;
  thresholds: Thresholds;
  decisionDeadlineDays: number;
  /** The leader's name, or "card" for a version the card itself published (the printed card, a revocation). */
  publishedBy: string;
  publishedAt: string;
  reason: string;
  /** Set on versions the service published itself: the pages show its words rather than `reason`. */
  reasonCode?: PolicyReasonCode;
  /** Per-team limits (version 2), keyed by team slug; earned by a track record, revoked on a serious incident. */
  teams?: { [team: string]: TeamThresholds };
  /** Innovation allowance (version 2): pounds per team per UK financial year. */
  allowance?: { [team: string]: number };
}

/**
 * The limits that apply to a team, and which of them are the team's own. Own-property lookups only, so
 * a team slug such as "constructor" can never read something off Object's prototype.
 */
export const limitsFor = (
  policy: Pick<Policy, 'thresholds' | 'teams'>,
  team?: string,
): { thresholds: Thresholds; own: ReadonlySet<ThresholdField> } => {
  const teamLimits =
    team !== undefined && policy.teams && Object.hasOwn(policy.teams, team) ? policy.teams[team] : undefined;
  const thresholds = { ...policy.thresholds };
  const own = new Set<ThresholdField>();
  for (const field of THRESHOLD_FIELDS) {
    const value = teamLimits && Object.hasOwn(teamLimits, field) ? teamLimits[field] : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) {
      thresholds[field] = value;
      own.add(field);
    }
  }
  return { thresholds, own };
};

export const POLICY_V1: Policy = {
  version: 1,
  thresholds: { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 },
  decisionDeadlineDays: 5,
  publishedBy: 'card',
  publishedAt: '2024-01-01T00:00:00.000Z',
  reason: 'The limits on the prompt card as first printed.',
  reasonCode: 'printedCard',
};

/** True when a number has no more decimal places than the field allows. */
export const hasDecimalPlaces = (value: number, places: 0 | 2): boolean =>
  places === 0 ? Number.isInteger(value) : Math.round(value * 100) / 100 === value;
