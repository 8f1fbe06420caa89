/**
 * Manager cover: set, list and end it (`/api/cover`), and what the experiment use cases and the
 * workflow ask of it: the cover a manager gives now, and who covers a team now. The rules are in
 * `shared/domain/cover.ts`; this module reads what they need and stores what they decide.
 */
import { randomUUID } from 'node:crypto';
import {
  type Cover,
  type CoverIssue,
  type CoverRequest,
  canEndCover,
  coverActive,
  coverFor,
  coverPeriod,
  validateCover,
} from '../domain/cover.ts';
import { addDays, formatIsoDate, londonDate } from '../domain/uk-time.ts';
import { ConflictError, ExplainedValidationError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { CoverStore, StoredCover } from '../store/cover-store.ts';
import type { DirectoryStore } from '../store/directory-store.ts';
import { PersonErased } from '../store/transactions.ts';
import type { FreeTextWarnings } from './experiments/free-text.ts';
import { retryOnConflict } from './retry-on-conflict.ts';
import { requirePermission } from './rights.ts';
import type { User } from './user.ts';

export const NO_COVER = 'There is no cover with that id that you can see.';
export const COVER_OVER = 'This cover has already ended.';
const ERASED =
  'One of the people this cover names has had their records erased by information governance, so it cannot be set.';

export interface CoverDeps {
  covers: CoverStore;
  directory: Pick<DirectoryStore, 'get' | 'managers'>;
  now: () => Date;
}

/**
 * Cover whose last day is yesterday (London) or later: a key range that holds all cover not yet over
 * whatever the offset between London and UTC, narrowed exactly by the domain's rules after.
 */
const notOverKey = (at: Date): string => formatIsoDate(addDays(londonDate(at), -1));

const byStart = (a: Cover, b: Cover) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id);

/** What the experiment use cases and the workflow need of cover: one query each, only when it matters. */
export const coverLookup = (deps: Pick<CoverDeps, 'covers' | 'now'>) => ({
  /** The cover `user` gives now (none for anyone not a manager): one query on the cover-manager index. */
  async activeFor(user: User): Promise<Cover[]> {
    if (!user.roles.includes('manager')) return [];
    const at = deps.now();
    const covers = await deps.covers.coveredBy(user.id, notOverKey(at));
    return covers.filter((cover) => coverActive(cover, at));
  },

  /** Who covers `team` now, by id and name (the notifier's audience): one consistent read. */
  async coverManagersOf(team: string): Promise<{ userId: string; name: string }[]> {
    const at = deps.now();
    const { covers } = await deps.covers.team(team);
    return (covers as StoredCover[])
      .filter((cover) => coverActive(cover, at))
      .map((cover) => ({ userId: cover.coverBy, name: cover.coverByName ?? cover.coverBy }));
  },
});

export type CoverLookup = ReturnType<typeof coverLookup>;

/** A cover request the domain refused (400); the pages word each issue's `problem` in their language. */
const refused = (issues: readonly CoverIssue[]) =>
  new ExplainedValidationError(
    issues[0]?.message ?? 'The cover is not valid.',
    issues.map(({ path, message }) => ({ path, message })),
    issues.map(({ path, problem }) => ({ path, problem })),
  );

export const coverService = (deps: CoverDeps) => {
  const setOnce = async (user: User, body: CoverRequest): Promise<StoredCover & FreeTextWarnings> => {
    const at = deps.now();
    const team = await deps.covers.team(body.team ?? user.team);
    const coverBy = await deps.directory.get(body.coverBy);
    const checked = validateCover(body, { actor: user, coverBy, existing: team.covers, now: at });
    if (!checked.ok && checked.refusal === 'forbidden') throw new ForbiddenError(checked.message);
    if (!checked.ok) throw refused(checked.issues);
    const cover: StoredCover = {
      ...checked.cover,
      id: randomUUID(),
      coverByName: coverBy?.name ?? body.coverBy,
      setBy: user.id,
      setByName: user.name,
      setAt: at.toISOString(),
    };
    const audit = { actor: user.id, action: 'coverSet', target: cover.id, outcome: 'done' } as const;
    await deps.covers.set(cover, team, audit, at);
    return checked.warnings ? { ...cover, warnings: checked.warnings } : cover;
  };

  const endOnce = async (user: User, id: string): Promise<StoredCover> => {
    const at = deps.now();
    const cover = await deps.covers.get(id);
    if (!cover || !canEndCover(user, cover)) throw new NotFoundError(NO_COVER);
    if (coverPeriod(cover).end.getTime() <= at.getTime()) throw new ConflictError(COVER_OVER);
    const team = await deps.covers.team(cover.team);
    const audit = { actor: user.id, action: 'coverEnded', target: cover.id, outcome: 'done' } as const;
    return deps.covers.end(cover, team, { at, by: user.id }, audit);
  };

  return {
    /**
     * `POST /api/cover`: a manager for their own team, a leader for any. Checked by the domain against
     * the directory and the team's cover read consistently; stored with its audit entry on condition the
     * team's cover did not change meanwhile (else checked again), so overlapping cover is never stored.
     * A reason that identifies someone is refused as any other free text is (400, nothing stored); one
     * that may narrow someone down is stored, with `warnings` in the answer.
     */
    async set(user: User, readBody: () => CoverRequest): Promise<StoredCover & FreeTextWarnings> {
      requirePermission(user, 'setCover');
      const body = readBody();
      try {
        return await retryOnConflict(() => setOnce(user, body));
      } catch (error) {
        if (error instanceof PersonErased) throw new ForbiddenError(ERASED);
        throw error;
      }
    },

    /** `GET /api/cover`: cover not yet over that the caller gives, gets or (a leader) oversees, soonest first. */
    async list(user: User): Promise<StoredCover[]> {
      requirePermission(user, 'setCover');
      const at = deps.now();
      const from = notOverKey(at);
      const found = user.roles.includes('leader')
        ? await deps.covers.all(from)
        : [
            ...((await deps.covers.team(user.team)).covers as StoredCover[]),
            ...(await deps.covers.coveredBy(user.id, from)),
          ];
      const byId = new Map(found.map((cover) => [cover.id, cover]));
      return (coverFor(user, [...byId.values()], at) as StoredCover[]).sort(byStart);
    },

    /** `DELETE /api/cover/{id}`: ends cover early (a leader, a manager of the team, or the cover manager). */
    async end(user: User, id: string): Promise<StoredCover> {
      requirePermission(user, 'setCover');
      return retryOnConflict(() => endOnce(user, id));
    },

    /** The managers the cover form offers: every manager in the directory but the caller, by team and name. */
    async managers(user: User): Promise<{ id: string; name: string; team: string }[]> {
      requirePermission(user, 'setCover');
      const managers = await deps.directory.managers();
      return managers
        .filter((m) => m.id !== user.id)
        .map((m) => ({ id: m.id, name: m.name, team: m.team }))
        .sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name));
    },
  };
};

export type CoverService = ReturnType<typeof coverService>;
