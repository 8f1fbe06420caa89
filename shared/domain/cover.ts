/**
 * Manager cover: while a team's manager is away, another manager stands in for them on the team's
 * escalated cases, so they do not wait for the deadline and land on leaders who did not ask for them.
 *
 * Dates are London calendar days and both ends are inclusive: cover "from 1 July to 14 July" starts at
 * midnight at the start of 1 July and ends by itself at midnight at the end of 14 July.
 */
import {
  addDays,
  type CalendarDate,
  compareDates,
  daysBetween,
  formatIsoDate,
  formatLongDate,
  londonDate,
  parseIsoDate,
  startOfLondonDay,
} from './uk-time.ts';

export const MAX_COVER_DAYS = 90;

/** Structural, so this module needs nothing from the access rules it will be wired into. */
export interface CoverActor {
  id: string;
  team: string;
  roles: readonly string[];
}

/** A person the service has seen (the directory). */
export interface DirectoryEntry {
  id: string;
  name: string;
  team: string;
  groups: readonly string[];
  lastSeenAt: string;
}

export interface CoverRequest {
  team?: string;
  coverBy: string;
  from: string;
  to: string;
  reason?: string;
}

export interface Cover {
  id: string;
  team: string;
  coverBy: string;
  /** `YYYY-MM-DD`, London days, both inclusive. */
  from: string;
  to: string;
  reason?: string;
  /** Set when someone ended it early. */
  endedAt?: string;
}

export type CoverValidation =
  | { ok: true; cover: Omit<Cover, 'id' | 'endedAt'> }
  | { ok: false; refusal: 'forbidden'; message: string }
  | { ok: false; refusal: 'invalid'; issues: { path: string; message: string }[] };

const isLeader = (actor: CoverActor) => actor.roles.includes('leader');
const isManager = (actor: CoverActor) => actor.roles.includes('manager');

/** The moment cover starts and the moment it ends by itself or was ended, whichever is sooner. */
export const coverPeriod = (cover: Pick<Cover, 'from' | 'to' | 'endedAt'>): { start: Date; end: Date } => {
  const from = parseIsoDate(cover.from);
  const to = parseIsoDate(cover.to);
  if (!from || !to) return { start: new Date(0), end: new Date(0) };
  const start = startOfLondonDay(from);
  const naturalEnd = startOfLondonDay(addDays(to, 1)).getTime();
  const ended = cover.endedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(cover.endedAt);
  return { start, end: new Date(Math.min(naturalEnd, ended)) };
};

/** True while cover runs: from its first moment, up to but not including its end. */
export const coverActive = (cover: Pick<Cover, 'from' | 'to' | 'endedAt'>, at: Date): boolean => {
  const { start, end } = coverPeriod(cover);
  return start.getTime() <= at.getTime() && at.getTime() < end.getTime();
};

const dateIssues = (request: CoverRequest, today: CalendarDate) => {
  const issues: { path: string; message: string }[] = [];
  const from = parseIsoDate(request.from);
  const to = parseIsoDate(request.to);
  if (!from) issues.push({ path: 'from', message: 'Enter the start date as a real date, like 2026-07-01' });
  else if (compareDates(from, today) < 0)
    issues.push({ path: 'from', message: 'The start date must be today or in the future' });
  if (!to) issues.push({ path: 'to', message: 'Enter the end date as a real date, like 2026-07-14' });
  if (!from || !to || issues.length > 0) return { issues, from, to };
  if (compareDates(to, from) < 0) {
    issues.push({ path: 'to', message: 'The end date must be the same as or after the start date' });
  } else if (daysBetween(from, to) + 1 > MAX_COVER_DAYS) {
    const last = formatLongDate(addDays(from, MAX_COVER_DAYS - 1));
    issues.push({
      path: 'to',
      message: `Cover can last up to ${MAX_COVER_DAYS} days: end it on ${last} or before`,
    });
  }
  return { issues, from, to };
};

const coverByIssue = (request: CoverRequest, actor: CoverActor, entry: DirectoryEntry | undefined) => {
  if (request.coverBy === actor.id) return 'You cannot cover for yourself: choose another manager';
  if (!entry || entry.id !== request.coverBy)
    return 'Choose a manager who has signed in to Fail Forward at least once';
  if (!entry.groups.includes('manager')) return `${entry.name} is not a manager, so they cannot decide cases`;
  return null;
};

