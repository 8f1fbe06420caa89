import { describe, expect, it } from 'vitest';
import type { SessionStore } from '#shared/store/session-store.ts';
import { h1, testConfig } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';
import { SEEN_PRECISION_MS } from './session.ts';

const testApp = useWebSystem();

const T0 = Date.parse('2026-03-02T09:00:00Z');
const REFRESH_MS = testConfig().sessionRefreshMs;

/** Counts the store's writes after sign-in. */
const countWrites = (writes: string[]) => (inner: SessionStore) => ({
  ...inner,
  touch: (id: string, seenAt: number) => {
    writes.push('touch');
    return inner.touch(id, seenAt);
  },
  refreshed: (id: string, change: Parameters<SessionStore['refreshed']>[1]) => {
    writes.push('refreshed');
    return inner.refreshed(id, change);
  },
});

describe('server-side sessions', () => {
  it('write last-seen at most once a minute, and read the person again at most once per refresh interval', async () => {
    // Prepare
    let clock = T0;
    const writes: string[] = [];
    const { client, signIn } = testApp({ now: () => new Date(clock), wrapSessions: countWrites(writes) });
    const web = client();
    await web.signInAs('sam');

    // Act: a page every 10 seconds for 10 minutes
    const statuses = new Set<number>();
    for (let at = 0; at <= 10 * 60_000; at += 10_000) {
      clock = T0 + at;
      statuses.add((await web.get('/experiments')).statusCode);
    }

    // Assess
    expect([...statuses]).toEqual([200]);
    expect(signIn.refreshes).toEqual(['sam', 'sam']);
    expect(writes.filter((w) => w === 'refreshed')).toHaveLength(2);
    expect(writes.filter((w) => w === 'touch')).toHaveLength((10 * 60_000) / SEEN_PRECISION_MS - 2);
  });

  it('ends the session when the identity provider no longer knows the person', async () => {
    // Prepare
    let clock = T0;
    const { client, people, sessions } = testApp({ now: () => new Date(clock) });
    const web = client();
    await web.signInAs('owen');
    await web.get('/queue');
    people.delete('owen');

    // Act
    clock += REFRESH_MS;
    const page = await web.get('/queue');

    // Assess
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fqueue');
    expect(await sessions.size()).toBe(0);
  });

  it('keeps the session through an outage of the identity provider, and asks again on the next request', async () => {
    // Prepare
    let clock = T0;
    let down = true;
    const logged: unknown[] = [];
    const { client, signIn } = testApp({
      now: () => new Date(clock),
      logError: (error) => logged.push(error),
      wrapSignIn: (inner) => ({
        ...inner,
        refresh: async (session) => {
          if (down) throw new Error('The token endpoint did not answer');
          return inner.refresh(session);
        },
      }),
    });
    const web = client();
    await web.signInAs('megan');

    // Act
    clock += REFRESH_MS;
    const during = await web.get('/queue');
    down = false;
    clock += 1000;
    const after = await web.get('/queue');

    // Assess
    expect([during.statusCode, after.statusCode]).toEqual([200, 200]);
    expect(logged).toHaveLength(1);
    expect(signIn.refreshes).toEqual(['megan']);
  });

  it('shows a plain error page, never someone else’s page, when the session store fails', async () => {
    // Prepare
    const logged: unknown[] = [];
    const { client } = testApp({
      logError: (error) => logged.push(error),
      wrapSessions: (inner) => ({
        ...inner,
        get: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      }),
    });
    const web = client();
    await web.signInAs('carys');

    // Act
    const page = await web.get('/dashboard');

    // Assess
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Sorry, there is a problem with the service');
    expect(h1(page.body)).toBe('Sorry, there is a problem with the service');
    expect(page.body).not.toContain('ProvisionedThroughput');
    expect(logged).toHaveLength(1);
  });
});
