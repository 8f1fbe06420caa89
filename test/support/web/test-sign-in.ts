/**
 * A sign-in adapter for the pages' in-process tests. The tests sign people in themselves (the client's
 * `signInAs` makes the session, as a sign-in would), and a refresh reads `people` as it is then, so a
 * test can change someone's roles or remove them. The real adapters have tests of their own: Cognito's
 * in functions/web/auth, the demo users' in test/web/demo-sign-in.test.ts.
 */
import type { SignIn } from '#functions/web/sign-in.ts';
import type { User } from '#shared/services/user.ts';
import { PEOPLE, userOf } from '../fixtures.ts';

/** The people of the pages' tests, the demo users: staff in two teams, a manager of each, a leader, and an information governance officer. */
export const TEST_PEOPLE = {
  sam: userOf(PEOPLE.sam),
  rhys: userOf(PEOPLE.rhys),
  megan: userOf(PEOPLE.megan),
  owen: userOf(PEOPLE.owen),
  carys: userOf(PEOPLE.carys),
  gwen: userOf(PEOPLE.gwen),
};

export type TestPerson = keyof typeof TEST_PEOPLE;

export const testSignIn = (people: Map<string, User>): SignIn & { refreshes: string[] } => {
  const refreshes: string[] = [];
  return {
    refreshes,
    routes: [],
    start: async (ctx, returnTo) =>
      ctx.render(
        'errors/view.njk',
        { heading: ctx.t.signIn.title, body: returnTo ?? '' },
        { title: ctx.t.signIn.title },
      ),
    async refresh({ user }) {
      refreshes.push(user.id);
      const now = people.get(user.id);
      return now ? { status: 'current', user: now } : { status: 'ended' };
    },
    signedOut: async () => '/',
    formTargets: () => [],
  };
};
