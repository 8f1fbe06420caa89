/**
 * The innovation allowance on the dashboard: drawn and left per team this financial year, as a chart
 * of the same kind as the others (drawn and left stacked, so each bar is the allowance) with a table.
 */
import type { AllowanceRow } from '#shared/services/allowance-service.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { barChart } from './chart.ts';

export const allowanceSection = (t: Messages, fmt: Formatter, rows: AllowanceRow[]) => {
  if (rows.length === 0) return undefined;
  const year = rows[0]?.year ?? '';
  const pounds = (n: number) => fmt.amount('extraCost', n);
  const heading = t.allowance.dashboardHeading(year);
  const drawn = rows.reduce((sum, row) => sum + row.drawn, 0);
  const allowance = rows.reduce((sum, row) => sum + row.allowance, 0);
  const summary = t.allowance.dashboardSummary(pounds(drawn), pounds(allowance), year);
  return {
    heading,
    summary,
    chart: barChart({
      id: 'chart-allowance',
      title: heading,
      description: summary,
      bars: rows.map((row) => ({ label: teamName(t, row.team), card: row.drawn, manager: row.left })),
      legend: { card: t.allowance.drawn, manager: t.allowance.left },
      number: pounds,
    }),
    head: [
      { text: t.dashboard.tableTeam },
      { text: t.allowance.allowance, format: 'numeric' },
      { text: t.allowance.drawn, format: 'numeric' },
      { text: t.allowance.left, format: 'numeric' },
    ],
    rows: rows.map((row) => [
      { text: teamName(t, row.team) },
      { text: pounds(row.allowance), format: 'numeric' },
      { text: pounds(row.drawn), format: 'numeric' },
      { text: pounds(row.left), format: 'numeric' },
    ]),
    show: t.dashboard.showTable(heading),
  };
};
