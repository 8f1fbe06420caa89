/**
 * The error answers of the JSON API as zod schemas, one per status, built from the one error hierarchy
 * (shared/errors.ts): the OpenAPI document and its contract test read them, no handler does.
 */
import * as z from 'zod';
import {
  type AppError,
  ConflictError,
  ForbiddenError,
  IdempotencyMismatchError,
  NotAcceptableError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorisedError,
  ValidationError,
} from '../errors.ts';

/** Every status the API documents besides its successes. */
export const ERROR_STATUSES = [400, 401, 403, 404, 406, 409, 413, 422, 429] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

const code = (error: AppError): string => error.code;

/** The `error` code each status carries, from the class that answers it. */
const CODES: Record<Exclude<ErrorStatus, 429>, string> = {
  400: code(new ValidationError('')),
  401: code(new UnauthorisedError('')),
  403: code(new ForbiddenError('')),
  404: code(new NotFoundError()),
  406: code(new NotAcceptableError('')),
  409: code(new ConflictError('')),
  413: code(new PayloadTooLargeError('')),
  422: code(new IdempotencyMismatchError('')),
};

export const issueSchema = z
  .strictObject({
    path: z.string().meta({ description: 'The field, dotted: card.extraCost, hypothesis.measure.' }),
    message: z.string().meta({ description: 'What to change, in plain English.' }),
  })
  .meta({ id: 'Issue', description: 'One problem with one field of the request.' });

/** The spec's error shape: `{ error, message, issues? }`. */
const errorOf = (status: Exclude<ErrorStatus, 429>) =>
  z
    .strictObject({
      error: z.literal(CODES[status]),
      message: z.string().meta({ description: 'What went wrong, in plain English.' }),
      ...(status === 400 ? { issues: z.array(issueSchema).optional() } : {}),
    })
    .meta({ id: `Error${status}`, description: `The error shape, for ${status}.` });

/**
 * What API Gateway answers by itself, before any function runs (no or a bad token, throttling, a body
 * over its 10 MB): only `{ "message" }`. Where the function or the local gateway answers, the same
 * status has the whole error shape, which this allows too.
 */
const gatewayErrorOf = (status: 401 | 413 | 429) =>
  z
    .strictObject({
      ...(status === 429 ? {} : { error: z.literal(CODES[status]).optional() }),
      message: z.string(),
    })
    .meta({
      id: `GatewayError${status}`,
      description: `The error shape for ${status}; only \`message\` when API Gateway answers by itself.`,
    });

export const errorSchemas: Record<ErrorStatus, z.ZodType> = {
  400: errorOf(400),
  401: gatewayErrorOf(401),
  403: errorOf(403),
  404: errorOf(404),
  406: errorOf(406),
  409: errorOf(409),
  413: gatewayErrorOf(413),
  422: errorOf(422),
  429: gatewayErrorOf(429),
};
