import { type Controller, signedIn } from '../../context.ts';
import { allowanceSection } from './allowance.ts';
import { dashboardModel, filterForm, readFilters, serviceFilters } from './presenter.ts';

/** GET /dashboard: headline figures, and ideas by month and by team as SVG charts with tables. */
export const showDashboard: Controller = async (ctx) => {
  const { t, fmt } = ctx;
  const filters = readFilters(ctx.req.query);
  const form = filterForm(t, filters);
  if (form.errorList.length > 0) {
    return ctx.render('dashboard/view.njk', form, { title: t.dashboard.title, status: 400 });
  }
  const [dashboard, allowance] = await Promise.all([
    ctx.services.dashboard.get(signedIn(ctx), serviceFilters(filters)),
    ctx.services.allowance.all(),
  ]);
  return ctx.render(
    'dashboard/view.njk',
    {
      ...form,
      ...dashboardModel(t, fmt, dashboard),
      allowance: allowanceSection(t, fmt, allowance),
      exportHref: '/log/export.csv',
    },
    { title: t.dashboard.title },
  );
};
