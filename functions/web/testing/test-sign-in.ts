/**
 * A sign-in adapter for the pages' in-process tests. The tests sign people in themselves (the client's
 * `signInAs` makes the session, as a sign-in would), and a refresh reads `people` as it is then, so a
 * test can change someone's roles or remove them. The real adapters have tests of their own: Cognito's
 * in ../auth, the demo users' in test/web.
 */
import type { User } from '#shared/services/user.ts';
import type { SignIn } from '../sign-in.ts';

/** The people of the pages' tests: staff in two teams, a manager of each, and a leader. */
export const TEST_PEOPLE = {
  sam: { id: 'sam', name: 'Sam Patel', team: 'early-help', roles: ['staff'] },
  rhys: { id: 'rhys', name: 'Rhys Evans', team: 'youth-justice', roles: ['staff'] },
  megan: { id: 'megan', name: 'Megan Jones', team: 'early-help', roles: ['staff', 'manager'] },
  owen: { id: 'owen', name: 'Owen Price', team: 'youth-justice', roles: ['staff', 'manager'] },
  carys: { id: 'carys', name: 'Carys Morgan', team: 'children-services', roles: ['leader'] },
} as const satisfies Record<string, User>;

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
