import * as z from 'zod';
import { isRealDate } from '#shared/domain/uk-time.ts';

const MONTH_ERROR = 'Enter a month like 2026-01, or a date like 2026-01-31';

/** A month (`YYYY-MM`) or a date in it (`YYYY-MM-DD`), as the dashboard takes dates. */
const month = z
  .string({ error: MONTH_ERROR })
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: MONTH_ERROR })
  .refine(
    (text) => {
      const [year, month, day] = text.split('-').map(Number) as [number, number, number | undefined];
      return isRealDate(year, month, day ?? 1);
    },
    { error: MONTH_ERROR },
  );

export const querySchema = z
  .strictObject({ from: month.optional(), to: month.optional() })
  .refine((q) => !q.from || !q.to || q.from.slice(0, 7) <= q.to.slice(0, 7), {
    error: 'The first month must be the same as or before the last month',
    path: ['from'],
  });
