import * as z from 'zod';

export const querySchema = z.strictObject({
  version: z.coerce
    .number({ error: 'Enter a policy version, a whole number from 1' })
    .int({ error: 'Enter a policy version, a whole number from 1' })
    .min(1, { error: 'Enter a policy version, a whole number from 1' })
    .max(1_000_000, { error: 'Enter a policy version, a whole number from 1' })
    .optional(),
});
