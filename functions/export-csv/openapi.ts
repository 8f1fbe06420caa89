import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Export the experiment log as CSV',
  description:
    'The whole experiment log for leaders, one row an experiment, as an attachment. Cells that a spreadsheet would read as a formula are neutralised. Each export is recorded in the audit trail.',
  tag: 'Leaders',
  success: {
    status: 200,
    description: 'The experiment log.',
    csv: 'A header row, then one row an experiment.',
    headers: { 'Content-Disposition': 'attachment; filename="fail-forward-log-<date>.csv"' },
  },
  errors: {
    409: 'Too many changes were being recorded in the audit trail at that moment: nothing happened. Try again in a few seconds.',
  },
};
