import { STATUSES, type Status } from '#shared/domain/status.ts';
import type { Controller } from '../../context.ts';
import { redirect } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import { experimentHref, linkHtml, statusTag, tagHtml } from '../../presenters.ts';
import { cursorOf } from '../experiments/controller.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);
const LEARNING_PREVIEW = 200;

/** GET /log: every experiment for leaders, searchable (learnings included) and filtered. A GET form: no state changes. */
export const showLog: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const query = ctx.req.query;
  const filters = {
    q: (query.get('q') ?? '').trim(),
    status: query.get('status') ?? '',
    team: query.get('team') ?? '',
    from: (query.get('from') ?? '').trim(),
    to: (query.get('to') ?? '').trim(),
  };
  const errorList: { text: string; href: string }[] = [];
  const errors: Record<string, { text: string }> = {};
  // Nunjucks reads "from" as a keyword, so the view gets these under other names.
  const viewKey: Record<string, string> = { from: 'fromDate', to: 'toDate' };
  const fail = (path: string, text: string) => {
    errorList.push({ text, href: `#${path}` });
    errors[viewKey[path] ?? path] = { text };
  };
  if (filters.q.length > 100) fail('q', t.log.errors.q);
  if (filters.from && !isRealDate(filters.from)) fail('from', t.log.errors.date);
  if (filters.to && !isRealDate(filters.to)) fail('to', t.log.errors.date);
  if (!errors.fromDate && !errors.toDate && filters.from && filters.to && filters.from > filters.to)
    fail('to', t.log.errors.order);
  const teams = Object.keys(t.teams);

  let rows: unknown[] = [];
  let next: string | undefined;
  if (errorList.length === 0) {
    const cursor = cursorOf(query.get('cursor'));
    const page = await ctx.services.experiments.list(user, {
      limit: 25,
      ...(filters.q ? { q: filters.q } : {}),
      ...(isStatus(filters.status) ? { status: filters.status } : {}),
      ...(teams.includes(filters.team) ? { team: filters.team } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(cursor ? { cursor } : {}),
    });
    rows = page.items.map((exp) => {
      const learned = exp.cycles.at(-1)?.learned ?? '';
      return [
        { html: linkHtml(experimentHref(exp.id), exp.title) },
        { text: teamName(t, exp.team) },
        { text: exp.ownerName },
        // A workflow that failed for good shows beside the status, for leaders to have it put right.
        {
          html: `${tagHtml(statusTag(t, exp.status))}${exp.failure ? ` ${tagHtml({ text: t.experiment.failureTitle, classes: 'govuk-tag--red' })}` : ''}`,
        },
        { text: fmt.date(exp.createdAt) },
        { text: learned.length > LEARNING_PREVIEW ? `${learned.slice(0, LEARNING_PREVIEW)}…` : learned },
      ];
    });
    if (page.next) {
      const more = new URLSearchParams({ ...filters, cursor: page.next });
      next = `/log?${more}`;
    }
  }
  return ctx.render(
    'log/view.njk',
    {
      filters: { ...filters, fromDate: filters.from, toDate: filters.to },
      rows,
      next,
      errorList,
      errors,
      statusItems: [
        { value: '', text: t.log.anyStatus },
        ...STATUSES.map((status) => ({
          value: status,
          text: t.statuses[status],
          selected: filters.status === status,
        })),
      ],
      teamItems: [
        { value: '', text: t.log.anyTeam },
        ...teams.map((team) => ({ value: team, text: teamName(t, team), selected: filters.team === team })),
      ],
    },
    { title: t.log.title, status: errorList.length > 0 ? 400 : 200 },
  );
};

/** GET /log/export.csv: the whole experiment log as CSV, from the same export the API offers. */
export const exportLog: Controller = async (ctx) => {
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const lines: string[] = [];
  for await (const line of ctx.services.exports.csv(user)) lines.push(line);
  const day = ctx.now.toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="fail-forward-experiment-log-${day}.csv"`,
    },
    body: lines.join(''),
  };
};
