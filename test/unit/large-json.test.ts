import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NotAcceptableError } from '#shared/errors.ts';
import type { ApiEvent } from '#shared/http/api-handler.ts';
import { acceptsGzip, largeJson, MAX_PLAIN_BYTES } from '#shared/http/large-json.ts';

const event = (acceptEncoding?: string) =>
  ({
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  }) as unknown as ApiEvent;

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0.000, deflate', false],
    ['identity', false],
    ['', false],
    [undefined, false],
    ['xgzip', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('largeJson', () => {
  const body = { entries: [{ title: 'Calling families in the evening', cy: 'Galwadau gyda’r nos' }] };

  it('gzips for a client that accepts it, as base64 for the gateway', () => {
    // Act
    const res = largeJson(event('gzip, deflate'), body);

    // Assess
    expect(res).toMatchObject({
      statusCode: 200,
      isBase64Encoded: true,
      headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' },
    });
    expect(JSON.parse(gunzipSync(Buffer.from(res.body ?? '', 'base64')).toString('utf8'))).toEqual(body);
  });

  it('sends plain JSON to a client that does not accept gzip', () => {
    const res = largeJson(event(), body);
    expect(res.isBase64Encoded).toBeUndefined();
    expect(JSON.parse(res.body ?? '')).toEqual(body);
  });

  it('answers 406, saying what to do, when plain JSON would pass what Lambda can return', () => {
    const huge = { text: 'a'.repeat(MAX_PLAIN_BYTES + 1) };
    expect(() => largeJson(event('identity'), huge)).toThrow(NotAcceptableError);
    expect(() => largeJson(event('identity'), huge)).toThrow(/Accept-Encoding: gzip/);
    expect(largeJson(event('gzip'), huge).statusCode).toBe(200);
  });
});
