import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type ApiEvent, type ApiResult, apiHandler, json, readBody } from '#shared/http/api-handler.ts';

const context = {} as Context;

const event = (body: string | undefined, opts: { base64?: boolean; groups?: string; type?: string } = {}) =>
  ({
    version: '2.0',
    routeKey: 'POST /api/test',
    rawPath: '/api/test',
    rawQueryString: '',
    headers: { 'content-type': opts.type ?? 'application/json' },
    isBase64Encoded: opts.base64 ?? false,
    ...(body === undefined ? {} : { body }),
    requestContext: {
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: {
          claims: {
            sub: 'sam',
            name: 'Sam Patel',
            'cognito:groups': opts.groups ?? '[staff]',
            'custom:team': 'early-help',
          },
          scopes: [],
        },
      },
    },
  }) as unknown as ApiEvent;

/** A route that echoes the body it read, as every route with a body reads it. */
const echo = apiHandler({}, async (e) => json(200, { body: readBody(e) ?? null }));
const leadersOnly = apiHandler({ permission: 'publishPolicy' }, async (e) =>
  json(201, { body: readBody(e) }),
);

const call = async (handler: typeof echo, e: ApiEvent) => {
  const result = (await handler(e, context)) as ApiResult & { body: string };
  return { status: result.statusCode, body: JSON.parse(result.body) as Record<string, unknown> };
};

const base64 = (bytes: number[] | string) =>
  (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64');

describe('the JSON body', () => {
  it.each([
    ['a lone continuation byte', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d]],
    ['a truncated two-byte character', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]],
    ['an overlong encoding of "/"', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]],
    ['an encoded surrogate', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]],
    ['Latin-1 text', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x7d]],
  ])('refuses %s, sent base64-encoded, with 400 and never a replacement character', async (_name, bytes) => {
    // Act
    const res = await call(echo, event(base64(bytes), { base64: true }));

    // Assess
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'bad_request',
      message: 'The request body is not valid UTF-8 text.',
      issues: [{ path: 'body', message: 'Send the body as UTF-8 text' }],
    });
  });

  it('refuses a plain string body that is not well-formed text with 400', async () => {
    // Act
    const res = await call(echo, event('{"a":"\uD800"}'));

    // Assess
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
  });

  it.each([
    ['base64-encoded', base64('{"title":"Café in Llanfairpwll, 北京 👋"}'), true],
    ['a plain string', '{"title":"Café in Llanfairpwll, 北京 👋"}', false],
  ])('reads valid UTF-8 sent as %s', async (_name, body, isBase64) => {
    // Act
    const res = await call(echo, event(body, { base64: isBase64 }));

    // Assess
    expect(res).toEqual({ status: 200, body: { body: { title: 'Café in Llanfairpwll, 北京 👋' } } });
  });

  it.each([
    ['a body over 1 MB, base64-encoded', base64('x'.repeat(1024 * 1024 + 1)), true, 413],
    ['a body over 1 MB in bytes, not characters', JSON.stringify({ a: 'é'.repeat(600 * 1024) }), false, 413],
    ['JSON that does not parse', '{"title": ', false, 400],
  ])('refuses %s', async (_name, body, isBase64, status) => {
    // Act
    const res = await call(echo, event(body, { base64: isBase64 }));

    // Assess
    expect(res.status).toBe(status);
  });

  it('refuses another content type with 400', async () => {
    // Act
    const res = await call(echo, event('title=hello', { type: 'application/x-www-form-urlencoded' }));

    // Assess
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      { path: 'content-type', message: 'Use Content-Type: application/json' },
    ]);
  });
});

describe("the route's permission", () => {
  it.each([
    ['an empty object', '{}', false],
    ['JSON that does not parse', '{"title": ', false],
    ['bytes that are not UTF-8', base64([0xff, 0xfe]), true],
  ])('refuses staff with 403 before reading %s', async (_name, body, isBase64) => {
    // Act
    const res = await call(leadersOnly, event(body, { base64: isBase64 }));

    // Assess
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: 'forbidden',
      message: 'Only leaders publish new versions of the card.',
    });
  });

  it('lets a leader through to the body', async () => {
    // Act
    const res = await call(leadersOnly, event('{"reason":"A new card"}', { groups: '[leader]' }));

    // Assess
    expect(res).toEqual({ status: 201, body: { body: { reason: 'A new card' } } });
  });
});
