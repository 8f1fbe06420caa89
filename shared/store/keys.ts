/**
 * The one module that builds every single-table key. Nothing else writes a `pk`, `sk` or `gsi*` value.
 *
 * Item                  pk                         sk                               index keys (sparse) and access pattern
 * --------------------  -------------------------  -------------------------------  ---------------------------------------------------------------
 * experiment            EXP#<id>                   EXP                              gsi1 QUEUE#TEAM#<team> / <escalatedAt>#<id>  teamQueue          (while escalated)
 *                                                                                   gsi1 RETAIN            / <retainUntil>#<id>  retention          (final, until anonymised)
 *                                                                                   gsi2 QUEUE#RAISED      / <escalatedAt>#<id>  leaderQueue        (while escalated and raised)
 *                                                                                   gsi2 QUEUE#ASSESSING   / <createdAt>#<id>    pendingAssessment  (while assessing)
 *                                                                                   gsi3 OWNER#<owner>     / <createdAt>#<id>    ownerList          (while it has an owner)
 *                                                                                   gsi4 LOG               / <createdAt>#<id>    log
 *                                                                                   gsi5 WORKFLOWS#ACTIVE  / <createdAt>#<id>    activeWorkflows    (while not final)
 * idempotency record    IDEMP#<owner>#<key>        IDEMP                            (none; owner and key URI-encoded; expiresAt is the TTL, a week on)
 * policy version        POLICY                     V#<000042>                       (none)
 * current policy        POLICY                     CURRENT                          (none)
 * stats counter         STATS                      M#<yyyy-mm>#T#<team>#S#<0 or 1>  (none; see stats.ts)
 * calibration counter   CALIB                      M#<yyyy-mm>#T#<team>#S#<0 or 1>  (none; see calibration-counters.ts)
 * calibration answers   CALIB                      A#<yyyy-mm>#S#<0 or 1>           (none; see calibration-counters.ts)
 * sent notification     OUTBOX#<dedupeKey>         OUTBOX                           gsi4 OUTBOX / <at>#<dedupeKey>              sentNotifications
 *                                                                                   (expiresAt is the TTL, 400 days on)
 * task token            TOKEN#<experimentId>       TOKEN                            (none; expiresAt is the TTL, a year on; see shared/workflow/task-tokens.ts)
 * signing key           KEY#<purpose>              KEY                              (none; made once, see signing-keys.ts)
 * index backfill mark   BACKFILL#<index>           BACKFILL                         (none; written once the index holds every old item, see active-workflows.ts)
 * web session           SESSION#<sessionId>        SESSION                          gsi3 SESSIONS#<userId> / <createdAt>#<sessionId>  personSessions
 *                                                                                   gsi4 SESSIONS          / <createdAt>#<sessionId>  allSessions
 *                                                                                   (expiresAt is the TTL, at the session's absolute timeout)
 * library entry         LIB#<experimentId>         LIB                              gsi4 LIBRARY / <changedAt>#<experimentId>  libraryChanges
 *                                                                                   (written in the experiment's own transaction; an entry that left the
 *                                                                                   library stays as a tombstone with no entry, so warm indexes see it go)
 * library snapshot      LIBSNAP                    CURRENT                          (none; names the current snapshot of the search index, see library-snapshots.ts)
 * snapshot chunk        LIBSNAP#<snapshotId>       CHUNK#<0000>                     (none; the gzipped snapshot in pieces under the item size limit)
 * audit entry           AUDIT                      <at>#<seq>                       gsi1 AUDIT#ACTOR#<actor>   / <at>#<seq>     auditByActor
 *                                                                                   gsi2 AUDIT#TARGET#<target> / <at>#<seq>     auditByTarget (when it has one)
 *                                                                                   gsi3 AUDIT#ACTION#<action> / <at>#<seq>     auditByAction
 *                                                                                   (expiresAt: a backstop TTL a month after auditRetentionMonths)
 * audit chain head      AUDITHEAD                  HEAD                             (none; the newest entry's seq, hash and at: see audit-store.ts)
 * audit chain anchor    AUDITHEAD                  ANCHOR                           (none; seq and hash of the newest entry retention removed)
 * person reference      PERSON#<personId>          EXP#<experimentId>               (none; "this experiment names this person", beside the owner index)
 * erased person         ERASED#<personId>          ERASED                           (none; changes that name a person are conditional on its absence)
 * erasure request       ERASED#<personId>          REQUEST#<at>                     (none; who asked and why; expiresAt as audit entries)
 * directory entry       DIRECTORY                  PERSON#<personId>                gsi2 DIRECTORY#MANAGERS / <team>#<personId>  managers    (while a manager)
 *                                                                                   (a person the service has seen; expiresAt: 400 days after lastSeenAt)
 * cover                 COVER#<coverId>            COVER                            gsi1 COVER#BY#<coverBy>  / <to>#<coverId>  coversBy
 *                                                                                   gsi3 COVERS              / <to>#<coverId>  allCovers
 *                                                                                   gsi4 COVER#SETBY#<setBy> / <to>#<coverId>  coversSetBy  (while setBy is known)
 *                                                                                   (expiresAt: a year after `to`)
 * team's cover          COVERTEAM#<team>           COVERTEAM                        (none; the team's cover not yet over, and a version every change of it
 *                                                                                   is conditional on, so two overlapping covers can never both be set)
 * allowance balance     ALLOWANCE#<yyyy>           TEAM#<team>                      (none; drawnPence of one team in the financial year starting 1 April yyyy)
 * owed workflow work    OWED                       <at>#<experimentId>#<work>       (none; a serious incident's report or an adoption's notice the workflow
 *                                                                                   owes, written with the change that owes it; see owed-work.ts)
 *
 * The indexes are named gsi1 to gsi5 (table-design.ts) because several patterns share one; each pattern
 * has its own partition, so they never read each other's items.
 */
