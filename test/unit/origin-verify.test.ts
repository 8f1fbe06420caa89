import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cameThroughCloudFront,
  MIN_ORIGIN_SECRET_LENGTH,
  ORIGIN_VERIFY_HEADER,
  ORIGIN_VERIFY_SECRET_ENV,
} from '#shared/http/origin-verify.ts';

const { SECRET } = vi.hoisted(() => ({ SECRET: `${'a'.repeat(20)}${'B7c9'.repeat(11)}` }));

// Stands in for Secrets Manager where the handlers read the secret themselves (their hooks below).
vi.mock('@aws-sdk/client-secrets-manager', () => ({
  GetSecretValueCommand: class {
    readonly input: { SecretId: string };
    constructor(input: { SecretId: string }) {
      this.input = input;
    }
  },
  SecretsManagerClient: class {
    async send() {
      return { SecretString: SECRET };
    }
  },
}));

// Every test names its own secret: the module keeps what it read per name, as a container would.
let counter = 0;
const freshName = () => `fail-forward/test/origin-verify-${++counter}`;

const reader = (values: (string | Error)[]) => {
  const calls: string[] = [];
  const read = async (name: string) => {
    calls.push(name);
    const next = values.shift();
    if (next instanceof Error) throw next;
    return next;
  };
  return { read, calls };
};

describe('cameThroughCloudFront', () => {
  it('lets everything through where no secret is named (one machine), without reading anything', async () => {
    // Prepare
    const { read, calls } = reader([]);

    // Act
    const result = await cameThroughCloudFront({}, {}, read);

    // Assess
    expect(result).toBe(true);
    expect(calls).toEqual([]);
  });

  it('accepts the secret’s value in the header, whatever the header name’s case, and reads the secret once', async () => {
    // Prepare
    const name = freshName();
    const env = { [ORIGIN_VERIFY_SECRET_ENV]: name };
    const { read, calls } = reader([`${SECRET}\n`]);

    // Act
    const lower = await cameThroughCloudFront({ [ORIGIN_VERIFY_HEADER]: SECRET }, env, read);
    const mixed = await cameThroughCloudFront({ 'X-Origin-Verify': SECRET }, env, read);

    // Assess
    expect([lower, mixed]).toEqual([true, true]);
    expect(calls).toEqual([name]);
  });

  it.each([
    ['no header', {}],
    ['an empty header', { [ORIGIN_VERIFY_HEADER]: '' }],
    ['another value of the same length', { [ORIGIN_VERIFY_HEADER]: `${SECRET.slice(0, -1)}x` }],
    ['the value with more after it', { [ORIGIN_VERIFY_HEADER]: `${SECRET}x` }],
    ['the value in another header', { 'x-origin-verify-2': SECRET }],
  ])('refuses %s', async (_case, headers) => {
    // Prepare
    const env = { [ORIGIN_VERIFY_SECRET_ENV]: freshName() };
    const { read } = reader([SECRET]);

    // Act
    const result = await cameThroughCloudFront(headers, env, read);

    // Assess
    expect(result).toBe(false);
  });

  it('fails loudly on a secret too short to prove anything, and reads it again next time', async () => {
    // Prepare
    const name = freshName();
    const env = { [ORIGIN_VERIFY_SECRET_ENV]: name };
    const { read, calls } = reader(['x'.repeat(MIN_ORIGIN_SECRET_LENGTH - 1), SECRET]);

    // Act
    const first = cameThroughCloudFront({ [ORIGIN_VERIFY_HEADER]: SECRET }, env, read);

    // Assess
    await expect(first).rejects.toThrow(/at least 32 characters/);
    await expect(cameThroughCloudFront({ [ORIGIN_VERIFY_HEADER]: SECRET }, env, read)).resolves.toBe(true);
    expect(calls).toEqual([name, name]);
  });

  it('fails when Secrets Manager does, and tries again on the next request', async () => {
    // Prepare
    const env = { [ORIGIN_VERIFY_SECRET_ENV]: freshName() };
    const { read, calls } = reader([new Error('ResourceNotFoundException'), SECRET]);

    // Act
    const first = cameThroughCloudFront({ [ORIGIN_VERIFY_HEADER]: SECRET }, env, read);

    // Assess
    await expect(first).rejects.toThrow('ResourceNotFoundException');
    await expect(cameThroughCloudFront({ [ORIGIN_VERIFY_HEADER]: SECRET }, env, read)).resolves.toBe(true);
    expect(calls).toHaveLength(2);
  });
});

describe('the handlers’ hooks', () => {
  beforeEach(() => {
    vi.stubEnv(ORIGIN_VERIFY_SECRET_ENV, freshName());
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('the JSON API answers 403 in the spec’s shape before it reads the body or the caller', async () => {
    // Prepare
    const { apiHandler } = await import('#shared/http/api-handler.ts');
    let reached = false;
    const handler = apiHandler({}, async () => {
      reached = true;
      return { statusCode: 200, body: '{}' };
    });
    const event = {
      headers: { 'content-type': 'application/json' },
      body: '{not json',
      isBase64Encoded: false,
      requestContext: {},
    };

    // Act
    const response = await handler(event as never, {} as never);

    // Assess
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(String(response.body))).toEqual({
      error: 'forbidden',
      message: expect.stringContaining('own address'),
    });
    expect(reached).toBe(false);
  });

  it('the JSON API goes on to its usual checks once the header is right', async () => {
    // Prepare
    const { apiHandler } = await import('#shared/http/api-handler.ts');
    const handler = apiHandler({}, async () => ({ statusCode: 200, body: '{}' }));
    const event = {
      headers: { [ORIGIN_VERIFY_HEADER]: SECRET, 'content-type': 'application/json' },
      body: '{not json',
      isBase64Encoded: false,
      requestContext: {},
    };

    // Act
    const response = await handler(event as never, {} as never);

    // Assess: the next check is who is calling (no verified claims here), before any body is read.
    expect(response.statusCode).toBe(401);
  });

  it('the web pages answer a bare 403 before reading their configuration or any service', async () => {
    const unreachable = () => {
      throw new Error('sign-in must not be reached');
    };
    // Prepare
    const { createWebApp } = await import('#functions/web/app.ts');
    const app = createWebApp({
      services: () => {
        throw new Error('services must not be reached');
      },
      config: () => {
        throw new Error('configuration must not be read');
      },
      sessions: () => {
        throw new Error('sessions must not be reached');
      },
      signIn: {
        routes: [],
        start: unreachable,
        refresh: unreachable,
        signedOut: unreachable,
        formTargets: unreachable,
      },
      templates: () => {
        throw new Error('templates must not be reached');
      },
      logError: () => {},
    });
    const event = {
      version: '2.0',
      rawPath: '/',
      rawQueryString: '',
      headers: { host: 'abc123.execute-api.eu-west-2.amazonaws.com' },
      requestContext: { http: { method: 'GET', path: '/' } },
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;

    // Act
    const response = await app.handle(event);

    // Assess
    expect(response.statusCode).toBe(403);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toMatch(/govuk-template/);
  });
});
