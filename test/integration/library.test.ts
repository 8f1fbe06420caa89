/**
 * The learning library over the real local system, as people read it: GET /api/library (search, filters,
 * pages, bad input), /api/library/{id} and /api/library/similar, as the product spec's "The learning
 * library" says. The ideas they find are library-fixture.ts's; library-updates.test.ts has the rest.
 */
import { describe, expect, it } from 'vitest';
import { services } from '#shared/services/index.ts';
import { USERS } from '../support/api.ts';
import { api, type Entry, ids, library, similar, startSeededLibrary, titles } from './library-fixture.ts';

startSeededLibrary();

describe('GET /api/library', () => {
  it('holds testing, adopted, abandoned and declined ideas, newest first, without scores', async () => {
    // Act
    const res = await library(USERS.alex, 'limit=100');

    // Assess
    expect(res.status).toBe(200);
    const found = res.body.items.map((item) => item.id);
    expect(new Set(found)).toEqual(new Set([ids.calling, ids.reparation, ids.welsh, ids.declined]));
    const created = res.body.items.map((item) => item.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(res.body.items.every((item) => item.score === undefined)).toBe(true);
    expect(res.body.next).toBeNull();
  });

  it('gives exactly the spec’s fields, with no person’s name or id', async () => {
    // Act
    const res = await library(USERS.carys, 'limit=100');

    // Assess
    const declined = res.body.items.find((item) => item.id === ids.declined);
    expect(declined).toMatchObject({
      status: 'declined',
      declineReason: 'Too many families at once: try it with five first.',
    });
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'closedAt',
          'createdAt',
          'cycles',
          'hypothesis',
          'id',
          'problem',
          'status',
          'team',
          'title',
          ...(item.status === 'declined' ? ['declineReason'] : []),
        ].sort(),
      );
    }
    const text = JSON.stringify(res.body);
    for (const person of Object.values(USERS)) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(`"${person.sub}"`);
    }
  });

  it.each([
    ['a stem', 'calls', 'Calling families in the evening'],
    ['a small typo', 'reparaton', 'Reparation in a community garden'],
    ['Welsh words', 'teulu galwad', "Galwadau gyda'r nos i deuluoedd newydd"],
    ['words of a lesson', 'neighbours thank', 'Reparation in a community garden'],
  ])('finds by %s (%s), ranked with a score', async (_kind, q, title) => {
    // Act
    const res = await library(USERS.rhys, `q=${encodeURIComponent(q)}`);

    // Assess
    expect(res.status).toBe(200);
    expect(titles(res.body)[0]).toBe(title);
    expect(res.body.items.every((item) => typeof item.score === 'number' && item.score > 0)).toBe(true);
  });

  it('finds "parents" by "parent", in titles first, then the Welsh word for it', async () => {
    const res = await library(USERS.rhys, 'q=parent');
    expect(res.body.items.map((item) => item.id)).toEqual([ids.declined, ids.calling, ids.welsh]);
  });

  it('filters by team and by status', async () => {
    // Act
    const team = await library(USERS.sam, 'team=youth-justice');
    const status = await library(USERS.sam, 'status=adopted');
    const both = await library(USERS.sam, 'q=families&team=early-help&status=abandoned');

    // Assess
    expect(team.body.items.map((item) => item.id)).toEqual([ids.reparation]);
    expect(status.body.items.map((item) => item.id)).toEqual([ids.calling]);
    expect(both.body.items.map((item) => item.id)).toEqual([ids.welsh]);
  });

  it('pages with signed cursors bound to the search, each entry once', async () => {
    // Act
    const seen: string[] = [];
    let query = 'limit=1';
    for (let pages = 0; pages < 10; pages += 1) {
      const res = await library(USERS.sam, query);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((item) => item.id));
      if (!res.body.next) break;
      query = `limit=1&cursor=${encodeURIComponent(res.body.next)}`;
    }
    const ranked = await library(USERS.sam, 'q=families&limit=1');
    const borrowed = await library(USERS.alex, `q=families&limit=1&cursor=${ranked.body.next ?? ''}`);
    const otherSearch = await library(USERS.sam, `q=parents&limit=1&cursor=${ranked.body.next ?? ''}`);
    const second = await library(USERS.sam, `q=families&limit=1&cursor=${ranked.body.next ?? ''}`);

    // Assess
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(ranked.body.next).toEqual(expect.any(String));
    expect(borrowed.status).toBe(400);
    expect(otherSearch.status).toBe(400);
    expect(otherSearch.body).toMatchObject({ error: 'bad_request', issues: [{ path: 'cursor' }] });
    expect(second.status).toBe(200);
    expect(second.body.items[0]?.id).not.toBe(ranked.body.items[0]?.id);
  });
});

describe('the service the pages call', () => {
  it('gives each ranked item the places of the words that matched, text by text', async () => {
    // Act
    const page = await services().library.search(
      { id: 'alex', name: 'Alex Hughes', team: 'early-help', roles: ['staff'] },
      { q: 'calls parents', limit: 20 },
      { highlights: true },
    );

    // Assess
    const item = page.items.find((i) => i.entry.id === ids.calling);
    const marked = (path: string, text: string | null | undefined) =>
      (item?.highlights?.[path] ?? []).map((r) => (text ?? '').slice(r.start, r.end));
    expect(marked('title', item?.entry.title)).toEqual(['Calling']);
    // "phone" is a word the glossary gives for "call".
    expect(marked('problem', item?.entry.problem)).toEqual(['parents', 'phone']);
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
  });
});

