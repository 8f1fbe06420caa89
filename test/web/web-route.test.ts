import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebResponse } from '#functions/web/http.ts';
import { localSessionSecret, webRoute } from '#infra/local/web-route.ts';

const events: APIGatewayProxyEventV2[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const route = webRoute({
    handler: async (event): Promise<WebResponse> => {
      events.push(event);
      if (event.rawPath === '/font') {
        return {
          statusCode: 200,
          headers: { 'content-type': 'font/woff2' },
          body: Buffer.from([0, 1, 2, 255]).toString('base64'),
          isBase64Encoded: true,
        };
      }
      return {
        statusCode: 201,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        cookies: ['a=1; Path=/; Secure', 'b=2; Path=/; Secure'],
        body: '<p>ok</p>',
      };
    },
  });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void route(req, res, Buffer.concat(chunks), new URL(req.url ?? '/', 'http://localhost')).then(
        (handled) => {
          if (!handled) res.writeHead(599).end();
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the local web route', () => {
  it('turns a request into a payload 2.0 event with cookies on their own and the form base64-encoded', async () => {
    // Prepare
    events.length = 0;

    // Act
    const res = await fetch(`${base}/queue/abc/decision?lang=cy`, {
      method: 'POST',
      headers: { cookie: 'x=1; y=2', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=approve',
    });
    const event = events[0];

    // Assess
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/; Secure', 'b=2; Path=/; Secure']);
    expect(await res.text()).toBe('<p>ok</p>');
    expect(event?.version).toBe('2.0');
    expect(event?.requestContext.http.method).toBe('POST');
    expect(event?.rawPath).toBe('/queue/abc/decision');
    expect(event?.rawQueryString).toBe('lang=cy');
    expect(event?.cookies).toEqual(['x=1', 'y=2']);
    expect(event?.headers.cookie).toBeUndefined();
    expect(event?.isBase64Encoded).toBe(true);
    expect(Buffer.from(event?.body ?? '', 'base64').toString()).toBe('outcome=approve');
  });

  it('writes base64 bodies back as bytes, and leaves /api, /local and /health to the gateway', async () => {
    // Prepare
    events.length = 0;

    // Act
    const font = await fetch(`${base}/font`);
    const others = await Promise.all(
      ['/api/queue', '/local/token', '/health'].map((path) => fetch(`${base}${path}`)),
    );

    // Assess
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    expect(others.map((r) => r.status)).toEqual([599, 599, 599]);
    expect(events.map((e) => e.rawPath)).toEqual(['/font']);
  });
});

describe('the local session secret', () => {
  it('is made once, kept private in the data folder, and the same after a restart', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'ff-secret-'));
    const file = join(dir, 'web', 'session-secret');

    // Act
    const first = await localSessionSecret(file);
    const again = await localSessionSecret(file);
    const mode = statSync(file).mode & 0o777;
    rmSync(dir, { recursive: true, force: true });

    // Assess
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(again).toBe(first);
    expect(mode).toBe(0o600);
  });
});
