/**
 * The validation messages of the request fields that are not card answers (those are the card's own rows,
 * `card.ts`), in the GOV.UK pattern: each says what to do, in the words of the field's label, with a
 * message of its own for each kind of problem. The schemas (`schemas.ts`) give them to the API, and the
 * English catalogue shows the same ones, so the API and the pages say the same thing.
 */

/** A text field's messages: missing (or blank once trimmed), too short, too long. */
export interface TextMessages {
  readonly enter: string;
  readonly tooShort?: string;
  readonly tooLong?: string;
}

/** A number field's messages: missing, not a number, out of its range, too many decimal places. */
export interface NumberMessages {
  readonly enter: string;
  readonly notNumber: string;
  readonly range: string;
  readonly precision: string;
}

export const FIELD_MESSAGES = {
  title: {
    enter: 'Enter a title for your idea',
    tooShort: 'The title must be 5 characters or more',
    tooLong: 'The title must be 120 characters or fewer',
  },
  problem: {
    enter: 'Enter what is wrong today',
    tooLong: 'What is wrong today must be 2,000 characters or fewer',
  },
  weBelieve: {
    enter: 'Enter the change you think will help',
    tooLong: 'The change you think will help must be 1,000 characters or fewer',
  },
  toTestIt: {
    enter: 'Enter how you will test it',
    tooLong: 'How you will test it must be 1,000 characters or fewer',
  },
  measure: {
    enter: 'Enter what you will measure',
    tooLong: 'What you will measure must be 1,000 characters or fewer',
  },
  rightIf: {
    enter: 'Enter the result that would show it works',
    tooLong: 'The result that would show it works must be 1,000 characters or fewer',
  },
  outcome: { enter: 'Select whether you approve or decline this idea' },
  reason: {
    enter: 'Enter the reason for declining this idea',
    tooLong: 'The reason must be 2,000 characters or fewer',
  },
  conditions: {
    enter: 'Enter the conditions of your approval, or leave them out',
    tooLong: 'The conditions must be 2,000 characters or fewer',
  },
  result: { enter: 'Select whether it worked' },
  observed: {
    enter: 'Enter what you saw',
    tooLong: 'What you saw must be 2,000 characters or fewer',
  },
  learned: {
    enter: 'Enter what you learned',
    tooLong: 'What you learned must be 2,000 characters or fewer',
  },
  next: { enter: 'Select what happens next' },
  policyReason: {
    enter: 'Enter why you are changing the limits',
    tooShort: 'The reason for the change must be 5 characters or more',
    tooLong: 'The reason for the change must be 2,000 characters or fewer',
  },
} satisfies Record<string, TextMessages>;

export type TextFieldName = keyof typeof FIELD_MESSAGES;

/** The policy form's numbers: the four limits and the manager's deadline. */
export const POLICY_NUMBER_MESSAGES = {
  extraCost: {
    enter: 'Enter the most extra money the card allows, in pounds',
    notNumber: 'The extra money limit must be a number, like 500 or 500.50',
    range: 'The extra money limit must be between £0 and £1,000,000',
    precision: 'Enter the extra money limit in pounds and pence, like 500 or 500.50',
  },
  peopleInvolved: {
    enter: 'Enter the most people or families the card allows',
    notNumber: 'The limit on people or families must be a number, like 10',
    range: 'The limit on people or families must be between 0 and 100,000',
    precision: 'The limit on people or families must be a whole number',
  },
  durationWeeks: {
    enter: 'Enter the most weeks before a review the card allows',
    notNumber: 'The limit on weeks before a review must be a number, like 6',
    range: 'The limit on weeks before a review must be between 1 and 52',
    precision: 'The limit on weeks before a review must be a whole number',
  },
  staffHours: {
    enter: 'Enter the most extra staff hours the card allows',
    notNumber: 'The extra staff hours limit must be a number, like 20 or 7.5',
    range: 'The extra staff hours limit must be between 0 and 10,000',
    precision: 'Enter the extra staff hours limit to no more than 2 decimal places, like 20 or 7.5',
  },
  allowance: {
    enter: "Enter each team's innovation allowance in pounds",
    notNumber: "Each team's innovation allowance must be a number, like 5000 or 5000.50",
    range: "Each team's innovation allowance must be between £0 and £10,000,000",
    precision: "Enter each team's innovation allowance in pounds and pence, like 5000 or 5000.50",
  },
  decisionDeadlineDays: {
    enter: 'Enter the number of days a manager has to decide',
    notNumber: 'The number of days a manager has to decide must be a number, like 5',
    range: 'The number of days a manager has to decide must be between 1 and 60',
    precision: 'The number of days a manager has to decide must be a whole number',
  },
} satisfies Record<string, NumberMessages>;

/** Missing is one message, anything else that is not a finite number another. */
export const numberError =
  (messages: { enter: string; notNumber: string }) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? messages.enter : messages.notNumber;
