import { isPersonId } from '#shared/domain/person.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import { escapeHtml } from '../../presenters.ts';
import { IDLE_TIMEOUT_MS } from '../../session.ts';

const endHref = (id: string) => `/people/end-sessions?${new URLSearchParams({ person: id })}`;

/** The list of people signed in, and the form to end someone's sessions by id, with `error` on its field. */
const showList = async (ctx: PageContext, typed = '', error?: string): Promise<WebResponse> => {
  const { t, fmt, now } = ctx;
  const user = signedIn(ctx);
  const people = await ctx.people.signedIn(user, IDLE_TIMEOUT_MS);
  const rows = people.map((person) => [
    { text: person.name },
    { text: teamName(t, person.team) },
    { text: fmt.relative(new Date(person.lastSeenAt).toISOString(), now) },
    { text: fmt.number(person.sessions), format: 'numeric' },
    {
      html: `<a class="govuk-link" href="${escapeHtml(endHref(person.id))}">${escapeHtml(t.people.endLink)}<span class="govuk-visually-hidden">${escapeHtml(t.people.endLinkHidden(person.name))}</span></a>`,
    },
  ]);
  return ctx.render(
    'people/view.njk',
    {
      rows,
      typed,
      errorList: error ? [{ text: error, href: '#person' }] : [],
      personError: error ? { text: error } : undefined,
    },
    { title: t.people.title, status: error ? 400 : 200 },
  );
};

/** GET /people: who is signed in now, most recently seen first (leaders). */
export const showPeople: Controller = (ctx) => showList(ctx);

/** The person a leader asked for, or undefined when what they typed names nobody. */
const personAsked = (value: string | null) => {
  const id = (value ?? '').trim();
  return isPersonId(id) ? id : undefined;
};

/** GET /people/end-sessions?person=<id>: are you sure? */
export const confirmEndSessions: Controller = async (ctx) => {
  const { t } = ctx;
  const person = personAsked(ctx.req.query.get('person'));
  if (!person) return showList(ctx, ctx.req.query.get('person') ?? '', t.people.idError);
  const known = (await ctx.people.signedIn(signedIn(ctx), Number.POSITIVE_INFINITY)).find(
    (p) => p.id === person,
  );
  const name = known?.name ?? person;
  return ctx.render(
    'people/confirm.njk',
    { person, heading: t.people.confirmTitle(name) },
    { title: t.people.confirmTitle(name), backLink: '/people' },
  );
};

/** POST /people/end-sessions: ends every session of the person, then back to the list with what was done. */
export const endSessions: Controller = async (ctx) => {
  const person = personAsked(ctx.req.form.get('person'));
  if (!person) return showList(ctx, ctx.req.form.get('person') ?? '', ctx.t.people.idError);
  const user = signedIn(ctx);
  const known = (await ctx.people.signedIn(user, Number.POSITIVE_INFINITY)).find((p) => p.id === person);
  const { ended } = await ctx.people.endSessionsOf(user, person);
  ctx.setFlash({ kind: 'sessionsEnded', name: known?.name ?? person, n: ended });
  return redirect('/people');
};
