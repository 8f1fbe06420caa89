/** Bad input at the edge of the pages: refused with a 4xx before any service (and so any database) is asked. */
import { describe, expect, it } from 'vitest';
import { event, h1, ideaForm } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';
import type { WebServices } from './context.ts';

const testApp = useWebSystem();

/** Every call the pages make to the services, by name. */
const recording = (calls: string[]) => (services: WebServices) =>
  new Proxy(services, {
    get: (target, area: string) =>
      new Proxy(target[area as keyof WebServices], {
        get: (methods, name: string) => {
          const method = (methods as Record<string, (...args: unknown[]) => unknown>)[name];
          return (...args: unknown[]) => {
            calls.push(`${area}.${name}`);
            return method?.apply(methods, args);
          };
        },
      }),
  }) as WebServices;

const LONG_ID = 'a'.repeat(2_100);
const NOT_IDS = [
  LONG_ID,
  'abc',
  '%25',
  '123e4567-e89b-42d3-a456-4266141740000',
  '123e4567-e89b-42d3-a456-42661417400',
  "1' OR '1'='1",
];

describe('ids at the edge of the pages', () => {
  it.each(NOT_IDS.map((id) => [id.slice(0, 40), id]))(
    'answers 404 for an id that is no UUID, on every page with an id, before any service is asked: %s',
    async (_, id) => {
      // Prepare
      const calls: string[] = [];
      const { client } = testApp({ wrapServices: recording(calls) });
      const web = client();
      await web.signInAs('megan');
      await web.get('/ideas/new');
      const at = encodeURIComponent(id);

      // Act
      const statuses = [
        (await web.get(`/experiments/${at}`)).statusCode,
        (await web.get(`/experiments/${at}/submitted`)).statusCode,
        (await web.get(`/experiments/${at}/cycles/new`)).statusCode,
        (await web.post(`/experiments/${at}/cycles`, { result: 'worked' })).statusCode,
        (await web.get(`/queue/${at}`)).statusCode,
        (await web.post(`/queue/${at}/decision`, { outcome: 'approve' })).statusCode,
      ];
      const page = await web.get(`/experiments/${at}`);

      // Assess
      expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
      expect(h1(page.body)).toBe('Page not found');
      // The directory's refresh acts on who is signed in, never on the request's input.
      expect(calls.filter((c) => c !== 'policies.current' && c !== 'directory.seen')).toEqual([]);
    },
  );
});

describe('form bodies that are not UTF-8', () => {
  const bodies = {
    'a byte that is not UTF-8': Buffer.concat([
      Buffer.from('title='),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('x'),
    ]),
    'a truncated sequence': Buffer.concat([Buffer.from('title=caf'), Buffer.from([0xc3])]),
    'an encoded surrogate': Buffer.from([0x74, 0x3d, 0xed, 0xa0, 0x80]),
    'a percent-escape of no UTF-8': Buffer.from('title=%FF%FE'),
    'a percent-escape of a lone surrogate': Buffer.from('title=%ED%A0%80'),
  };

  it.each(Object.entries(bodies))('answers 400 with nothing stored for %s', async (_, bytes) => {
    // Prepare
    const { app, client, calls } = testApp();
    const web = client();
    await web.signInAs('sam');
    await web.fillIdea(ideaForm());
    const idea = new URLSearchParams({ _csrf: web.csrf() }).toString();
    const cookies = [...web.jar].map(([name, value]) => `${name}=${value}`);
    const post = (path: string, body: Buffer) => {
      const request = event('POST', path, {
        cookies,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      return app.handle({ ...request, body: body.toString('base64'), isBase64Encoded: true });
    };

    // Act
    const step = await post('/ideas/new', Buffer.concat([Buffer.from(`_csrf=${web.csrf()}&`), bytes]));
    const submit = await post('/ideas', Buffer.concat([Buffer.from(`${idea}&`), bytes]));
    const fine = await post('/ideas', Buffer.from(idea));

    // Assess
    expect([step.statusCode, submit.statusCode]).toEqual([400, 400]);
    expect(h1(step.body)).toBe('Sorry, we could not understand that request');
    expect(fine.statusCode).toBe(303);
    expect(calls.submit).toBe(1);
  });
});
