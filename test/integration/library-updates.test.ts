/**
 * The learning library over the real local system as ideas change: found soon after their cycles and
 * their closing, dropped when they go back to a manager, the same after a restart; and the open data,
 * GET /api/library/export.json. The ideas it starts with are library-fixture.ts's.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { USERS } from '../support/api.ts';
import {
  api,
  idea,
  ids,
  learning,
  library,
  startSeededLibrary,
  system,
  timeUntil,
} from './library-fixture.ts';

startSeededLibrary();

describe('the library keeps up', () => {
  it('finds a cycle by a word of what it learnt, soon after its 201', async () => {
    // Prepare
    const id = await idea(
      USERS.rhys,
      { title: 'Meeting at the skate park', problem: 'Nobody comes to the office.' },
      [],
    );

    // Act
    const recorded = await api.call('POST', `/api/experiments/${id}/cycles`, {
      as: USERS.rhys,
      body: learning('adapt', 'The zephyrine benches by the ramp became our meeting point.'),
    });
    const tookMs = await timeUntil(
      async () => (await library(USERS.sam, 'q=zephyrine')).body,
      (page) => page.items.some((item) => item.id === id),
    );

    // Assess
    expect(recorded.status).toBe(201);
    expect(tookMs).toBeGreaterThanOrEqual(0);
  });

  it('finds an idea in its new status soon after its closing', async () => {
    // Act
    const closed = await api.call('POST', `/api/experiments/${ids.reparation}/cycles`, {
      as: USERS.rhys,
      body: learning('adopt', 'The garden is now one of our standing reparation placements.'),
    });
    const tookMs = await timeUntil(
      async () => (await library(USERS.sam, 'q=reparation&status=adopted')).body,
      (page) => page.items.some((item) => item.id === ids.reparation),
    );

    // Assess
    expect(closed.status).toBe(201);
    expect(tookMs).toBeGreaterThanOrEqual(0);
  });

  it('drops an idea that goes back to a manager, and finds it no more', async () => {
    // Prepare
    const id = await idea(
      USERS.alex,
      { title: 'Quarterly quokka club for young carers', problem: 'Young carers meet nobody like them.' },
      [learning('adapt', 'The quokka club filled up at once.')],
    );
    expect(
      await timeUntil(
        async () => (await library(USERS.sam, 'q=quokka')).body,
        (p) => p.items.length > 0,
      ),
    ).toBeGreaterThanOrEqual(0);

    // Act
    const scaledUp = await api.call('POST', `/api/experiments/${id}/cycles`, {
      as: USERS.alex,
      body: {
        ...learning('adapt', 'We want every young carer in the county.'),
        changes: { peopleInvolved: 200 },
      },
    });
    const tookMs = await timeUntil(
      async () => (await library(USERS.sam, 'q=quokka')).body,
      (page) => page.items.length === 0,
    );
    const entry = await api.call('GET', `/api/library/${id}`, { as: USERS.sam });

    // Assess
    expect(scaledUp.body.status).toBe('escalated');
    expect(tookMs).toBeGreaterThanOrEqual(0);
    expect(entry.status).toBe(404);
  });

  it('answers the same after a restart, from the stored snapshot and the changes since', async () => {
    // Prepare
    const before = await library(USERS.sam, 'q=families&limit=100');

    // Act
    await system.restart();
    const after = await library(USERS.sam, 'q=families&limit=100');

    // Assess
    expect(after.status).toBe(200);
    expect(after.body.items.map((item) => item.id)).toEqual(before.body.items.map((item) => item.id));
  });
});

describe('GET /api/library/export.json', () => {
  const schema = JSON.parse(readFileSync('docs/open-learning.schema.json', 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it('gives leaders the whole library as open data that the published schema accepts', async () => {
    // Act
    const res = await api.call<{
      entries: { id: string; experimentId: string; team: { id: string; name: { en: string } } }[];
      licence: { url: string };
    }>('GET', '/api/library/export.json', { as: USERS.carys, headers: { 'accept-encoding': 'gzip' } });

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    expect(res.body.entries.map((e) => e.experimentId)).toEqual(
      expect.arrayContaining([ids.calling, ids.welsh]),
    );
    expect(res.body.entries.find((e) => e.experimentId === ids.calling)).toMatchObject({
      id: `urn:fail-forward:monmouthshire-county-council:experiment:${ids.calling}`,
      team: { id: 'early-help', name: { en: 'Early help', cy: 'Cymorth cynnar' } },
    });
    expect(res.body.licence.url).toBe(
      'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    );
    const text = JSON.stringify(res.body);
    for (const person of Object.values(USERS)) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(`"${person.sub}"`);
    }
  });

  it('gives the same document uncompressed to a client that does not ask for gzip', async () => {
    const res = await api.call('GET', '/api/library/export.json', {
      as: USERS.carys,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(validate(res.body)).toBe(true);
  });

  it('is refused to anyone but leaders, and refuses parameters', async () => {
    const staff = await api.call('GET', '/api/library/export.json', { as: USERS.sam });
    const withQuery = await api.call('GET', '/api/library/export.json?team=early-help', { as: USERS.carys });
    expect(staff.status).toBe(403);
    expect(staff.body).toMatchObject({ message: 'Only leaders export the learning library as open data.' });
    expect(withQuery.status).toBe(400);
  });
});
