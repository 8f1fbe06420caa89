import * as z from 'zod';
import { TEAM_SLUG } from '#shared/domain/teams.ts';

const isoDate = z.iso.date({ error: 'Enter a date like 2026-01-31' });

export const querySchema = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    team: z.string().regex(TEAM_SLUG, { error: 'Enter a team like early-help' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'The start date must be on or before the end date',
    path: ['from'],
  });