/**
 * Checks a cover request from `actor`. A manager sets cover for their own team (the default), a
 * leader for any; anyone else, or a manager naming another team, is refused outright (403). The cover
 * must be by a manager in the directory, never the caller, for 1 to 90 days from today on, and not
 * overlap cover the team already has (400, an issue per field).
 */
export const validateCover = (
  request: CoverRequest,
  context: { actor: CoverActor; coverBy: DirectoryEntry | undefined; existing: readonly Cover[]; now: Date },
): CoverValidation => {
  const { actor, now } = context;
  const team = request.team ?? actor.team;
  if (!isLeader(actor) && !isManager(actor)) {
    return { ok: false, refusal: 'forbidden', message: 'Only a manager or a leader can set cover' };
  }
  if (!isLeader(actor) && team !== actor.team) {
    return { ok: false, refusal: 'forbidden', message: 'You can only set cover for your own team' };
  }
  const { issues, from, to } = dateIssues(request, londonDate(now));
  if (issues.length === 0 && from && to) {
    const wanted = coverPeriod({ from: formatIsoDate(from), to: formatIsoDate(to) });
    const clash = context.existing.find((cover) => {
      if (cover.team !== team) return false;
      const period = coverPeriod(cover);
      return wanted.start < period.end && period.start < wanted.end;
    });
    if (clash) {
      const [start, end] = [clash.from, clash.to].map((d) => formatLongDate(parseIsoDate(d) ?? from));
      const message = `This team already has cover from ${start} to ${end}: choose dates that do not overlap, or end that cover first`;
      issues.push({ path: 'from', message });
    }
  }
  const byIssue = coverByIssue(request, actor, context.coverBy);
  if (byIssue) issues.unshift({ path: 'coverBy', message: byIssue });
  if (issues.length > 0 || !from || !to) return { ok: false, refusal: 'invalid', issues };
  const cover = { team, coverBy: request.coverBy, from: formatIsoDate(from), to: formatIsoDate(to) };
  return { ok: true, cover: request.reason === undefined ? cover : { ...cover, reason: request.reason } };
};

/** The teams `actor` covers at `at`. A cover manager who is no longer a manager covers nothing. */
export const coveredTeams = (actor: CoverActor, covers: readonly Cover[], at: Date): string[] =>
  isManager(actor)
    ? [...new Set(covers.filter((c) => c.coverBy === actor.id && coverActive(c, at)).map((c) => c.team))]
    : [];

/**
 * What cover adds to `canView`: while it runs, the cover manager sees the team's escalated cases as
 * the team's own manager does. To be or-ed with `canView`, never instead of it.
 */
export const coverAllowsView = (
  actor: CoverActor,
  exp: { team: string; everEscalated: boolean },
  covers: readonly Cover[],
  at: Date,
): boolean => exp.everEscalated && coveredTeams(actor, covers, at).includes(exp.team);

/** What cover adds to `canDecide`: the team's cases while it runs, never the cover manager's own. */
export const coverAllowsDecide = (
  actor: CoverActor,
  exp: { owner: string; team: string },
  covers: readonly Cover[],
  at: Date,
): boolean => actor.id !== exp.owner && coveredTeams(actor, covers, at).includes(exp.team);

/** Who may end cover early: a leader, a manager of the team, or the cover manager standing down. */
export const canEndCover = (actor: CoverActor, cover: Pick<Cover, 'team' | 'coverBy'>): boolean =>
  isLeader(actor) || (isManager(actor) && actor.team === cover.team) || actor.id === cover.coverBy;

/** `GET /api/cover`: cover not yet over that the caller gives, gets, or (a leader) oversees. */
export const coverFor = (actor: CoverActor, covers: readonly Cover[], at: Date): Cover[] =>
  covers.filter(
    (cover) =>
      coverPeriod(cover).end.getTime() > at.getTime() &&
      (isLeader(actor) || cover.coverBy === actor.id || (isManager(actor) && cover.team === actor.team)),
  );
