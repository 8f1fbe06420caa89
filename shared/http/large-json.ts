/**
 * A JSON answer that may be large (the library's open data): gzipped for any client that accepts it, as
 * every HTTP library does. A Lambda function's answer is at most 6 MB, and a council's library as JSON
 * passes that at a few thousand entries, while gzipped it is about a fifth of the size. A client that
 * does not accept gzip gets the plain JSON while it fits, and a 406 saying what to do once it does not.
 */
import { gzipSync } from 'node:zlib';
import { NotAcceptableError } from '../errors.ts';
import { type ApiEvent, type ApiResult, json } from './api-handler.ts';

/** Below Lambda's 6 MB, leaving room for the response's envelope. */
export const MAX_PLAIN_BYTES = 5 * 1024 * 1024;

/** Whether an Accept-Encoding header accepts gzip (named, or `*`, without `q=0`). */
export const acceptsGzip = (header: string | undefined): boolean =>
  (header ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const refused = params.some((p) => /^q=0(\.0{0,3})?$/.test(p));
    return (coding === 'gzip' || coding === '*') && !refused;
  });

export const largeJson = (event: ApiEvent, body: unknown): ApiResult => {
  const text = JSON.stringify(body);
  if (acceptsGzip(event.headers?.['accept-encoding'])) {
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-encoding': 'gzip',
        'cache-control': 'no-store',
        vary: 'accept-encoding',
      },
      isBase64Encoded: true,
      body: gzipSync(text).toString('base64'),
    };
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_PLAIN_BYTES) {
    throw new NotAcceptableError(
      'The library is too large to send uncompressed. Ask for it with the header Accept-Encoding: gzip.',
    );
  }
  return json(200, body, { vary: 'accept-encoding' });
};
