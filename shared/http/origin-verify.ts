/**
 * Both HTTP APIs answer only requests that came through CloudFront, which adds a secret header to
 * every request it sends them (infra/constructs/web.ts); anything else could skip CloudFront's
 * security headers and web ACL. The value lives in Secrets Manager: the functions get only its name
 * (ORIGIN_VERIFY_SECRET_NAME), the template only a dynamic reference. On one machine there is no
 * CloudFront and no name, so there is nothing to check.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import { ForbiddenError } from '../errors.ts';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
export const ORIGIN_VERIFY_SECRET_ENV = 'ORIGIN_VERIFY_SECRET_NAME';

/** A value anyone could guess proves nothing: refuse to run with one (docs/operations.md makes 64). */
export const MIN_ORIGIN_SECRET_LENGTH = 32;

export type SecretReader = (name: string) => Promise<string | undefined>;

// Loaded on first use: where no secret is named (one machine, tests) the SDK client is never needed.
const readSecret: SecretReader = async (name) => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  return (await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: name })))
    .SecretString;
};

// Equal-length digests, so the comparison takes the same time whatever was sent.
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

const expected = new Map<string, Promise<Buffer>>();

/** Read once per container; a failed read is not kept, so the next request tries again. */
const expectedDigest = (name: string, read: SecretReader): Promise<Buffer> => {
  let pending = expected.get(name);
  if (!pending) {
    pending = read(name).then((value) => {
      const secret = value?.trim() ?? '';
      if (secret.length < MIN_ORIGIN_SECRET_LENGTH) {
        throw new Error(
          `The origin-verify secret ${name} must hold at least ${MIN_ORIGIN_SECRET_LENGTH} characters`,
        );
      }
      return digest(secret);
    });
    pending.catch(() => expected.delete(name));
    expected.set(name, pending);
  }
  return pending;
};

const headerValue = (headers: Record<string, string | undefined> | undefined): string | undefined => {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === ORIGIN_VERIFY_HEADER) return value;
  }
  return undefined;
};

/**
 * Whether the request carries CloudFront's header with the right value; always true where no secret is
 * named. Rejects (so the caller answers 500 and the error alarm fires) if the secret cannot be read.
 */
export const cameThroughCloudFront = async (
  headers: Record<string, string | undefined> | undefined,
  env: NodeJS.ProcessEnv = process.env,
  read: SecretReader = readSecret,
): Promise<boolean> => {
  const name = env[ORIGIN_VERIFY_SECRET_ENV];
  if (!name) return true;
  const want = await expectedDigest(name, read);
  const got = headerValue(headers);
  return got !== undefined && timingSafeEqual(digest(got.trim()), want);
};

/** The JSON API's check, before anything reads the body: a 403 in the spec's error shape. */
export const originVerified = <
  E extends { headers?: Record<string, string | undefined> },
  R,
>(): MiddlewareObj<E, R> => ({
  before: async (request) => {
    if (!(await cameThroughCloudFront(request.event.headers))) {
      throw new ForbiddenError(
        'Use Fail Forward’s own address: the API answers only requests sent through it.',
      );
    }
  },
});
