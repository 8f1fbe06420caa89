import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { localTokenSchema } from '#infra/local/local-token.ts';
import { toIssues } from '#shared/domain/schemas.ts';
import { teamSlug, textOfLength } from '../domain/arbitraries.ts';

/** The issue paths a rejected value produces, or null when it was accepted. */
const issuePaths = (schema: z.ZodType, value: unknown): string[] | null => {
  const result = schema.safeParse(value);
  return result.success ? null : toIssues(result.error).map((issue) => issue.path);
};

describe('localTokenSchema', () => {
  const token = () =>
    fc.record({
      sub: textOfLength(1, 128).filter((sub) => !['card', 'system'].includes(sub.trim())),
      name: textOfLength(1, 200),
      groups: fc.subarray(['staff', 'manager', 'leader'] as const, { minLength: 1 }),
      team: teamSlug(),
    });

  it('accepts generated local sign-ins', () => {
    fc.assert(
      fc.property(token(), (body) => {
        // Act / Assess
        expect(localTokenSchema.parse(body).groups).toEqual(body.groups);
      }),
    );
  });

  it.each([
    ['groups', []],
    ['groups', ['admin']],
    ['groups', 'staff'],
    ['team', 'Early_Help'],
    ['team', 'a'.repeat(64)],
    ['sub', 'card'],
    ['sub', ''],
    ['name', 'n'.repeat(201)],
  ])('rejects %s = %j', (key, value) => {
    fc.assert(
      fc.property(token(), (body) => {
        // Act
        const paths = issuePaths(localTokenSchema, { ...body, [key]: value });

        // Assess
        expect(paths?.[0]?.startsWith(key)).toBe(true);
        expect(paths).toHaveLength(1);
      }),
    );
  });
});
