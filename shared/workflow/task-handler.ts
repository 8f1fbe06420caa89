import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';

/** A Step Functions input that does not match its schema is a bug in the definition: fail the task loudly. */
export class InvalidTaskInput extends Error {
  override name = 'InvalidTaskInput';
}

/** Every workflow task: zod-parse the payload, call its one task (shared/services/tasks), return its result. */
export const taskHandler = <S extends z.ZodType, R>(schema: S, fn: (input: z.output<S>) => Promise<R>) =>
  middy<unknown, R, Error, Context>().handler(async (event) => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) throw new InvalidTaskInput(parsed.error.message);
    return fn(parsed.data);
  });
