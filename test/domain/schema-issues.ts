/** What a schema says about a value, as the API would answer it: the issue paths, or one path's message. */
import type * as z from 'zod';
import { toIssues } from '#shared/domain/schemas.ts';

/** The issue paths a rejected value produces, or null when it was accepted. */
export const issuePaths = (schema: z.ZodType, value: unknown, prefix?: string): string[] | null => {
  const result = schema.safeParse(value);
  return result.success ? null : toIssues(result.error, prefix).map((issue) => issue.path);
};

export const messageAt = (schema: z.ZodType, value: unknown, path: string): string | undefined => {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  return toIssues(result.error).find((issue) => issue.path === path)?.message;
};
