/**
 * Retention and erasure: the one anonymiser that both use. Retention removes every person and all the
 * free text but the learning; erasure removes one person and keeps all the text. Both are idempotent,
 * so a retried job or a second request changes nothing, and neither is ever undone.
 */
import {
  isPersonId,
  type StoredAuthorisation,
  type StoredCycle,
  type StoredDecision,
  type StoredExperiment,
  type StoredHistoryEntry,
} from './stored-experiment.ts';

export type RetentionPeriod = { months: number } | { seconds: number };

/** The spec's default until the council sets `retentionMonths` from its retention schedule. */
export const DEFAULT_RETENTION: RetentionPeriod = { months: 72 };

/**
 * When a closed experiment falls due. Calendar months, in UTC, keeping the time of day; a day the
 * month lacks moves back to its last day (31 August + 6 months is 28 or 29 February), never forward
 * into the month after.
 */
export const retainUntil = (closedAt: string, period: RetentionPeriod): string => {
  const at = new Date(closedAt);
  if ('seconds' in period) return new Date(at.getTime() + period.seconds * 1000).toISOString();
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + period.months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), lastDay);
  const time = [at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()] as const;
  return new Date(Date.UTC(year, month, day, ...time)).toISOString();
};

/** True when retention should anonymise it now; false once it has been. */
export const isDueForAnonymisation = (
  exp: Pick<StoredExperiment, 'retainUntil' | 'anonymised'>,
  at: string,
): boolean =>
  exp.retainUntil !== undefined && exp.anonymised !== true && Date.parse(exp.retainUntil) <= Date.parse(at);

// Optional text stays absent when it was absent: null means "there was something, and it went".
const emptied = <T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Partial<Record<K, null>> =>
  Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, null])) as Partial<
    Record<K, null>
  >;

const anonymousAuthorisation = (auth: StoredAuthorisation): StoredAuthorisation => ({
  ...auth,
  ...(isPersonId(auth.by) ? { by: null, byName: null } : {}),
  ...emptied(auth, ['conditions']),
});

const anonymousDecision = (decision: StoredDecision): StoredDecision => ({
  ...decision,
  by: null,
  byName: null,
  ...emptied(decision, ['reason', 'conditions']),
});

const anonymousCycle = (cycle: StoredCycle): StoredCycle => ({
  ...cycle,
  recordedBy: isPersonId(cycle.recordedBy) ? null : cycle.recordedBy,
  observed: null,
  ...emptied(cycle, ['incidentDetail']),
});

// Entries the card or the workflow wrote keep their generated text ("No decision by the deadline.");
// a person's entry loses its detail, which copies what they wrote (a decline reason, a lesson).
const anonymousEntry = (entry: StoredHistoryEntry): StoredHistoryEntry =>
  isPersonId(entry.by) || entry.by === null
    ? { ...entry, by: null, byName: null, ...emptied(entry, ['detail']) }
    : entry;

/**
 * Retention's anonymisation, as the spec says: every person's id and name becomes null; of the free
 * text only `title` and each cycle's `result`, `learned` and `next` stay. The first `anonymisedAt` is
 * kept, so running it again gives the same experiment.
 */
export const anonymise = (exp: StoredExperiment, at: string): StoredExperiment => {
  const { authorisation, decision } = exp;
  return {
    ...exp,
    owner: null,
    ownerName: null,
    problem: null,
    hypothesis: { weBelieve: null, toTestIt: null, measure: null, rightIf: null },
    ...(authorisation ? { authorisation: anonymousAuthorisation(authorisation) } : {}),
    ...(decision ? { decision: anonymousDecision(decision) } : {}),
    cycles: exp.cycles.map(anonymousCycle),
    history: exp.history.map(anonymousEntry),
    anonymised: true,
    anonymisedAt: exp.anonymisedAt ?? at,
    updatedAt: exp.anonymised ? exp.updatedAt : at,
  };
};

/**
 * Erasure of one person: their id and name become null wherever they appear, all free text stays.
 * `entries` counts the places changed (the owner, the authorisation, the decision, each history entry,
 * each cycle); 0 means the experiment came back untouched and need not be written.
 */
export const erasePerson = (
  exp: StoredExperiment,
  personId: string,
): { experiment: StoredExperiment; entries: number } => {
  if (!isPersonId(personId)) return { experiment: exp, entries: 0 };
  let entries = 0;
  const names = (id: string | null | undefined): boolean => {
    if (id !== personId) return false;
    entries++;
    return true;
  };
  const { authorisation, decision } = exp;
  const next: StoredExperiment = {
    ...exp,
    ...(names(exp.owner) ? { owner: null, ownerName: null } : {}),
    ...(authorisation && names(authorisation.by)
      ? { authorisation: { ...authorisation, by: null, byName: null } }
      : {}),
    ...(decision && names(decision.by) ? { decision: { ...decision, by: null, byName: null } } : {}),
    history: exp.history.map((entry) => (names(entry.by) ? { ...entry, by: null, byName: null } : entry)),
    cycles: exp.cycles.map((cycle) => (names(cycle.recordedBy) ? { ...cycle, recordedBy: null } : cycle)),
  };
  return entries === 0 ? { experiment: exp, entries } : { experiment: next, entries };
};
