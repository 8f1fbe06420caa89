/**
 * The sign-in port's demo adapter, for one machine only: the sign-in page offers the people of
 * `demo-users.json` and anyone may be anyone. Only `infra/local/web-route.ts` injects it, so the deployed
 * web bundle holds none of it (test/infra/web-bundle.test.ts proves that on the built bundle).
 */
import { join } from 'node:path';
import type { Controller, PageContext } from '#functions/web/context.ts';
import { redirect, safeReturnPath, type WebResponse } from '#functions/web/http.ts';
import { teamName } from '#functions/web/i18n/index.ts';
import { landingFor, type SignIn } from '#functions/web/sign-in.ts';
import { type DemoUser, demoPerson, readDemoUsers } from './demo-users.ts';

/** The demo sign-in's own view, added to the pages' template folders by web-route.ts. */
export const DEMO_VIEWS = join(import.meta.dirname, 'views');

const showUsers = (
  ctx: PageContext,
  users: DemoUser[],
  returnTo: string | undefined,
  error?: string,
): WebResponse => {
  const { t } = ctx;
  const items = users.flatMap((entry) => {
    const person = demoPerson(entry);
    if (!person) return [];
    const roles = person.roles.map((role) => t.roles[role]).join(', ');
    return [{ value: person.id, text: t.signIn.userLabel(person.name, teamName(t, person.team), roles) }];
  });
  const errorList = error ? [{ text: error, href: '#user' }] : [];
  return ctx.render(
    'demo-sign-in.njk',
    { items, returnTo, errorList, userError: error ? { text: error } : undefined },
    { title: t.signIn.title, status: error ? 400 : 200 },
  );
};

export const demoSignIn = (opts: { file: string }): SignIn => {
  /** POST /sign-in: sign in as the chosen demo user, as the file describes them now. */
  const signInAs: Controller = async (ctx) => {
    const returnTo = safeReturnPath(ctx.req.form.get('returnTo'), ctx.config.publicUrl);
    const users = await readDemoUsers(opts.file);
    const chosen = users.find((entry) => entry.sub === ctx.req.form.get('user'));
    const user = chosen && demoPerson(chosen);
    if (!user) return showUsers(ctx, users, returnTo, ctx.t.signIn.error);
    await ctx.signIn(user);
    return redirect(returnTo ?? landingFor(user));
  };

  return {
    routes: [{ method: 'POST', path: '/sign-in', access: 'public', handler: signInAs }],
    start: async (ctx, returnTo) => showUsers(ctx, await readDemoUsers(opts.file), returnTo),
    async refresh({ user }) {
      let users: DemoUser[];
      try {
        users = await readDemoUsers(opts.file);
      } catch {
        // Half-saved by an editor, say: keep everyone as they were and read it again next time.
        return { status: 'unavailable' };
      }
      const entry = users.find((candidate) => candidate.sub === user.id);
      const person = entry && demoPerson(entry);
      return person ? { status: 'current', user: person } : { status: 'ended' };
    },
    signedOut: async () => '/',
    formTargets: () => [],
  };
};
