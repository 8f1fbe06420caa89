/**
 * The dashboard in the page's language: its filters (a GET form, checked here), the headline figures,
 * and ideas by month and by team as charts, summaries and tables.
 */

import { TEAM_IDS } from '#shared/domain/teams.ts';
import type { Dashboard, DashboardFilters } from '#shared/services/dashboard-service.ts';
import { type DateParts, dateInput, firstBoxId, isoOf, readDateParts } from '../../form/date-input.ts';
import { errorCollector } from '../../form/issues.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { type Bar, barChart } from './chart.ts';

/** The filters as typed, shown back on the form, and the months they make ("2025-03"), when real. */
export interface Filters {
  team: string;
  from: DateParts;
  to: DateParts;
  fromMonth: string | undefined | null;
  toMonth: string | undefined | null;
}

export const readFilters = (query: URLSearchParams): Filters => {
  const from = readDateParts(query, 'from', 'month');
  const to = readDateParts(query, 'to', 'month');
  return {
    team: query.get('team') ?? '',
    from,
    to,
    fromMonth: isoOf(from, 'month'),
    toMonth: isoOf(to, 'month'),
  };
};

/** The filter form: the team choices, the months as GOV.UK date inputs, and any that is not real or out of order. */
export const filterForm = (t: Messages, filters: Filters) => {
  const errors = errorCollector();
  if (filters.fromMonth === null) errors.add(firstBoxId('from', 'month'), t.dashboard.fromError, 'from');
  if (filters.toMonth === null) errors.add(firstBoxId('to', 'month'), t.dashboard.toError, 'to');
  if (errors.list.length === 0 && filters.fromMonth && filters.toMonth && filters.fromMonth > filters.toMonth)
    errors.add(firstBoxId('to', 'month'), t.dashboard.orderError, 'to');
  const teamItems = [
    { value: '', text: t.dashboard.anyTeam },
    ...TEAM_IDS.map((team) => ({ value: team, text: teamName(t, team), selected: filters.team === team })),
  ];
  const month = (name: 'from' | 'to', legend: string) =>
    dateInput(t, {
      name,
      kind: 'month',
      legend,
      hint: t.dashboard.monthHint,
      parts: filters[name],
      error: errors.byKey[name],
    });
  return {
    teamItems,
    fromInput: month('from', t.dashboard.fromMonth),
    toInput: month('to', t.dashboard.toMonth),
    errorList: errors.list,
  };
};

/** What the service is asked for: a known team, and the months given. */
export const serviceFilters = (filters: Filters): DashboardFilters => ({
  ...(TEAM_IDS.includes(filters.team) ? { team: filters.team } : {}),
  ...(filters.fromMonth ? { from: filters.fromMonth } : {}),
  ...(filters.toMonth ? { to: filters.toMonth } : {}),
});

interface Row {
  label: string;
  submitted: number;
  autoAuthorisedRate: number;
  outcomes: { adopted: number };
  incidents: { minor: number; serious: number };
}

const toBar = (row: Row): Bar => {
  const card = Math.round(row.submitted * row.autoAuthorisedRate);
  return { label: row.label, card, manager: Math.max(0, row.submitted - card) };
};

const figures = (t: Messages, fmt: Formatter, dashboard: Dashboard) => {
  const hours = (h: number | null) =>
    h === null ? t.dashboard.noMedian : t.dashboard.hours(fmt.number(h), h);
  return [
    { label: t.dashboard.submitted, value: fmt.number(dashboard.submitted) },
    { label: t.dashboard.byCard, value: fmt.percent(dashboard.autoAuthorisedRate) },
    { label: t.dashboard.medianTime, value: hours(dashboard.medianHoursToAuthorisation) },
    { label: t.dashboard.cycles, value: fmt.number(Math.round(dashboard.cyclesPerExperiment * 10) / 10) },
    { label: t.dashboard.adopted, value: fmt.number(dashboard.outcomes.adopted) },
    { label: t.dashboard.abandoned, value: fmt.number(dashboard.outcomes.abandoned) },
    { label: t.dashboard.testing, value: fmt.number(dashboard.outcomes.testing) },
    { label: t.dashboardIncidents.serious, value: fmt.number(dashboard.incidents.serious) },
    { label: t.dashboardIncidents.minor, value: fmt.number(dashboard.incidents.minor) },
  ];
};

