/**
 * The session cookie. Once someone has signed in it holds only the sealed id of their session, which
 * lives on the server (shared/store/session-store.ts), so signing out or a leader ending the session
 * ends it everywhere. Before signing in it holds the CSRF token of the sign-in form and nothing else.
 * Sealing is AES-256-GCM with the cookie name as associated data, so a value can be neither read, nor
 * changed, nor replayed as another cookie. One-off messages ("You have signed out.") travel in a
 * cookie of their own.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { PERSONAL_DETAIL_WARNINGS, type PersonalDetailWarning } from '#shared/domain/personal-details.ts';
import type { User } from '#shared/services/user.ts';
import type { SessionGrant, StoredSession } from '#shared/store/session-store.ts';

export const SESSION_COOKIE = '__Host-ff-session';
export const FLASH_COOKIE = '__Host-ff-flash';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/**
 * Last-seen is written at most this often, so most requests write nothing; the idle timeout is kept to
 * within this (a session may end up to a minute before 30 idle minutes have passed).
 */
export const SEEN_PRECISION_MS = 60 * 1000;

/** Any postcode or date of birth the free text just sent may hold (to check). */
type FreeTextWarning = { path: string; kind: PersonalDetailWarning };

/** After a cycle: its number, and any postcode or date of birth its free text may hold (to check). */
type CycleFlash<K extends string> = {
  kind: K;
  n: string;
  warnings?: FreeTextWarning[];
};

/** A one-off message for the next page, sealed in its own cookie. */
export type Flash =
  | { kind: 'approved'; title: string }
  | { kind: 'declined'; title: string }
  | { kind: 'signedOut' }
  | { kind: 'expiredIdle' }
  | { kind: 'expiredAbsolute' }
  | { kind: 'signInFailed' }
  | CycleFlash<'cycleRecorded'>
  | CycleFlash<'cycleClosed'>
  | CycleFlash<'cycleEscalated'>
  | CycleFlash<'cycleAdopted'>
  | { kind: 'published'; version: string }
  | { kind: 'sessionsEnded'; name: string; n: number }
  | { kind: 'redacted'; field: string }
  | { kind: 'coverSet'; name: string; team: string; warnings?: FreeTextWarning[] };

/** Before signing in: the sign-in form's CSRF token, and the times both timeouts run from. */
export interface Visitor {
  csrf: string;
  createdAt: number;
  seenAt: number;
}

// Every request reads these cookies, so they are checked by hand rather than with zod: zod would be
// loaded at every cold start of the pages for two small shapes (docs/performance.md). The rules are
// zod's: objects only, unknown fields of a message dropped, finite numbers, lengths in UTF-16 units.
const INVALID = Symbol('invalid');
type Field = (value: unknown) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, min = 0, max = Number.POSITIVE_INFINITY): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const text: Field = (value) => (isText(value) ? value : INVALID);
const count: Field = (value) => (isNumber(value) ? value : INVALID);
const warning = (value: unknown) =>
  isRecord(value) &&
  isText(value.path, 0, 100) &&
  (PERSONAL_DETAIL_WARNINGS as readonly unknown[]).includes(value.kind)
    ? { path: value.path, kind: value.kind }
    : INVALID;
const warnings: Field = (value) => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 20) return INVALID;
  const read = value.map(warning);
  return read.includes(INVALID) ? INVALID : read;
};
const CYCLE = { n: text, warnings };

/** Each message's fields besides `kind`; the type keeps this table and `Flash` in step. */
const FLASH_FIELDS: {
  [K in Flash['kind']]: Record<Exclude<keyof Extract<Flash, { kind: K }>, 'kind'>, Field>;
} = {
  approved: { title: text },
  declined: { title: text },
  signedOut: {},
  expiredIdle: {},
  expiredAbsolute: {},
  signInFailed: {},
  cycleRecorded: CYCLE,
  cycleClosed: CYCLE,
  cycleEscalated: CYCLE,
  cycleAdopted: CYCLE,
  published: { version: text },
  sessionsEnded: { name: text, n: count },
  redacted: { field: text },
  coverSet: { name: text, team: text, warnings },
};

