/**
 * Manager cover: while a team's manager is away, another manager stands in for them on the team's
 * escalated cases, so they do not wait for the deadline and land on leaders who did not ask for them.
 *
 * Dates are London calendar days and both ends are inclusive: cover "from 1 July to 14 July" starts at
 * midnight at the start of 1 July and ends by itself at midnight at the end of 14 July.
 */

import {
  checkFreeText,
  type FreeTextCheck,
  PERSONAL_DETAIL_MESSAGES,
  type PersonalDetailError,
} from './personal-details.ts';
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

/**
 * What is wrong with a cover request, one kind per problem, so each language can word it in its own
 * words (the pages); `COVER_MESSAGES` words it for the API. Dates are `YYYY-MM-DD`.
 */
export type CoverProblem =
  | { kind: 'coverByMissing' | 'coverBySelf' | 'coverByUnknown' }
  | { kind: 'coverByNotManager'; name: string }
  | { kind: 'fromMissing' | 'fromInvalid' | 'fromPast' | 'toMissing' | 'toInvalid' | 'toBeforeFrom' }
  | { kind: 'tooLong'; last: string }
  | { kind: 'overlap'; from: string; to: string }
  | { kind: 'reasonTooLong' }
  | { kind: 'reasonIdentifies'; detail: PersonalDetailError };

export type CoverProblemKind = CoverProblem['kind'];

export const MAX_COVER_REASON = 500;

/** The API's words for each problem, in the words of the page's labels; dates in `formatLongDate`'s form. */
export const COVER_MESSAGES = {
  coverByMissing: 'Select the manager who will cover',
  coverBySelf: 'You cannot cover for yourself: select another manager',
  coverByUnknown: 'Select a manager who has signed in to Fail Forward at least once',
  coverByNotManager: (name: string) =>
    `${name} is not a manager, so they cannot decide cases: select a manager`,
  fromMissing: 'Enter the first day of cover',
  fromInvalid: 'The first day of cover must be a real date, like 2026-07-01',
  fromPast: 'The first day of cover must be today or in the future',
  toMissing: 'Enter the last day of cover',
  toInvalid: 'The last day of cover must be a real date, like 2026-07-14',
  toBeforeFrom: 'The last day of cover must be the same as or after the first day',
  tooLong: (last: string) =>
    `Cover can last up to ${MAX_COVER_DAYS} days: the last day of cover must be ${last} or before`,
  overlap: (from: string, to: string) =>
    `This team already has cover from ${from} to ${to}: choose days that do not overlap, or end that cover first`,
  reasonTooLong: `The reason must be ${MAX_COVER_REASON} characters or fewer`,
} satisfies Record<Exclude<CoverProblemKind, 'reasonIdentifies'>, string | ((...words: string[]) => string)>;

const longDate = (iso: string) => {
  const date = parseIsoDate(iso);
  return date ? formatLongDate(date) : iso;
};

/** A problem in the API's words. */
export const coverMessage = (problem: CoverProblem): string => {
  switch (problem.kind) {
    case 'coverByNotManager':
      return COVER_MESSAGES.coverByNotManager(problem.name);
    case 'tooLong':
      return COVER_MESSAGES.tooLong(longDate(problem.last));
    case 'overlap':
      return COVER_MESSAGES.overlap(longDate(problem.from), longDate(problem.to));
    case 'reasonIdentifies':
      return PERSONAL_DETAIL_MESSAGES[problem.detail];
    default:
      return COVER_MESSAGES[problem.kind];
  }
};

export interface CoverIssue {
  path: 'coverBy' | 'from' | 'to' | 'reason';
  message: string;
  problem: CoverProblem;
}

export type CoverValidation =
  | {
      ok: true;
      cover: Omit<Cover, 'id' | 'endedAt'>;
      /** A reason that may narrow someone down (a postcode, a date of birth): stored, but said. */
      warnings?: FreeTextCheck['warnings'];
    }
  | { ok: false; refusal: 'forbidden'; message: string }
  | { ok: false; refusal: 'invalid'; issues: CoverIssue[] };

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

const issue = (path: CoverIssue['path'], problem: CoverProblem): CoverIssue => ({
  path,
  message: coverMessage(problem),
  problem,
});

