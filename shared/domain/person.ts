/**
 * A person's id: Cognito's `sub` (a UUID) in AWS, a short name such as "sam" for the demo users of one
 * machine. Letters, digits and `. _ @ -`, starting with a letter or digit, at most 128 characters:
 * anything else names nobody, so it is refused where it arrives, before anything is looked up.
 */
export const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

export const isPersonId = (value: unknown): value is string =>
  typeof value === 'string' && PERSON_ID.test(value);

/** The answer for a person's id about whom nothing is held (or that cannot be anyone's). */
export const NOTHING_HELD = 'Nothing is held about a person with that id.';