describe('bad input to GET /api/library', () => {
  it('refuses a q over 200 characters with 400 and the spec’s error shape, and takes 200', async () => {
    // Act
    const long = await library(USERS.sam, `q=${'a'.repeat(201)}`);
    const emoji = await library(USERS.sam, `q=${encodeURIComponent('🙂'.repeat(200))}`);
    const exact = await library(USERS.sam, `q=${'a'.repeat(200)}`);

    // Assess
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({
      error: 'bad_request',
      message: 'Search words must be 200 characters or fewer',
      issues: [{ path: 'q', message: 'Search words must be 200 characters or fewer' }],
    });
    expect(emoji.status).toBe(200);
    expect(exact.status).toBe(200);
  });

  it.each([
    ['stop words only', 'the and of it'],
    ['punctuation only', '?!... -- ;;'],
    ['Welsh stop words only', "y yr a'r ac"],
  ])('answers %s with an empty result', async (_kind, q) => {
    const res = await library(USERS.sam, `q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], next: null });
  });

  it.each([
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\u202Egnillac\u202C',
    'ca\u200Blling',
    'ｃａｌｌｓ',
    '𝓬𝓪𝓵𝓵𝓼',
    '\u0000calls',
    'calls\uFFFD',
    '👩‍👩‍👧 families',
  ])('never fails on markup or unusual Unicode (%j), and echoes nothing', async (q) => {
    const res = await library(USERS.sam, `q=${encodeURIComponent(q)}`);
    expect([200, 400]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toContain('<script');
    expect(JSON.stringify(res.body)).not.toContain('onerror');
  });

  it('never fails on a percent-encoded lone surrogate', async () => {
    const res = await library(USERS.sam, 'q=%ED%A0%80calls');
    expect([200, 400]).toContain(res.status);
  });

  it.each([
    ['a status not in the library', 'status=escalated', 'status'],
    ['a team that is not a slug', 'team=Early%20Help', 'team'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['an unknown filter', 'owner=sam', 'owner'],
    ['a forged cursor', `cursor=${Buffer.from('{"offset":1}').toString('base64url')}.x`, 'cursor'],
  ])('refuses %s with 400', async (_kind, query, path) => {
    const res = await library(USERS.sam, query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'bad_request', issues: [{ path }] });
  });
});

describe('GET /api/library/{id}', () => {
  it('gives one entry to anyone signed in', async () => {
    const res = await api.call<Entry>('GET', `/api/library/${ids.reparation}`, { as: USERS.sam });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids.reparation, team: 'youth-justice', status: 'testing' });
    expect(res.body.cycles).toHaveLength(1);
  });

  it.each([
    ['an idea the card authorised, not yet tested', () => ids.authorised],
    ['an idea waiting for a manager', () => ids.escalated],
    ['an id nobody used', () => crypto.randomUUID()],
    ['something that is not an id', () => 'not-an-id'],
  ])('answers 404 for %s, as for any id not in the library', async (_kind, id) => {
    const res = await api.call('GET', `/api/library/${id()}`, { as: USERS.carys });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: 'not_found',
      message: 'There is no entry in the learning library with that id.',
    });
  });
});

describe('POST /api/library/similar', () => {
  const draft = {
    title: 'Evening phone calls to working parents',
    problem: 'Parents who work cannot take our calls in the day.',
  };

  it('gives the most similar entries first, at most five, each with a score', async () => {
    const res = await similar(USERS.alex, draft);
    expect(res.status).toBe(200);
    expect(res.body.items[0]?.id).toBe(ids.calling);
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    expect(res.body.items.every((item) => typeof item.score === 'number')).toBe(true);
  });

  it("never gives the caller's own experiments, nor any not in the library", async () => {
    const own = await similar(USERS.sam, draft);
    const texting = await similar(USERS.alex, { title: 'Texting parents before a first visit' });
    const shown = [...own.body.items, ...texting.body.items].map((item) => item.id);
    expect(own.body.items.map((item) => item.id)).not.toContain(ids.calling);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(shown).not.toContain(ids.authorised);
    expect(shown).not.toContain(ids.escalated);
    expect(own.status).toBe(200);
  });

  it.each([
    ['an empty draft', {}],
    ['a blank title', { title: '   ' }],
    ['a title that is not text', { title: 42 }],
    ['an unknown field', { title: 'Calls', owner: 'sam' }],
    ['a problem over 2,000 characters', { title: 'Calls', problem: 'a'.repeat(2001) }],
  ])('refuses %s with 400', async (_kind, body) => {
    const res = await similar(USERS.alex, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'bad_request', message: expect.any(String) });
  });

  it('refuses no body at all with 400', async () => {
    const res = await api.call('POST', '/api/library/similar', { as: USERS.alex });
    expect(res.status).toBe(400);
  });

  it('answers a draft of stop words only with no items', async () => {
    const res = await similar(USERS.alex, { title: 'the and of it', problem: '?!', hypothesis: {} });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });
});
