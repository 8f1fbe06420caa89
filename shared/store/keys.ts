/**
 * The one module that builds every single-table key. Nothing else writes a `pk`, `sk` or `gsi*` value.
 *
 * Item                pk                         sk                gsi keys (sparse)
 * ------------------  -------------------------  ----------------  --------------------------------------------
 * experiment          EXP#<id>                   EXP               gsi1 teamQueue   QUEUE#TEAM#<team> / <escalatedAt>#<id>   (while escalated)
 *                                                                  gsi2 leaderQueue QUEUE#RAISED      / <escalatedAt>#<id>   (while escalated and raised)
 *                                                                  gsi2 pending     QUEUE#ASSESSING   / <createdAt>#<id>     (while assessing)
 *                                                                  gsi3 ownerList   OWNER#<owner>     / <createdAt>#<id>
 *                                                                  gsi4 timeline    LOG               / <createdAt>#<id>
 * idempotency record  IDEMP#<owner>#<key>        IDEMP             (none; expiresAt is the TTL)
 * policy version      POLICY                     V#<000042>
 * current policy      POLICY                     CURRENT
 * stats counter       STATS                      M#<yyyy-mm>#T#<team>#S#<0 or 1>   (see stats.ts)
 * outbox message      OUTBOX#<dedupeKey>         OUTBOX            gsi4 timeline    OUTBOX            / <at>#<dedupeKey>
 * task token          TOKEN#<experimentId>       TOKEN             (none; expiresAt is the TTL, a year on)
 * web session         SESSION#<sessionId>        SESSION           gsi3 personSessions SESSIONS#<userId> / <createdAt>#<sessionId>
 *                                                                  gsi4 allSessions    SESSIONS          / <createdAt>#<sessionId>
 *                                                                  (expiresAt is the TTL, at the session's absolute timeout)
 */
import { GSIS } from './table-design.ts';

export const experimentKey = (id: string) => ({ pk: `EXP#${id}`, sk: 'EXP' });

export const idempotencyKey = (owner: string, key: string) => ({ pk: `IDEMP#${owner}#${key}`, sk: 'IDEMP' });

export const policyVersionKey = (version: number) => ({
  pk: 'POLICY',
  sk: `V#${String(version).padStart(6, '0')}`,
});
export const currentPolicyKey = () => ({ pk: 'POLICY', sk: 'CURRENT' });

export { statsKey } from './stats.ts';

export const outboxKey = (dedupeKey: string) => ({ pk: `OUTBOX#${dedupeKey}`, sk: 'OUTBOX' });

const sortable = (at: string, id: string) => `${at}#${id}`;

/** Named access patterns: each returns the index and the key condition values it queries. */
export const accessPatterns = {
  /** A manager's queue: escalated experiments of one team, oldest first. */
  teamQueue: (team: string) => ({ index: GSIS.teamQueue, pk: `QUEUE#TEAM#${team}` }),
  /** The leaders' queue: escalated experiments raised past their deadline, all teams, oldest first. */
  leaderQueue: () => ({ index: GSIS.leaderQueue, pk: 'QUEUE#RAISED' }),
  /** Experiments still waiting for the card: found and restarted after a crash. */
  pendingAssessment: () => ({ index: GSIS.leaderQueue, pk: 'QUEUE#ASSESSING' }),
  /** A member of staff's own experiments, newest first. */
  ownerList: (owner: string) => ({ index: GSIS.ownerList, pk: `OWNER#${owner}` }),
  /** The whole experiment log, newest first. */
  log: () => ({ index: GSIS.timeline, pk: 'LOG' }),
  /** Local outbox of notifications, in the order they were sent. */
  outbox: () => ({ index: GSIS.timeline, pk: 'OUTBOX' }),
  /** Every web session of one person, so they can all be ended at once. */
  personSessions: (userId: string) => ({ index: GSIS.ownerList, pk: `SESSIONS#${userId}` }),
  /** Every web session, newest first: who is signed in. */
  allSessions: () => ({ index: GSIS.timeline, pk: 'SESSIONS' }),
} as const;

/** GSI attributes an experiment carries in each state; `null` means "remove it". */
export const experimentIndexKeys = (exp: {
  id: string;
  team: string;
  owner: string;
  createdAt: string;
  status: string;
  escalatedAt?: string | undefined;
  raisedToLeaders?: boolean | undefined;
}) => {
  const waiting = exp.status === 'escalated' && exp.escalatedAt !== undefined;
  const queueSort = waiting ? sortable(exp.escalatedAt ?? '', exp.id) : null;
  return {
    gsi1pk: waiting ? accessPatterns.teamQueue(exp.team).pk : null,
    gsi1sk: queueSort,
    ...(exp.status === 'assessing'
      ? { gsi2pk: accessPatterns.pendingAssessment().pk, gsi2sk: sortable(exp.createdAt, exp.id) }
      : {
          gsi2pk: waiting && exp.raisedToLeaders ? accessPatterns.leaderQueue().pk : null,
          gsi2sk: waiting && exp.raisedToLeaders ? queueSort : null,
        }),
    gsi3pk: accessPatterns.ownerList(exp.owner).pk,
    gsi3sk: sortable(exp.createdAt, exp.id),
    gsi4pk: accessPatterns.log().pk,
    gsi4sk: sortable(exp.createdAt, exp.id),
  };
};

export const outboxIndexKeys = (at: string, dedupeKey: string) => ({
  gsi4pk: accessPatterns.outbox().pk,
  gsi4sk: sortable(at, dedupeKey),
});

/**
 * The task token of the wait an experiment's workflow is parked in, in a small item of its own (no index
 * keys), so parking never rewrites the experiment and its index entries. It also names the wait the token
 * answers (a decision on one escalation, or the next cycle), so a token left over from an earlier wait is
 * never sent an answer meant for another. See experiment-store.ts.
 */
export const taskTokenKey = (experimentId: string) => ({ pk: `TOKEN#${experimentId}`, sk: 'TOKEN' });

/** A web session, kept on the server: the cookie holds only its sealed id. See session-store.ts. */
export const sessionKey = (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' });

export const sessionIndexKeys = (session: { id: string; userId: string; createdAt: string }) => ({
  gsi3pk: accessPatterns.personSessions(session.userId).pk,
  gsi3sk: sortable(session.createdAt, session.id),
  gsi4pk: accessPatterns.allSessions().pk,
  gsi4sk: sortable(session.createdAt, session.id),
});
