import { ValidationError } from '../errors.ts';

/** Page cursors are opaque to callers: base64url JSON of DynamoDB's LastEvaluatedKey. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;

export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length > 0 && entries.every(([, v]) => typeof v === 'string'))
        return value as Record<string, string>;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('The cursor is not valid. Use the `next` value from the previous page.', [
    { path: 'cursor', message: 'Use the `next` value from the previous page' },
  ]);
};
