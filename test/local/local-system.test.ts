import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { listeningAddresses, rawRequest } from './listening.ts';

/** The whole one-machine runtime, as `npm start` runs it: where it listens and whom it answers. */
describe('the local system keeps to this machine', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system?.cleanup();
  });

  it('listens on 127.0.0.1 only: the gateway, DynamoDB Local and the Step Functions service', () => {
    const ports = {
      gateway: system.port,
      dynamodb: Number(new URL(system.endpoints.dynamodb).port),
      stepfunctions: Number(new URL(system.endpoints.stepfunctions).port),
    };
    for (const [name, port] of Object.entries(ports)) {
      expect(listeningAddresses(port), name).toEqual(['127.0.0.1']);
    }
  });

  const claims = Buffer.from(JSON.stringify({ sub: 'u1', name: 'Una', groups: ['staff'], team: 'housing' }));
  const tokenRequest = {
    method: 'POST',
    path: '/local/token',
    headers: { 'content-type': 'application/json' },
    body: claims,
  };
  const requests = [
    { method: 'GET', path: '/health' },
    { method: 'GET', path: '/local/outbox' },
    { method: 'GET', path: '/local/endpoints' },
    tokenRequest,
    { method: 'GET', path: '/api/experiments' },
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/sign-in' },
  ];

  it('refuses every path with 421 when the Host names another site', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${system.port}`,
      `127.0.0.1.evil.example:${system.port}`,
    ]) {
      for (const request of requests) {
        const res = await rawRequest(system.port, { ...request, host });
        expect(res.status, `${request.path} as ${host}`).toBe(421);
        expect(JSON.parse(res.body)).toMatchObject({ error: 'misdirected_request' });
      }
    }
  });

  it('answers the same requests addressed to 127.0.0.1 or localhost', async () => {
    for (const host of [`127.0.0.1:${system.port}`, `localhost:${system.port}`]) {
      for (const request of requests) {
        const res = await rawRequest(system.port, { ...request, host });
        expect(res.status, `${request.path} as ${host}`).not.toBe(421);
        expect(res.status, `${request.path} as ${host}`).toBeLessThan(500);
      }
    }
    expect((await rawRequest(system.port, tokenRequest)).status).toBe(200);
  });
});