const dateIssues = (request: CoverRequest, today: CalendarDate) => {
  const issues: CoverIssue[] = [];
  const from = parseIsoDate(request.from);
  const to = parseIsoDate(request.to);
  if (request.from === '') issues.push(issue('from', { kind: 'fromMissing' }));
  else if (!from) issues.push(issue('from', { kind: 'fromInvalid' }));
  else if (compareDates(from, today) < 0) issues.push(issue('from', { kind: 'fromPast' }));
  if (request.to === '') issues.push(issue('to', { kind: 'toMissing' }));
  else if (!to) issues.push(issue('to', { kind: 'toInvalid' }));
  if (!from || !to || issues.length > 0) return { issues, from, to };
  if (compareDates(to, from) < 0) {
    issues.push(issue('to', { kind: 'toBeforeFrom' }));
  } else if (daysBetween(from, to) + 1 > MAX_COVER_DAYS) {
    issues.push(issue('to', { kind: 'tooLong', last: formatIsoDate(addDays(from, MAX_COVER_DAYS - 1)) }));
  }
  return { issues, from, to };
};

const coverByProblem = (
  request: CoverRequest,
  actor: CoverActor,
  entry: DirectoryEntry | undefined,
): CoverProblem | null => {
  if (request.coverBy === '') return { kind: 'coverByMissing' };
  if (request.coverBy === actor.id) return { kind: 'coverBySelf' };
  if (!entry || entry.id !== request.coverBy) return { kind: 'coverByUnknown' };
  if (!entry.groups.includes('manager')) return { kind: 'coverByNotManager', name: entry.name };
  return null;
};

/** The team's cover that the wanted days overlap, if any. */
const overlapIssue = (team: string, from: CalendarDate, to: CalendarDate, existing: readonly Cover[]) => {
  const wanted = coverPeriod({ from: formatIsoDate(from), to: formatIsoDate(to) });
  const clash = existing.find((cover) => {
    if (cover.team !== team) return false;
    const period = coverPeriod(cover);
    return wanted.start < period.end && period.start < wanted.end;
  });
  return clash ? [issue('from', { kind: 'overlap', from: clash.from, to: clash.to })] : [];
};

/**
 * The reason is free text shown to the cover manager and leaders and kept in people's records, and
 * "covering while Jo is in hospital, ring 07700 900123" is easy to type: as long as the page allows,
 * and checked for personal details as every other free text is.
 */
const reasonCheck = (reason: string | undefined, now: Date) => {
  if (reason === undefined) return { issues: [], warnings: [] };
  if (reason.length > MAX_COVER_REASON)
    return { issues: [issue('reason', { kind: 'reasonTooLong' })], warnings: [] };
  const { errors, warnings } = checkFreeText([{ path: 'reason', text: reason }], { today: now });
  return {
    issues: errors.map(({ kind }) => issue('reason', { kind: 'reasonIdentifies', detail: kind })),
    warnings,
  };
};

/**
 * Checks a cover request from `actor`. A manager sets cover for their own team (the default), a
 * leader for any; anyone else, or a manager naming another team, is refused outright (403). The cover
 * must be by a manager in the directory, never the caller, for 1 to 90 days from today on, and not
 * overlap cover the team already has; its reason may not identify anyone (400, every issue at once).
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
  const dates = dateIssues(request, londonDate(now));
  const { from, to } = dates;
  const byProblem = coverByProblem(request, actor, context.coverBy);
  const reason = reasonCheck(request.reason, now);
  const issues = [
    ...(byProblem ? [issue('coverBy', byProblem)] : []),
    ...dates.issues,
    ...(dates.issues.length === 0 && from && to ? overlapIssue(team, from, to, context.existing) : []),
    ...reason.issues,
  ];
  if (issues.length > 0 || !from || !to) return { ok: false, refusal: 'invalid', issues };
  const cover = { team, coverBy: request.coverBy, from: formatIsoDate(from), to: formatIsoDate(to) };
  return {
    ok: true,
    cover: request.reason === undefined ? cover : { ...cover, reason: request.reason },
    ...(reason.warnings.length > 0 ? { warnings: reason.warnings } : {}),
  };
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
