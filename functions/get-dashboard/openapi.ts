import * as z from 'zod';
import { describes, teamSlug } from '#shared/domain/response-schemas.ts';
import { STATUSES, type Status } from '#shared/domain/status.ts';
import type { Dashboard } from '#shared/services/dashboard-service.ts';
import type { RouteDoc } from '../route-docs.ts';

const hours = z.number().min(0).nullable();

const figures = {
  totals: z
    .strictObject(
      Object.fromEntries(STATUSES.map((status) => [status, z.int().min(0)])) as Record<Status, z.ZodInt>,
    )
    .meta({ description: 'How many experiments are in each status now.' }),
  submitted: z.int().min(0),
  autoAuthorisedRate: z
    .number()
    .min(0)
    .max(1)
    .meta({ description: 'Share of submissions the card authorised.' }),
  medianHoursToAuthorisation: hours,
  medianHoursByCard: hours,
  medianHoursByManager: hours,
  cyclesPerExperiment: z.number().min(0),
  outcomes: z.strictObject({ adopted: z.int().min(0), abandoned: z.int().min(0), testing: z.int().min(0) }),
  incidents: z
    .strictObject({ minor: z.int().min(0), serious: z.int().min(0) })
    .meta({ description: 'Cycles that recorded something going wrong for someone taking part.' }),
};

const dashboardSchema = describes<Dashboard>()(
  z
    .strictObject({
      from: z.string().nullable(),
      to: z.string().nullable(),
      team: teamSlug.nullable(),
      ...figures,
      byTeam: z.array(z.strictObject({ team: teamSlug, ...figures })),
      byMonth: z.array(z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), ...figures })),
    })
    .meta({
      id: 'Dashboard',
      description: 'The leaders’ figures, in total, by team and by month of submission.',
    }),
);

export const doc: RouteDoc = {
  summary: 'The dashboard',
  description:
    'Leaders’ figures over the whole experiment log, from counters kept with every change (never a scan): totals by status, the share the card authorised, median hours to authorisation, cycles per experiment, by team and by month. Optional `from`, `to` (dates) and `team`.',
  tag: 'Leaders',
  success: { status: 200, description: 'The figures.', json: dashboardSchema },
};
