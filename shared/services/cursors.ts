import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../errors.ts';
import type { PageKey } from '../store/experiment-queries.ts';

/**
 * Page cursors: opaque to callers, and tamper-evident. A cursor is DynamoDB's LastEvaluatedKey with an
 * HMAC-SHA256 over it and over the query it came from (who asked, the access pattern and the filters),
 * so a forged or altered cursor, or one taken from another person's list or another filter, is refused
 * with 400 before it can reach DynamoDB. The key is the table's own (see store/signing-keys.ts).
 */
const refused = () =>
  new ValidationError('The cursor is not valid. Use the `next` value from the previous page.', [
    { path: 'cursor', message: 'Use the `next` value from the previous page' },
  ]);

/** A plain-data description of the query a page belongs to; the same query gives the same JSON. */
export type CursorBinding = Record<string, string | number | boolean | null | undefined>;

const bound = (binding: CursorBinding) =>
  JSON.stringify(Object.entries(binding).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export const pageCursors = (key: () => Promise<Buffer>) => {
  const mac = async (payload: string, binding: CursorBinding) =>
    createHmac('sha256', await key())
      .update(bound(binding))
      .update('\n')
      .update(payload)
      .digest();

  return {
    async encode(lastKey: PageKey | undefined, binding: CursorBinding): Promise<string | null> {
      if (!lastKey) return null;
      const payload = Buffer.from(JSON.stringify(lastKey)).toString('base64url');
      return `${payload}.${(await mac(payload, binding)).toString('base64url')}`;
    },

    async decode(cursor: string | undefined, binding: CursorBinding): Promise<PageKey | undefined> {
      if (cursor === undefined) return undefined;
      const [payload, signature, ...rest] = cursor.split('.');
      if (!payload || !signature || rest.length > 0) throw refused();
      // Compared as text, so no other spelling of the same bytes passes.
      const given = Buffer.from(signature);
      const expected = Buffer.from((await mac(payload, binding)).toString('base64url'));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
      try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PageKey;
      } catch {
        throw refused();
      }
    },
  };
};

export type PageCursors = ReturnType<typeof pageCursors>;