import { isFinalStatus, type Status } from '../domain/status.ts';
import { GSIS } from './table-design.ts';

export type Index = (typeof GSIS)[keyof typeof GSIS];

/** One partition of one index: what a query reads. */
export interface AccessPattern {
  index: Index;
  pk: string;
}

export const experimentKey = (id: string) => ({ pk: `EXP#${id}`, sk: 'EXP' });

/** Both parts are encoded, so no owner id (even one holding `#`) can make another owner's key. */
export const idempotencyKey = (owner: string, key: string) => ({
  pk: `IDEMP#${encodeURIComponent(owner)}#${encodeURIComponent(key)}`,
  sk: 'IDEMP',
});

export const policyVersionKey = (version: number) => ({
  pk: 'POLICY',
  sk: `V#${String(version).padStart(6, '0')}`,
});
export const currentPolicyKey = () => ({ pk: 'POLICY', sk: 'CURRENT' });
export const policyVersionsPrefix = () => ({ pk: 'POLICY', skPrefix: 'V#' });

export { statsKey, statsRange } from './stats.ts';

/** Calibration counters of one calendar month and team, on one of two shards (calibration-counters.ts). */
export const calibrationKey = (month: string, team: string, shard: number) => ({
  pk: 'CALIB',
  sk: `M#${month}#T#${team}#S#${shard}`,
});

/** The calibration counters of whole months, `fromMonth` to `toMonth` (`YYYY-MM`), for one query. */
export const calibrationRange = (fromMonth: string, toMonth: string) => ({
  pk: 'CALIB',
  from: `M#${fromMonth}#`,
  to: `M#${toMonth}#~`,
});

/** Calibration counters by answer of one calendar month, all teams, on one of two shards. */
export const calibrationAnswersKey = (month: string, shard: number) => ({
  pk: 'CALIB',
  sk: `A#${month}#S#${shard}`,
});

/** The calibration counters by answer of whole months, `fromMonth` to `toMonth`, for one query. */
export const calibrationAnswersRange = (fromMonth: string, toMonth: string) => ({
  pk: 'CALIB',
  from: `A#${fromMonth}#`,
  to: `A#${toMonth}#~`,
});

/** A calibration item's month, and its team (none for an item of counters by answer). */
export const parseCalibrationKey = (sk: string): { month: string; team?: string } | undefined => {
  const team = /^M#(\d{4}-\d{2})#T#(.+)#S#\d+$/.exec(sk);
  if (team) return { month: team[1] as string, team: team[2] as string };
  const answers = /^A#(\d{4}-\d{2})#S#\d+$/.exec(sk);
  return answers ? { month: answers[1] as string } : undefined;
};

export const sentNotificationKey = (dedupeKey: string) => ({ pk: `OUTBOX#${dedupeKey}`, sk: 'OUTBOX' });

export const taskTokenKey = (experimentId: string) => ({ pk: `TOKEN#${experimentId}`, sk: 'TOKEN' });

/** What the application signs with a key of its own (see signing-keys.ts). */
export type SigningKeyPurpose = 'cursor';

export const signingKeyKey = (purpose: SigningKeyPurpose) => ({ pk: `KEY#${purpose}`, sk: 'KEY' });

