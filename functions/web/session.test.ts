import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_TIMEOUT_MS,
  expiryOf,
  FLASH_COOKIE,
  IDLE_TIMEOUT_MS,
  newStoredSession,
  newVisitor,
  readFlash,
  readSessionCookie,
  SESSION_COOKIE,
  seal,
  sealFlash,
  sealSessionCookie,
  unseal,
} from './session.ts';

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';
const SAM = { id: 'sam', name: 'Sam Patel', team: 'early-help', roles: ['staff' as const] };

describe('the sealed session cookie', () => {
  it('holds only the session id once signed in: nobody’s name, roles or tokens', () => {
    // Prepare
    const session = newStoredSession(1_000, SAM, { refreshToken: 'a-refresh-token' });

    // Act
    const sealed = sealSessionCookie(SECRET, { kind: 'signedIn', sid: session.id });

    // Assess
    expect(unseal(SECRET, SESSION_COOKIE, sealed)).toEqual({ sid: session.id });
    expect(readSessionCookie(SECRET, sealed)).toEqual({ kind: 'signedIn', sid: session.id });
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.endsAt).toBe(1_000 + ABSOLUTE_TIMEOUT_MS);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a tampered value, another secret, and a value sealed for another cookie name', () => {
    // Prepare
    const sealed = sealSessionCookie(SECRET, { kind: 'visitor', visitor: newVisitor(1_000) });
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[20] = (flipped[20] ?? 0) ^ 1;

    // Act
    const results = [
      readSessionCookie(SECRET, flipped.toString('base64url')),
      readSessionCookie(`${SECRET}-rotated`, sealed),
      readSessionCookie(SECRET, seal(SECRET, '__Host-ff-auth', { sid: 'x'.repeat(43) })),
      readSessionCookie(SECRET, seal(SECRET, SESSION_COOKIE, { sid: 'x'.repeat(43), user: SAM })),
      readSessionCookie(SECRET, 'not-a-sealed-value'),
      readFlash(SECRET, seal(SECRET, SESSION_COOKIE, { kind: 'signedOut' })),
    ];

    // Assess
    expect(results).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(readFlash(SECRET, sealFlash(SECRET, { kind: 'signedOut' }))).toEqual({ kind: 'signedOut' });
    expect(FLASH_COOKIE).not.toBe(SESSION_COOKIE);
  });

  it('ends a session after 30 minutes idle and 8 hours in all', () => {
    // Prepare
    const start = 1_700_000_000_000;

    // Act
    const outcomes = [
      expiryOf({ createdAt: start, seenAt: start }, start + IDLE_TIMEOUT_MS),
      expiryOf({ createdAt: start, seenAt: start }, start + IDLE_TIMEOUT_MS + 1),
      expiryOf({ createdAt: start, seenAt: start + ABSOLUTE_TIMEOUT_MS - 1000 }, start + ABSOLUTE_TIMEOUT_MS),
      expiryOf(
        { createdAt: start, seenAt: start + ABSOLUTE_TIMEOUT_MS - 1000 },
        start + ABSOLUTE_TIMEOUT_MS + 1,
      ),
    ];

    // Assess
    expect(outcomes).toEqual([undefined, 'expiredIdle', undefined, 'expiredAbsolute']);
  });
});

describe('what a sealed cookie may hold', () => {
  const sealedSession = (value: unknown) => seal(SECRET, SESSION_COOKIE, value);
  const sealedFlash = (value: unknown) => seal(SECRET, FLASH_COOKIE, value);

  it('reads a session id of 43 to 64 characters, or a visitor of exactly a token and two times', () => {
    // Prepare
    const visitor = { csrf: 'c'.repeat(16), createdAt: 1, seenAt: 2 };

    // Act
    const read = [
      { sid: 'x'.repeat(43) },
      { sid: 'x'.repeat(64) },
      { sid: 'x'.repeat(42) },
      { sid: 'x'.repeat(65) },
      { sid: 43 },
      visitor,
      { ...visitor, csrf: 'c'.repeat(15) },
      { ...visitor, seenAt: '2' },
      { ...visitor, extra: true },
      { csrf: visitor.csrf, createdAt: 1 },
      [visitor],
      null,
      'x'.repeat(43),
    ].map((value) => readSessionCookie(SECRET, sealedSession(value)));
    const infinite = readSessionCookie(
      SECRET,
      seal(SECRET, SESSION_COOKIE, JSON.parse('{"csrf":"cccccccccccccccc","createdAt":1e999,"seenAt":2}')),
    );

    // Assess
    expect(read).toEqual([
      { kind: 'signedIn', sid: 'x'.repeat(43) },
      { kind: 'signedIn', sid: 'x'.repeat(64) },
      undefined,
      undefined,
      undefined,
      { kind: 'visitor', visitor },
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(infinite).toBeUndefined();
  });

  it('reads each kind of message with its own fields, dropping any others, and refuses the rest', () => {
    // Prepare
    const warning = { path: 'learned', kind: 'postcode' };

    // Act
    const read = [
      { kind: 'approved', title: 'Text reminders', extra: 'dropped' },
      { kind: 'approved' },
      { kind: 'signedOut', title: 'dropped' },
      { kind: 'cycleRecorded', n: '2' },
      { kind: 'cycleAdopted', n: '3', warnings: [{ ...warning, extra: 1 }] },
      { kind: 'cycleClosed', n: '3', warnings: [{ ...warning, kind: 'name' }] },
      { kind: 'cycleClosed', n: '3', warnings: [{ ...warning, path: 'p'.repeat(101) }] },
      { kind: 'cycleEscalated', n: '3', warnings: Array.from({ length: 21 }, () => warning) },
      { kind: 'cycleEscalated', n: '3', warnings: Array.from({ length: 20 }, () => warning) },
      { kind: 'sessionsEnded', name: 'Sam Patel', n: 2 },
      { kind: 'sessionsEnded', name: 'Sam Patel', n: '2' },
      { kind: 'published', version: '4' },
      { kind: 'redacted', field: 'title' },
      { kind: 'toString' },
      { kind: 'unknown' },
      'signedOut',
    ].map((value) => readFlash(SECRET, sealedFlash(value)));

    // Assess
    expect(read).toEqual([
      { kind: 'approved', title: 'Text reminders' },
      undefined,
      { kind: 'signedOut' },
      { kind: 'cycleRecorded', n: '2' },
      { kind: 'cycleAdopted', n: '3', warnings: [warning] },
      undefined,
      undefined,
      undefined,
      { kind: 'cycleEscalated', n: '3', warnings: Array.from({ length: 20 }, () => warning) },
      { kind: 'sessionsEnded', name: 'Sam Patel', n: 2 },
      undefined,
      { kind: 'published', version: '4' },
      { kind: 'redacted', field: 'title' },
      undefined,
      undefined,
      undefined,
    ]);
  });
});
