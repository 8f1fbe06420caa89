import { ServiceError } from './errors.ts';
import { decodeToken, encodeToken } from './store/table.ts';

/** A request's JSON body, as the Step Functions API takes it. */
export type Params = Record<string, unknown>;

/** The API reports times as epoch seconds. */
export const toSeconds = (ms: number): number => ms / 1000;

export const requireString = (params: Params, key: string): string => {
  const value = params[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new ServiceError(
      'ValidationException',
      `1 validation error detected: Value at '${key}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
};

export const optionalString = (params: Params, key: string): string | undefined => {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new ServiceError('ValidationException', `Value at '${key}' must be a string`);
  return value;
};

export const maxResultsOf = (params: Params, fallback: number): number => {
  const value = params.maxResults;
  if (value === undefined || value === null || value === 0) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000) {
    throw new ServiceError('ValidationException', 'maxResults must be between 0 and 1000');
  }
  return value;
};

/** Page tokens of lists held in memory or read whole (state machines, one execution's history). */
export const offsetOf = (token: string | undefined): number => {
  if (token === undefined) return 0;
  const offset = Number(decodeToken(token)?.offset);
  if (!Number.isInteger(offset) || offset < 0) throw new ServiceError('InvalidToken', 'Invalid nextToken');
  return offset;
};

export const offsetToken = (offset: number): string => encodeToken({ offset });

export const parseJsonText = (text: string, code: string, what: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError(code, `${what} is not valid JSON`);
  }
};
