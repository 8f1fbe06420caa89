/**
 * The session cookie. Once someone has signed in it holds only the sealed id of their session, which
 * lives on the server (shared/store/session-store.ts), so signing out or a leader ending the session
 * ends it everywhere. Before signing in it holds the CSRF token of the sign-in form and nothing else.
 * Sealing is AES-256-GCM with the cookie name as associated data, so a value can be neither read, nor
 * changed, nor replayed as another cookie. One-off messages ("You have signed out.") travel in a
 * cookie of their own.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { PERSONAL_DETAIL_WARNINGS } from '#shared/domain/personal-details.ts';
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

// Built on the first request (z.lazy), not at import: building zod schemas is time every cold start
// pays before the first request can start, as shared/domain/schemas.ts found.
/** Any postcode or date of birth the free text just sent may hold (to check). */
const freeTextWarnings = () =>
  z
    .array(z.object({ path: z.string().max(100), kind: z.enum(PERSONAL_DETAIL_WARNINGS) }))
    .max(20)
    .optional();

/** After a cycle: its number, and what its free text may hold. */
const cycleFlash = <K extends string>(kind: K) =>
  z.object({ kind: z.literal(kind), n: z.string(), warnings: freeTextWarnings() });

const flashSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('approved'), title: z.string() }),
    z.object({ kind: z.literal('declined'), title: z.string() }),
    z.object({ kind: z.literal('signedOut') }),
    z.object({ kind: z.literal('expiredIdle') }),
    z.object({ kind: z.literal('expiredAbsolute') }),
    z.object({ kind: z.literal('signInFailed') }),
    cycleFlash('cycleRecorded'),
    cycleFlash('cycleClosed'),
    cycleFlash('cycleEscalated'),
    cycleFlash('cycleAdopted'),
    z.object({ kind: z.literal('published'), version: z.string() }),
    z.object({ kind: z.literal('sessionsEnded'), name: z.string(), n: z.number() }),
    z.object({ kind: z.literal('redacted'), field: z.string() }),
    z.object({
      kind: z.literal('coverSet'),
      name: z.string(),
      team: z.string(),
      warnings: freeTextWarnings(),
    }),
  ]),
);
export type Flash = z.infer<typeof flashSchema>;

/** Before signing in: the sign-in form's CSRF token, and the times both timeouts run from. */
export interface Visitor {
  csrf: string;
  createdAt: number;
  seenAt: number;
}

const cookieSchema = z.lazy(() =>
  z.union([
    z.strictObject({ sid: z.string().min(43).max(64) }),
    z.strictObject({ csrf: z.string().min(16), createdAt: z.number(), seenAt: z.number() }),
  ]),
);

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
  const parsed = cookieSchema.safeParse(unseal(secret, SESSION_COOKIE, cookie));
  if (!parsed.success) return undefined;
  return 'sid' in parsed.data
    ? { kind: 'signedIn', sid: parsed.data.sid }
    : { kind: 'visitor', visitor: parsed.data };
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
  const parsed = flashSchema.safeParse(unseal(secret, FLASH_COOKIE, cookie));
  return parsed.success ? parsed.data : undefined;
};