/** The mark that an index added after items were written now holds every old item too. */
export const backfillKey = (index: 'gsi5') => ({ pk: `BACKFILL#${index}`, sk: 'BACKFILL' });

const sortable = (at: string, id: string) => `${at}#${id}`;

/** An experiment's entry in the learning library (see library-store.ts). */
export const libraryEntryKey = (experimentId: string) => ({ pk: `LIB#${experimentId}`, sk: 'LIB' });

/** Which snapshot of the library's search index is current. */
export const librarySnapshotKey = () => ({ pk: 'LIBSNAP', sk: 'CURRENT' });

/** One piece of a stored snapshot, numbered from 0. */
export const librarySnapshotChunkKey = (snapshotId: string, chunk: number) => ({
  pk: `LIBSNAP#${snapshotId}`,
  sk: `CHUNK#${String(chunk).padStart(4, '0')}`,
});

// ---- Information governance: the audit trail, person references, erasure requests -------------

/** The partition every audit entry is in, and the chain's head and anchor (see audit-store.ts). */
export const AUDIT_PARTITIONS = { entries: 'AUDIT', head: 'AUDITHEAD' } as const;

/** Sequence numbers are zero-padded, so `<at>#<seq>` sorts as the chain runs (`at` never goes back). */
const seqText = (seq: number) => String(seq).padStart(12, '0');

export const auditEntryKey = (at: string, seq: number) => ({
  pk: AUDIT_PARTITIONS.entries,
  sk: `${at}#${seqText(seq)}`,
});
export const auditHeadKey = () => ({ pk: AUDIT_PARTITIONS.head, sk: 'HEAD' });
export const auditAnchorKey = () => ({ pk: AUDIT_PARTITIONS.head, sk: 'ANCHOR' });

/** The sort-key bounds of a time range of audit entries (ISO date-times, inclusive). */
export const auditRange = (from: string | undefined, to: string | undefined): [string, string] => [
  from ?? '0',
  `${to ?? '9'}~`,
];

export const personRefKey = (personId: string, experimentId: string) => ({
  pk: `PERSON#${encodeURIComponent(personId)}`,
  sk: `EXP#${experimentId}`,
});
export const personRefPartition = (personId: string) => `PERSON#${encodeURIComponent(personId)}`;

/** That a person was erased: no change may name them afterwards (see experiment-store.ts). */
export const erasedKey = (personId: string) => ({
  pk: `ERASED#${encodeURIComponent(personId)}`,
  sk: 'ERASED',
});

export const erasureRequestKey = (personId: string, at: string) => ({
  pk: `ERASED#${encodeURIComponent(personId)}`,
  sk: `REQUEST#${at}`,
});

// ---- Version 2: the people directory, manager cover, the innovation allowance ----------------

/** Every directory entry is in one partition, so read-only functions may refresh it (registry: every route). */
export const DIRECTORY_PARTITION = 'DIRECTORY';

export const directoryKey = (personId: string) => ({
  pk: DIRECTORY_PARTITION,
  sk: `PERSON#${encodeURIComponent(personId)}`,
});

/** Where a manager's entry sits among the managers: by team, so one team's are a prefix. */
export const managerIndexKeys = (entry: { id: string; team: string }) => ({
  [GSIS.gsi2.partitionKey]: 'DIRECTORY#MANAGERS',
  [GSIS.gsi2.sortKey]: `${entry.team}#${encodeURIComponent(entry.id)}`,
});

/** The sort-key prefix of one team's managers (a team id never holds `#`). */
export const managersOfTeamPrefix = (team: string) => `${team}#`;

export const coverKey = (coverId: string) => ({ pk: `COVER#${coverId}`, sk: 'COVER' });

export const teamCoverKey = (team: string) => ({ pk: `COVERTEAM#${team}`, sk: 'COVERTEAM' });

/** Cover is sorted by its last day, so "not over yet" is a key range: `to` on or after a date. */
export const coverIndexKeys = (cover: { id: string; coverBy: string; setBy: string | null; to: string }) => {
  const sort = sortable(cover.to, cover.id);
  return {
    [GSIS.gsi1.partitionKey]: accessPatterns.coversBy(cover.coverBy).pk,
    [GSIS.gsi1.sortKey]: sort,
    [GSIS.gsi3.partitionKey]: accessPatterns.allCovers().pk,
    [GSIS.gsi3.sortKey]: sort,
    ...(cover.setBy === null
      ? {}
      : {
          [GSIS.gsi4.partitionKey]: accessPatterns.coversSetBy(cover.setBy).pk,
          [GSIS.gsi4.sortKey]: sort,
        }),
  };
};

