/**
 * "Record what happened": the learning card for one test cycle, with adapt, adopt or abandon, and new
 * card answers when adapting. The changed card is judged again by the service, against the
 * experiment's own policy version.
 */
import { CHOICE_FIELDS, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { cycleSchema, type Issue, toIssues } from '#shared/domain/schemas.ts';
import { ConflictError } from '#shared/errors.ts';
import type { Controller, PageContext } from '../../context.ts';
import { fieldId, formErrors } from '../../form/issues.ts';
import { parseAmount } from '../../form/numbers.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { answerText, experimentHref } from '../../presenters.ts';

const RESULTS = ['worked', 'didNotWork', 'unclear'] as const;
const NEXT = ['adapt', 'adopt', 'abandon'] as const;
const CHANGE_FIELDS = [...CHOICE_FIELDS, ...THRESHOLD_FIELDS];
export const CYCLE_PATHS = [
  'result',
  'observed',
  'learned',
  'next',
  ...CHANGE_FIELDS.map((f) => `changes.${f}`),
];

type Values = Record<string, string>;

/** Only the owner records tests, and only while the experiment is authorised or testing. */
export const canRecordCycle = (exp: Experiment, userId: string): boolean =>
  exp.owner === userId && (exp.status === 'authorised' || exp.status === 'testing');

const cycleHref = (exp: Experiment) => `${experimentHref(exp.id)}/cycles`;

const showForm = (
  ctx: PageContext,
  exp: Experiment,
  values: Values = {},
  issues: Issue[] = [],
): WebResponse => {
  const { t, fmt } = ctx;
  const errors = formErrors(issues, t, CYCLE_PATHS);
  const radios = (name: string, legend: string, items: { value: string; text: string; hint?: string }[]) => ({
    name,
    idPrefix: fieldId(name),
    fieldset: { legend: { text: legend, classes: 'govuk-fieldset__legend--s' } },
    errorMessage: errors.byPath[name],
    items: items.map((item) => ({
      value: item.value,
      text: item.text,
      ...(item.hint ? { hint: { text: item.hint } } : {}),
      checked: (values[name] ?? '') === item.value,
    })),
  });
  const changes = CHANGE_FIELDS.map((field) => {
    const path = `changes.${field}`;
    const current = t.cycle.currently(answerText(t, fmt, field, exp.card[field]));
    if ((CHOICE_FIELDS as readonly string[]).includes(field)) {
      const answers: Readonly<Record<string, string>> =
        t.card[field as (typeof CHOICE_FIELDS)[number]].answers;
      return {
        kind: 'choice',
        params: {
          ...radios(path, t.card[field].label, [
            { value: '', text: t.cycle.noChange, hint: current },
            ...Object.keys(answers).map((value) => ({ value, text: answers[value] ?? value })),
          ]),
          classes: 'govuk-radios--small',
        },
      };
    }
    const question = t.card[field as (typeof THRESHOLD_FIELDS)[number]];
    return {
      kind: 'threshold',
      params: {
        name: path,
        id: fieldId(path),
        value: values[path],
        inputmode: field === 'extraCost' || field === 'staffHours' ? 'decimal' : 'numeric',
        spellcheck: false,
        autocomplete: 'off',
        classes: 'govuk-input--width-5',
        label: { text: question.label, classes: 'govuk-label--s' },
        hint: { text: current },
        prefix: question.prefix ? { text: question.prefix } : undefined,
        suffix: question.suffix ? { text: question.suffix } : undefined,
        errorMessage: errors.byPath[path],
      },
    };
  });
  const hasChangeErrors = issues.some((issue) => issue.path.startsWith('changes'));
  return ctx.render(
    'cycle/view.njk',
    {
      exp,
      action: cycleHref(exp),
      errorList: errors.list,
      result: radios(
        'result',
        t.cycle.resultLegend,
        RESULTS.map((value) => ({ value, text: t.cycle.results[value] })),
      ),
      observed: {
        name: 'observed',
        id: 'observed',
        rows: 4,
        value: values.observed,
        label: { text: t.cycle.observedLabel, classes: 'govuk-label--s' },
        hint: { text: t.cycle.observedHint },
        errorMessage: errors.byPath.observed,
      },
      learned: {
        name: 'learned',
        id: 'learned',
        rows: 4,
        value: values.learned,
        label: { text: t.cycle.learnedLabel, classes: 'govuk-label--s' },
        hint: { text: t.cycle.learnedHint },
        errorMessage: errors.byPath.learned,
      },
      next: radios(
        'next',
        t.cycle.nextLegend,
        NEXT.map((value) => ({ value, text: t.cycle.nextSteps[value], hint: t.cycle.nextHints[value] })),
      ),
      changes,
      changesOpen:
        hasChangeErrors || CHANGE_FIELDS.some((field) => (values[`changes.${field}`] ?? '') !== ''),
    },
    { title: t.cycle.title, status: issues.length > 0 ? 400 : 200, backLink: experimentHref(exp.id) },
  );
};

const notNow = (ctx: PageContext, exp: Experiment, status: number): WebResponse =>
  ctx.render(
    'case/not-waiting.njk',
    {
      heading: ctx.t.cycle.notNowTitle,
      body: ctx.t.statuses[exp.status],
      experimentHref: experimentHref(exp.id),
    },
    { title: ctx.t.cycle.notNowTitle, status },
  );

/** GET /experiments/:id/cycles/new */
export const newCycle: Controller = async (ctx) => {
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  if (!canRecordCycle(exp, user.id)) return notNow(ctx, exp, exp.owner === user.id ? 409 : 403);
  return showForm(ctx, exp);
};

/** The request body the API would get: card changes only when adapting, and only what changed. */
export const toCycleRequest = (values: Values): unknown => {
  const changes: Record<string, unknown> = {};
  for (const field of CHOICE_FIELDS)
    if (values[`changes.${field}`]) changes[field] = values[`changes.${field}`];
  for (const field of THRESHOLD_FIELDS) {
    const value = parseAmount(values[`changes.${field}`]);
    if (value !== undefined) changes[field] = value;
  }
  return {
    result: values.result || undefined,
    observed: values.observed ?? '',
    learned: values.learned ?? '',
    next: values.next || undefined,
    ...(values.next === 'adapt' && Object.keys(changes).length > 0 ? { changes } : {}),
  };
};

/** POST /experiments/:id/cycles */
export const recordCycle: Controller = async (ctx) => {
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const id = ctx.params.id ?? '';
  const values: Values = {};
  for (const path of CYCLE_PATHS) values[path] = ctx.req.form.get(path) ?? '';
  const parsed = cycleSchema.safeParse(toCycleRequest(values));
  if (!parsed.success) {
    const exp = await ctx.services.experiments.get(user, id);
    if (!canRecordCycle(exp, user.id)) return notNow(ctx, exp, 409);
    return showForm(ctx, exp, values, toIssues(parsed.error));
  }
  try {
    const exp = await ctx.services.experiments.recordCycle(user, id, () => parsed.data);
    const n = ctx.fmt.number(exp.cycles.length);
    ctx.setFlash(
      exp.status === 'escalated'
        ? { kind: 'cycleEscalated' }
        : exp.status === 'adopted' || exp.status === 'abandoned'
          ? { kind: 'cycleClosed', n }
          : { kind: 'cycleRecorded', n },
    );
    return redirect(experimentHref(exp.id));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return notNow(ctx, await ctx.services.experiments.get(user, id), 409);
  }
};
