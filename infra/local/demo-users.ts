/**
 * The demo users of one machine. They live in `demo-users.json` in the data folder, written from the
 * defaults below on the first start and never overwritten, so that changing someone's groups or team in
 * that file takes effect, like a change in Cognito does in AWS, within the session refresh interval.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';
import { rolesFromClaim } from '#shared/domain/access.ts';
import { PERSON_ID } from '#shared/domain/person.ts';
import { TEAM_SLUG } from '#shared/domain/teams.ts';
import type { User } from '#shared/services/user.ts';
import { PEOPLE, type Person } from '#test/support/fixtures.ts';

/**
 * The people a local sign-in offers at first: staff in two teams, a manager of each, a leader, and the
 * council's information governance officer.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  PEOPLE.sam,
  PEOPLE.rhys,
  PEOPLE.megan,
  PEOPLE.owen,
  PEOPLE.carys,
  PEOPLE.gwen,
];

/** The file's name in the data folder. */
export const DEMO_USERS_FILE = 'demo-users.json';

/** One entry of the file: the same fields as a `POST /local/token` body. */
export type DemoUser = Person;

const fileSchema = z.lazy(() =>
  z.array(
    z.object({
      sub: z.string().regex(PERSON_ID),
      name: z.string().min(1).max(200),
      groups: z.array(z.string()),
      team: z.string(),
    }),
  ),
);

/** Writes the defaults if the file is not there yet; an existing file, edited or not, is left alone. */
export const ensureDemoUsersFile = (file: string): void => {
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${JSON.stringify(DEMO_USERS, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
};

/** The demo users as the file says now. Throws when it cannot be read or is not a list of people. */
export const readDemoUsers = async (file: string): Promise<DemoUser[]> =>
  fileSchema.parse(JSON.parse(await readFile(file, 'utf8')));

/**
 * The person a demo user is, or undefined when the file gives them no group or team of ours: read the
 * way a Cognito token is (rolesFromClaim fails closed on any group it does not know).
 */
export const demoPerson = (user: DemoUser): User | undefined => {
  const roles = rolesFromClaim(user.groups);
  if (!roles || !TEAM_SLUG.test(user.team)) return undefined;
  return { id: user.sub, name: user.name, team: user.team, roles };
};