/** A team's balance of its innovation allowance in the financial year that starts on 1 April `year`. */
export const allowanceBalanceKey = (year: number, team: string) => ({
  pk: allowanceYearPartition(year),
  sk: `TEAM#${team}`,
});
export const allowanceYearPartition = (year: number) => `ALLOWANCE#${year}`;
export const teamOfAllowanceKey = (sk: string): string | undefined =>
  sk.startsWith('TEAM#') ? sk.slice('TEAM#'.length) : undefined;

/**
 * What the workflow owes an experiment beyond driving it (owed-work.ts): one partition, read whole by
 * reconciliation, since an item lives only from the change that owes the work until the work is done.
 * `work` is `incident#<cycle>` or `adoption`; `at` is when the cycle was recorded.
 */
export const OWED_WORK_PARTITION = 'OWED';
export const owedWorkKey = (at: string, experimentId: string, work: string) => ({
  pk: OWED_WORK_PARTITION,
  sk: `${at}#${experimentId}#${work}`,
});

/** Named access patterns: each returns the index and the partition it queries. */
export const accessPatterns = {
  /** A manager's queue: escalated experiments of one team, oldest first. */
  teamQueue: (team: string): AccessPattern => ({ index: GSIS.gsi1, pk: `QUEUE#TEAM#${team}` }),
  /** The leaders' queue: escalated experiments raised past their deadline, all teams, oldest first. */
  leaderQueue: (): AccessPattern => ({ index: GSIS.gsi2, pk: 'QUEUE#RAISED' }),
  /** Experiments still waiting for the card: found and restarted after a crash. */
  pendingAssessment: (): AccessPattern => ({ index: GSIS.gsi2, pk: 'QUEUE#ASSESSING' }),
  /** A member of staff's own experiments, newest first. */
  ownerList: (owner: string): AccessPattern => ({ index: GSIS.gsi3, pk: `OWNER#${owner}` }),
  /** The whole experiment log, newest first. */
  log: (): AccessPattern => ({ index: GSIS.gsi4, pk: 'LOG' }),
  /** Experiments some workflow must still drive (not final): reconciliation's round, without a scan. */
  activeWorkflows: (): AccessPattern => ({ index: GSIS.gsi5, pk: 'WORKFLOWS#ACTIVE' }),
  /** Every notification sent (or, on one machine, recorded instead of sent), in order. */
  sentNotifications: (): AccessPattern => ({ index: GSIS.gsi4, pk: 'OUTBOX' }),
  /** Every web session of one person, so they can all be ended at once. */
  personSessions: (userId: string): AccessPattern => ({ index: GSIS.gsi3, pk: `SESSIONS#${userId}` }),
  /** Every web session, newest first: who is signed in. */
  allSessions: (): AccessPattern => ({ index: GSIS.gsi4, pk: 'SESSIONS' }),
  /** Every library entry (and tombstone) by when it last changed: what changed since a moment, or all. */
  libraryChanges: (): AccessPattern => ({ index: GSIS.gsi4, pk: 'LIBRARY' }),
  /**
   * Closed experiments by the moment retention anonymises them, soonest first. On gsi1 because a final
   * experiment never waits in a team's queue again: gsi1 holds each experiment's queue entry only while
   * it is escalated, and a final status is never escalated, so the two never meet on one item.
   */
  retention: (): AccessPattern => ({ index: GSIS.gsi1, pk: 'RETAIN' }),
  /** Audit entries by who acted, by what they acted on, and by kind; each ordered by time. */
  auditByActor: (actor: string): AccessPattern => ({
    index: GSIS.gsi1,
    pk: `AUDIT#ACTOR#${encodeURIComponent(actor)}`,
  }),
  auditByTarget: (target: string): AccessPattern => ({
    index: GSIS.gsi2,
    pk: `AUDIT#TARGET#${encodeURIComponent(target)}`,
  }),
  /** Managers in the directory, by team (see `managersOfTeamPrefix`): the cover form's choices. */
  managers: (): AccessPattern => ({ index: GSIS.gsi2, pk: 'DIRECTORY#MANAGERS' }),
  /** Cover one manager gives, by its last day: what a manager's requests read to know what they cover. */
  coversBy: (personId: string): AccessPattern => ({
    index: GSIS.gsi1,
    pk: `COVER#BY#${encodeURIComponent(personId)}`,
  }),
  /** Cover set by one person: found for subject access and erasure. */
  coversSetBy: (personId: string): AccessPattern => ({
    index: GSIS.gsi4,
    pk: `COVER#SETBY#${encodeURIComponent(personId)}`,
  }),
  /** Every cover, by its last day: what a leader sees. */
  allCovers: (): AccessPattern => ({ index: GSIS.gsi3, pk: 'COVERS' }),
  auditByAction: (action: string): AccessPattern => ({
    index: GSIS.gsi3,
    pk: `AUDIT#ACTION#${encodeURIComponent(action)}`,
  }),
} as const;

