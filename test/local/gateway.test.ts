import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, sendJson } from '../../infra/local/gateway.ts';
import { type LocalJwt, localJwt } from '../../infra/local/local-jwt.ts';
import { payloadV2Event } from '../../infra/local/payload-v2.ts';
import { rawRequest } from './listening.ts';

/** A JSON body whose title holds bytes that are not UTF-8 (a lone continuation byte, then 0xFF). */
const NOT_UTF8 = Buffer.concat([Buffer.from('{"title":"a'), Buffer.from([0x80, 0xff]), Buffer.from('"}')]);

describe('payloadV2Event', () => {
  const req = (body: Buffer) =>
    ({
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      method: 'POST',
      httpVersion: '1.1',
      socket: { remoteAddress: '127.0.0.1' },
    }) as unknown as IncomingMessage;
  const url = new URL('http://localhost/api/experiments');
  const eventFor = (body: Buffer, base64Body: boolean) =>
    payloadV2Event(req(body), url, body, { routeKey: 'POST /api/experiments', apiId: 'local', base64Body });

  it('passes a body that is not UTF-8 as base64, byte for byte', () => {
    const event = eventFor(NOT_UTF8, false);
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64').equals(NOT_UTF8)).toBe(true);
    expect(event.body).not.toContain('\uFFFD');
  });

  it('keeps a leading byte order mark in the text', () => {
    const text = Buffer.from('\uFEFF{"title":"x"}');
    expect(Buffer.from(eventFor(text, false).body ?? '').equals(text)).toBe(true);
  });

  it('passes UTF-8 text as text, and base64 when asked to', () => {
    const text = Buffer.from('{"title":"Cymraeg: ŵ ŷ"}');
    expect(eventFor(text, false)).toMatchObject({ body: text.toString(), isBase64Encoded: false });
    expect(eventFor(text, true)).toMatchObject({ body: text.toString('base64'), isBase64Encoded: true });
  });
});

describe('the local gateway', () => {
  let dir: string;
  let jwt: LocalJwt;
  let token: string;
  let server: Server;
  let port: number;
  const seen: APIGatewayProxyEventV2[] = [];

  const stub = async (event: unknown) => {
    seen.push(event as APIGatewayProxyEventV2);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fail-forward-gateway-'));
    jwt = await localJwt(join(dir, 'key.json'));
    token = await jwt.issue({ sub: 'u1', name: 'Una', groups: ['staff'], team: 'housing' });
    server = createGateway({
      jwt,
      routes: [
        {
          name: 'get',
          method: 'GET',
          path: '/api/experiments/{id}',
          routeKey: 'GET /api/experiments/{id}',
          handler: stub,
        },
        // After the {id} route on purpose: API Gateway picks the more specific route whatever the order.
        {
          name: 'static',
          method: 'GET',
          path: '/api/experiments/static.json',
          routeKey: 'GET /api/experiments/static.json',
          handler: async () => ({
            statusCode: 200,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
            isBase64Encoded: true,
            body: Buffer.from('static: bŵ').toString('base64'),
          }),
        },
        {
          name: 'submit',
          method: 'POST',
          path: '/api/experiments',
          routeKey: 'POST /api/experiments',
          handler: stub,
        },
        {
          name: 'description',
          method: 'GET',
          path: '/api/description.json',
          routeKey: 'GET /api/description.json',
          public: true,
          handler: stub,
        },
      ],
      localRoutes: [
        async (req, res, _body, url) => {
          if (req.method !== 'GET' || url.pathname !== '/health') return false;
          sendJson(res, 200, { status: 'ok' });
          return true;
        },
      ],
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server?.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  const auth = () => ({ authorization: `Bearer ${token}` });

  describe('answers only requests addressed to itself (DNS rebinding)', () => {
    const forged = () => [
      'evil.example',
      'evil.example:3000',
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `[::1]:${port}`,
    ];

    for (const path of ['/health', '/api/experiments/e1', '/local/token', '/']) {
      it(`refuses a forged Host on ${path} with 421`, async () => {
        for (const host of forged()) {
          const res = await rawRequest(port, { path, host, headers: auth() });
          expect(res.status, host).toBe(421);
          expect(JSON.parse(res.body), host).toEqual({
            error: 'misdirected_request',
            message: expect.stringContaining('127.0.0.1'),
          });
        }
      });
    }

    it('answers 127.0.0.1:<port> and localhost:<port>, in any case', async () => {
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`]) {
        expect((await rawRequest(port, { path: '/health', host })).status, host).toBe(200);
        expect((await rawRequest(port, { path: '/api/experiments/e1', host, headers: auth() })).status).toBe(
          200,
        );
      }
    });

    it('refuses before the handler runs', async () => {
      const before = seen.length;
      await rawRequest(port, { path: '/api/experiments/e1', host: 'evil.example', headers: auth() });
      expect(seen.length).toBe(before);
    });
  });

  describe('gives 400, not 500, for a malformed path', () => {
    for (const path of [
      '/api/experiments/%',
      '/api/experiments/%zz',
      '/api/experiments/%E0%A4%A',
      '/api/%',
    ]) {
      it(path, async () => {
        const before = seen.length;
        for (const headers of [auth(), {}]) {
          const res = await rawRequest(port, { path, headers });
          expect(res.status).toBe(400);
          expect(JSON.parse(res.body)).toEqual({ error: 'bad_request', message: expect.any(String) });
        }
        expect(seen.length).toBe(before);
      });
    }

    it('gives 400 for a request target that is not a path', async () => {
      for (const path of ['http://evil.example/api/experiments/e1', '*']) {
        expect((await rawRequest(port, { path, headers: auth() })).status, path).toBe(400);
      }
    });

    it('still decodes a well-formed path', async () => {
      const res = await rawRequest(port, { path: '/api/experiments/a%20b%C5%B5', headers: auth() });
      expect(res.status).toBe(200);
      expect(seen.at(-1)?.pathParameters).toEqual({ id: 'a bŵ' });
    });
  });

  it('hands a body that is not UTF-8 to the handler byte for byte', async () => {
    const res = await rawRequest(port, {
      method: 'POST',
      path: '/api/experiments',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: NOT_UTF8,
    });
    expect(res.status).toBe(200);
    const event = seen.at(-1);
    expect(event?.isBase64Encoded).toBe(true);
    expect(Buffer.from(event?.body ?? '', 'base64').equals(NOT_UTF8)).toBe(true);
  });

  it('prefers a static route to one with a parameter, and sends a base64 answer as its bytes', async () => {
    const before = seen.length;
    const res = await rawRequest(port, { path: '/api/experiments/static.json', headers: auth() });
    expect(res.status).toBe(200);
    expect(res.body).toBe('static: bŵ');
    expect(seen.length).toBe(before);
  });

  it('asks no token for a public route and reads none, as API Gateway with no authorizer does', async () => {
    for (const headers of [{}, auth(), { authorization: 'Bearer not-a-token' }]) {
      // Act
      const res = await rawRequest(port, { path: '/api/description.json', headers });

      // Assess
      expect(res.status).toBe(200);
      const event = seen.at(-1) as APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } };
      expect(event.routeKey).toBe('GET /api/description.json');
      expect(event.requestContext.authorizer).toBeUndefined();
    }
    // A route that is not public still wants one.
    expect((await rawRequest(port, { path: '/api/experiments/some-id' })).status).toBe(401);
  });
});
