import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  newSession,
  readSession,
  SESSION_COOKIE,
  seal,
  unseal,
} from './session.ts';

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';
const SAM = { id: 'sam', name: 'Sam Patel', team: 'early-help', roles: ['staff' as const] };

describe('the sealed session cookie', () => {
  it('round-trips a session and hides its contents', () => {
    // Prepare
    const session = newSession(1_000, SAM);

    // Act
    const sealed = seal(SECRET, SESSION_COOKIE, session);

    // Assess
    expect(unseal(SECRET, SESSION_COOKIE, sealed)).toEqual(session);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('Sam Patel');
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a tampered value, another secret, and a value sealed for another cookie name', () => {
    // Prepare
    const sealed = seal(SECRET, SESSION_COOKIE, newSession(1_000, SAM));
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[20] = (flipped[20] ?? 0) ^ 1;

    // Act
    const results = [
      unseal(SECRET, SESSION_COOKIE, flipped.toString('base64url')),
      unseal(`${SECRET}-rotated`, SESSION_COOKIE, sealed),
      unseal(SECRET, '__Host-ff-auth', sealed),
      unseal(SECRET, SESSION_COOKIE, 'not-a-sealed-value'),
    ];

    // Assess
    expect(results).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('ends a session after 30 minutes idle and 8 hours in all, and moves last-seen on use', () => {
    // Prepare
    const start = 1_700_000_000_000;
    const cookie = seal(SECRET, SESSION_COOKIE, newSession(start, SAM));
    const kept = readSession(SECRET, cookie, start + IDLE_TIMEOUT_MS - 1);
    const keptAlive =
      kept.status === 'valid'
        ? seal(SECRET, SESSION_COOKIE, { ...kept.session, seenAt: start + ABSOLUTE_TIMEOUT_MS - 1000 })
        : '';

    // Act
    const idle = readSession(SECRET, cookie, start + IDLE_TIMEOUT_MS + 1);
    const absolute = readSession(SECRET, keptAlive, start + ABSOLUTE_TIMEOUT_MS + 1);

    // Assess
    expect(kept.status === 'valid' && kept.session.seenAt).toBe(start + IDLE_TIMEOUT_MS - 1);
    expect(idle).toEqual({ status: 'expired', reason: 'expiredIdle', signedIn: true });
    expect(absolute).toEqual({ status: 'expired', reason: 'expiredAbsolute', signedIn: true });
  });
});