/** The index keys of an audit entry: its actor, its target (when it has one) and its kind. */
export const auditIndexKeys = (
  entry: { at: string; actor: string; action: string; target: string | null },
  seq: number,
) => {
  const sort = `${entry.at}#${seqText(seq)}`;
  return {
    [GSIS.gsi1.partitionKey]: accessPatterns.auditByActor(entry.actor).pk,
    [GSIS.gsi1.sortKey]: sort,
    ...(entry.target === null
      ? {}
      : {
          [GSIS.gsi2.partitionKey]: accessPatterns.auditByTarget(entry.target).pk,
          [GSIS.gsi2.sortKey]: sort,
        }),
    [GSIS.gsi3.partitionKey]: accessPatterns.auditByAction(entry.action).pk,
    [GSIS.gsi3.sortKey]: sort,
  };
};

/** The index attributes an experiment carries in each state; `null` means "remove it". */
export const experimentIndexKeys = (exp: {
  id: string;
  team: string;
  owner: string | null;
  createdAt: string;
  status: Status;
  escalatedAt?: string | undefined;
  raisedToLeaders?: boolean | undefined;
  retainUntil?: string | undefined;
  anonymised?: boolean | undefined;
}): Record<string, string | null> => {
  const { gsi1, gsi2, gsi3, gsi4, gsi5 } = GSIS;
  const active = !isFinalStatus(exp.status);
  const waiting = exp.status === 'escalated' && exp.escalatedAt !== undefined;
  const queueSort = waiting ? sortable(exp.escalatedAt ?? '', exp.id) : null;
  const raised = waiting && exp.raisedToLeaders === true;
  const assessing = exp.status === 'assessing';
  // Only final experiments carry retainUntil; `!waiting` keeps the two uses of gsi1 apart all the same.
  const retained = !waiting && exp.retainUntil !== undefined && exp.anonymised !== true;
  return {
    [gsi1.partitionKey]: waiting
      ? accessPatterns.teamQueue(exp.team).pk
      : retained
        ? accessPatterns.retention().pk
        : null,
    [gsi1.sortKey]: queueSort ?? (retained ? sortable(exp.retainUntil ?? '', exp.id) : null),
    [gsi2.partitionKey]: assessing
      ? accessPatterns.pendingAssessment().pk
      : raised
        ? accessPatterns.leaderQueue().pk
        : null,
    [gsi2.sortKey]: assessing ? sortable(exp.createdAt, exp.id) : raised ? queueSort : null,
    // Erased or anonymised: nobody's list holds it any more.
    [gsi3.partitionKey]: exp.owner === null ? null : accessPatterns.ownerList(exp.owner).pk,
    [gsi3.sortKey]: exp.owner === null ? null : sortable(exp.createdAt, exp.id),
    [gsi4.partitionKey]: accessPatterns.log().pk,
    [gsi4.sortKey]: sortable(exp.createdAt, exp.id),
    [gsi5.partitionKey]: active ? accessPatterns.activeWorkflows().pk : null,
    [gsi5.sortKey]: active ? sortable(exp.createdAt, exp.id) : null,
  };
};

export const sentNotificationIndexKeys = (at: string, dedupeKey: string) => ({
  [GSIS.gsi4.partitionKey]: accessPatterns.sentNotifications().pk,
  [GSIS.gsi4.sortKey]: sortable(at, dedupeKey),
});

/** Where a library entry sits in the change index: sorted by when it last changed. */
export const libraryEntryIndexKeys = (changedAt: string, experimentId: string) => ({
  [GSIS.gsi4.partitionKey]: accessPatterns.libraryChanges().pk,
  [GSIS.gsi4.sortKey]: sortable(changedAt, experimentId),
});

/** A web session, kept on the server: the cookie holds only its sealed id. See session-store.ts. */
export const sessionKey = (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' });

export const sessionIndexKeys = (session: { id: string; userId: string; createdAt: string }) => ({
  [GSIS.gsi3.partitionKey]: accessPatterns.personSessions(session.userId).pk,
  [GSIS.gsi3.sortKey]: sortable(session.createdAt, session.id),
  [GSIS.gsi4.partitionKey]: accessPatterns.allSessions().pk,
  [GSIS.gsi4.sortKey]: sortable(session.createdAt, session.id),
});
