/**
 * The session lives in the browser as one sealed cookie: AES-256-GCM, so it is both secret and
 * tamper-proof, with the cookie name as associated data so one sealed value cannot be replayed as
 * another cookie. No server-side store is needed, which keeps the web Lambda stateless.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ROLES } from '#shared/domain/roles.ts';
import type { User } from '#shared/services/user.ts';

export const SESSION_COOKIE = '__Host-ff-session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;

// Built on the first request (z.lazy), not at import: building zod schemas is time every cold start
// pays before the first request can start, as shared/domain/schemas.ts found.
const flashSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('approved'), title: z.string() }),
    z.object({ kind: z.literal('declined'), title: z.string() }),
    z.object({ kind: z.literal('signedOut') }),
    z.object({ kind: z.literal('expiredIdle') }),
    z.object({ kind: z.literal('expiredAbsolute') }),
    z.object({ kind: z.literal('signInFailed') }),
    z.object({ kind: z.literal('cycleRecorded'), n: z.string() }),
    z.object({ kind: z.literal('cycleClosed'), n: z.string() }),
    z.object({ kind: z.literal('cycleEscalated') }),
    z.object({ kind: z.literal('published'), version: z.string() }),
  ]),
);
export type Flash = z.infer<typeof flashSchema>;

const sessionSchema = z.lazy(() =>
  z.object({
    /** Synchroniser token for every POST form of this session. */
    csrf: z.string().min(16),
    /** When the session began (ms): the absolute timeout runs from here. */
    createdAt: z.number(),
    /** When the session was last used (ms): the idle timeout runs from here. */
    seenAt: z.number(),
    user: z
      .object({
        id: z.string().min(1),
        name: z.string(),
        team: z.string(),
        roles: z.array(z.enum(ROLES)),
      })
      .optional(),
    flash: flashSchema.optional(),
  }),
);
export type Session = z.infer<typeof sessionSchema>;

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

export const newSession = (now: number, user?: User): Session => ({
  csrf: randomBytes(24).toString('base64url'),
  createdAt: now,
  seenAt: now,
  ...(user ? { user: { id: user.id, name: user.name, team: user.team, roles: [...user.roles] } } : {}),
});

export type SessionState =
  | { status: 'valid'; session: Session }
  | { status: 'none' }
  | { status: 'expired'; reason: 'expiredIdle' | 'expiredAbsolute'; signedIn: boolean };

/** Reads the session cookie and applies both timeouts. A valid session's `seenAt` is moved to now. */
export const readSession = (secret: string, cookie: string | undefined, now: number): SessionState => {
  const parsed = sessionSchema.safeParse(unseal(secret, SESSION_COOKIE, cookie));
  if (!parsed.success) return { status: 'none' };
  const session = parsed.data;
  const signedIn = session.user !== undefined;
  if (now - session.createdAt > ABSOLUTE_TIMEOUT_MS)
    return { status: 'expired', reason: 'expiredAbsolute', signedIn };
  if (now - session.seenAt > IDLE_TIMEOUT_MS) return { status: 'expired', reason: 'expiredIdle', signedIn };
  return { status: 'valid', session: { ...session, seenAt: now } };
};