const parseFlash = (value: unknown): Flash | undefined => {
  if (!isRecord(value) || typeof value.kind !== 'string' || !Object.hasOwn(FLASH_FIELDS, value.kind))
    return undefined;
  const flash: Record<string, unknown> = { kind: value.kind };
  for (const [name, read] of Object.entries(
    FLASH_FIELDS[value.kind as Flash['kind']] as Record<string, Field>,
  )) {
    const field = read(value[name]);
    if (field === INVALID) return undefined;
    if (field !== undefined) flash[name] = field;
  }
  return flash as Flash;
};

/** Exactly a session id, or exactly a visitor: anything more is not a cookie we sealed. */
const parseSessionCookie = (value: unknown): SessionCookie | undefined => {
  if (!isRecord(value)) return undefined;
  const fields = Object.keys(value).length;
  if (fields === 1 && isText(value.sid, 43, 64)) return { kind: 'signedIn', sid: value.sid };
  if (fields === 3 && isText(value.csrf, 16) && isNumber(value.createdAt) && isNumber(value.seenAt))
    return {
      kind: 'visitor',
      visitor: { csrf: value.csrf, createdAt: value.createdAt, seenAt: value.seenAt },
    };
  return undefined;
};

export type SessionCookie = { kind: 'signedIn'; sid: string } | { kind: 'visitor'; visitor: Visitor };

const IV_BYTES = 12;
const TAG_BYTES = 16;

export const MIN_SECRET_LENGTH = 32;

const keys = new Map<string, Buffer>();

/** Derived once per secret, so a rotated secret simply signs everyone out. */
const keyFor = (secret: string): Buffer => {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'fail-forward-web', 'session-cookie-v1', 32));
    keys.set(secret, key);
  }
  return key;
};

export const seal = (secret: string, name: string, value: unknown): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  cipher.setAAD(Buffer.from(name));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
};

/** Undefined for anything not sealed by us with this secret and name: tampered, truncated or foreign. */
export const unseal = (secret: string, name: string, sealed: string | undefined): unknown => {
  if (!sealed) return undefined;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES + 1) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const newCsrf = () => randomBytes(24).toString('base64url');

export const newVisitor = (now: number): Visitor => ({ csrf: newCsrf(), createdAt: now, seenAt: now });

/** A new signed-in session: a 256-bit id and a fresh CSRF token, so a token seen before is useless after. */
export const newStoredSession = (now: number, user: User, grant?: SessionGrant): StoredSession => ({
  id: randomBytes(32).toString('base64url'),
  user: { id: user.id, name: user.name, team: user.team, roles: [...user.roles] },
  csrf: newCsrf(),
  createdAt: now,
  seenAt: now,
  refreshedAt: now,
  endsAt: now + ABSOLUTE_TIMEOUT_MS,
  ...(grant ? { grant } : {}),
});

export const sealSessionCookie = (secret: string, cookie: SessionCookie): string =>
  seal(secret, SESSION_COOKIE, cookie.kind === 'signedIn' ? { sid: cookie.sid } : cookie.visitor);

export const readSessionCookie = (secret: string, cookie: string | undefined): SessionCookie | undefined => {
  return parseSessionCookie(unseal(secret, SESSION_COOKIE, cookie));
};

export type Expiry = 'expiredIdle' | 'expiredAbsolute';

/** Which timeout, if any, has ended a session begun at `createdAt` and last used at `seenAt`. */
export const expiryOf = (times: { createdAt: number; seenAt: number }, now: number): Expiry | undefined => {
  if (now - times.createdAt > ABSOLUTE_TIMEOUT_MS) return 'expiredAbsolute';
  if (now - times.seenAt > IDLE_TIMEOUT_MS) return 'expiredIdle';
  return undefined;
};

export const sealFlash = (secret: string, flash: Flash): string => seal(secret, FLASH_COOKIE, flash);

export const readFlash = (secret: string, cookie: string | undefined): Flash | undefined => {
  return parseFlash(unseal(secret, FLASH_COOKIE, cookie));
};