const busiest = (rows: Row[]): Row | undefined =>
  rows.reduce<Row | undefined>((top, row) => (!top || row.submitted > top.submitted ? row : top), undefined);

/** A chart's summary, told from its busiest row, or that there is nothing yet. */
const summaryOf = (t: Messages, rows: Row[], words: (busiest: Row) => string): string => {
  const top = busiest(rows);
  return top ? words(top) : t.dashboard.empty;
};

const tableHead = (t: Messages, first: string) => [
  { text: first },
  { text: t.dashboard.tableSubmitted, format: 'numeric' },
  { text: t.dashboard.tableByCard, format: 'numeric' },
  { text: t.dashboard.tableManager, format: 'numeric' },
  { text: t.dashboard.tableAdopted, format: 'numeric' },
  { text: t.dashboardIncidents.column },
];

const tableRows = (t: Messages, fmt: Formatter, rows: Row[]) =>
  rows.map((row) => {
    const bar = toBar(row);
    return [
      { text: row.label },
      { text: fmt.number(row.submitted), format: 'numeric' },
      { text: fmt.number(bar.card), format: 'numeric' },
      { text: fmt.number(bar.manager), format: 'numeric' },
      { text: fmt.number(row.outcomes.adopted), format: 'numeric' },
      {
        text: t.cardLearns.incidents(fmt.number(row.incidents.minor), fmt.number(row.incidents.serious)),
      },
    ];
  });

/** A chart with its summary as description, and the same numbers as a table behind "Show". */
const chartSection = (
  t: Messages,
  fmt: Formatter,
  opts: { id: string; heading: string; first: string; rows: Row[]; summary: string },
) => ({
  summary: opts.summary,
  chart: barChart({
    id: opts.id,
    title: opts.heading,
    description: opts.summary,
    bars: opts.rows.map(toBar),
    legend: { card: t.dashboard.chartLegendCard, manager: t.dashboard.chartLegendManager },
    number: fmt.number,
  }),
  head: tableHead(t, opts.first),
  rows: tableRows(t, fmt, opts.rows),
  show: t.dashboard.showTable(opts.heading),
});

/** The figures and both charts of a dashboard. */
export const dashboardModel = (t: Messages, fmt: Formatter, dashboard: Dashboard) => {
  const months: Row[] = dashboard.byMonth.map((m) => ({ ...m, label: fmt.month(m.month) }));
  const teams: Row[] = dashboard.byTeam.map((m) => ({ ...m, label: teamName(t, m.team) }));
  const total = fmt.number(dashboard.submitted);
  const monthCount = t.dashboard.counted(months.length, fmt.number(months.length));
  const teamCount = t.dashboard.countedTeams(teams.length, fmt.number(teams.length));
  return {
    figures: figures(t, fmt, dashboard),
    hasData: dashboard.submitted > 0,
    months: chartSection(t, fmt, {
      id: 'chart-months',
      heading: t.dashboard.byMonthHeading,
      first: t.dashboard.tableMonth,
      rows: months,
      summary: summaryOf(t, months, (top) =>
        t.dashboard.monthSummary(monthCount, total, top.label, fmt.number(top.submitted)),
      ),
    }),
    teams: chartSection(t, fmt, {
      id: 'chart-teams',
      heading: t.dashboard.byTeamHeading,
      first: t.dashboard.tableTeam,
      rows: teams,
      summary: summaryOf(t, teams, (top) =>
        t.dashboard.teamSummary(teamCount, total, top.label, fmt.number(top.submitted)),
      ),
    }),
  };
};
