import type { Controller } from '../../context.ts';
import { redirect } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import { type Bar, barChart } from './chart.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface Row {
  label: string;
  submitted: number;
  autoAuthorisedRate: number;
  outcomes: { adopted: number };
}

const toBar = (row: Row): Bar => {
  const card = Math.round(row.submitted * row.autoAuthorisedRate);
  return { label: row.label, card, manager: Math.max(0, row.submitted - card) };
};

/** GET /dashboard: headline figures, and ideas by month and by team as SVG charts with tables. */
export const showDashboard: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const query = ctx.req.query;
  const filters = {
    team: query.get('team') ?? '',
    fromMonth: (query.get('from') ?? '').trim(),
    toMonth: (query.get('to') ?? '').trim(),
  };
  const teams = Object.keys(t.teams);
  const errorList: { text: string; href: string }[] = [];
  const errors: Record<string, { text: string }> = {};
  const fail = (id: string, key: string, text: string) => {
    errorList.push({ text, href: `#${id}` });
    errors[key] = { text };
  };
  if (filters.fromMonth && !MONTH.test(filters.fromMonth)) fail('from', 'fromMonth', t.dashboard.monthError);
  if (filters.toMonth && !MONTH.test(filters.toMonth)) fail('to', 'toMonth', t.dashboard.monthError);
  if (errorList.length === 0 && filters.fromMonth && filters.toMonth && filters.fromMonth > filters.toMonth) {
    fail('to', 'toMonth', t.dashboard.orderError);
  }
  const teamItems = [
    { value: '', text: t.dashboard.anyTeam },
    ...teams.map((team) => ({ value: team, text: teamName(t, team), selected: filters.team === team })),
  ];
  if (errorList.length > 0) {
    return ctx.render(
      'dashboard/view.njk',
      { filters, teamItems, errorList, errors },
      { title: t.dashboard.title, status: 400 },
    );
  }

  const dashboard = await ctx.services.dashboard.get(user, {
    ...(teams.includes(filters.team) ? { team: filters.team } : {}),
    ...(filters.fromMonth ? { from: filters.fromMonth } : {}),
    ...(filters.toMonth ? { to: filters.toMonth } : {}),
  });
  const hours = (h: number | null) =>
    h === null ? t.dashboard.noMedian : t.dashboard.hours(fmt.number(h), h);
  const figures = [
    { label: t.dashboard.submitted, value: fmt.number(dashboard.submitted) },
    { label: t.dashboard.byCard, value: fmt.percent(dashboard.autoAuthorisedRate) },
    { label: t.dashboard.medianTime, value: hours(dashboard.medianHoursToAuthorisation) },
    { label: t.dashboard.cycles, value: fmt.number(Math.round(dashboard.cyclesPerExperiment * 10) / 10) },
    { label: t.dashboard.adopted, value: fmt.number(dashboard.outcomes.adopted) },
    { label: t.dashboard.abandoned, value: fmt.number(dashboard.outcomes.abandoned) },
    { label: t.dashboard.testing, value: fmt.number(dashboard.outcomes.testing) },
  ];
  const monthRows: Row[] = dashboard.byMonth.map((m) => ({ ...m, label: fmt.month(m.month) }));
  const teamRows: Row[] = dashboard.byTeam.map((m) => ({ ...m, label: teamName(t, m.team) }));
  const busiest = (rows: Row[]) =>
    rows.reduce<Row | undefined>(
      (top, row) => (!top || row.submitted > top.submitted ? row : top),
      undefined,
    );
  const topMonth = busiest(monthRows);
  const topTeam = busiest(teamRows);
  const total = fmt.number(dashboard.submitted);
  const monthSummary = topMonth
    ? t.dashboard.monthSummary(
        t.dashboard.counted(monthRows.length, fmt.number(monthRows.length)),
        total,
        topMonth.label,
        fmt.number(topMonth.submitted),
      )
    : t.dashboard.empty;
  const teamSummary = topTeam
    ? t.dashboard.teamSummary(
        t.dashboard.countedTeams(teamRows.length, fmt.number(teamRows.length)),
        total,
        topTeam.label,
        fmt.number(topTeam.submitted),
      )
    : t.dashboard.empty;
  const legend = { card: t.dashboard.chartLegendCard, manager: t.dashboard.chartLegendManager };
  const tableRows = (rows: Row[]) =>
    rows.map((row) => {
      const bar = toBar(row);
      return [
        { text: row.label },
        { text: fmt.number(row.submitted), format: 'numeric' },
        { text: fmt.number(bar.card), format: 'numeric' },
        { text: fmt.number(bar.manager), format: 'numeric' },
        { text: fmt.number(row.outcomes.adopted), format: 'numeric' },
      ];
    });
  const numericHead = (first: string) => [
    { text: first },
    { text: t.dashboard.tableSubmitted, format: 'numeric' },
    { text: t.dashboard.tableByCard, format: 'numeric' },
    { text: t.dashboard.tableManager, format: 'numeric' },
    { text: t.dashboard.tableAdopted, format: 'numeric' },
  ];
  return ctx.render(
    'dashboard/view.njk',
    {
      filters,
      teamItems,
      errorList,
      errors,
      figures,
      hasData: dashboard.submitted > 0,
      months: {
        summary: monthSummary,
        chart: barChart({
          id: 'chart-months',
          title: t.dashboard.byMonthHeading,
          description: monthSummary,
          bars: monthRows.map(toBar),
          legend,
          number: fmt.number,
        }),
        head: numericHead(t.dashboard.tableMonth),
        rows: tableRows(monthRows),
        show: t.dashboard.showTable(t.dashboard.byMonthHeading),
      },
      teams: {
        summary: teamSummary,
        chart: barChart({
          id: 'chart-teams',
          title: t.dashboard.byTeamHeading,
          description: teamSummary,
          bars: teamRows.map(toBar),
          legend,
          number: fmt.number,
        }),
        head: numericHead(t.dashboard.tableTeam),
        rows: tableRows(teamRows),
        show: t.dashboard.showTable(t.dashboard.byTeamHeading),
      },
      exportHref: '/log/export.csv',
    },
    { title: t.dashboard.title },
  );
};
