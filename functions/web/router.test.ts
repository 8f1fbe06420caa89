import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createRouter, UUID } from './router.ts';

const route = createRouter([
  {
    method: 'GET',
    path: '/experiments/:id',
    access: 'public',
    handler: async () => ({ statusCode: 200, headers: {}, body: '' }),
  },
]);

describe('the router', () => {
  it('checks ids with the same pattern the JSON API uses', () => {
    // Assess
    expect(UUID.source).toBe(z.regexes.uuid().source);
    expect(UUID.flags).toBe(z.regexes.uuid().flags);
  });

  it('matches an experiment id, and nothing else where an id goes', () => {
    // Prepare
    const id = randomUUID();

    // Act
    const found = route('GET', `/experiments/${id}`);
    const refused = ['abc', 'a'.repeat(2_100), `${id}0`, '%E0%A4%A', encodeURIComponent(`${id}\n`)].map(
      (bad) => route('GET', `/experiments/${bad}`),
    );

    // Assess
    expect(found?.params).toEqual({ id });
    expect(refused).toEqual(refused.map(() => undefined));
  });
});
