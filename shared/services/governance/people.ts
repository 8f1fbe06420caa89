/**
 * A person's records, for information governance: everything held about them (subject access) and
 * their erasure. People are found by their id without a scan: their own experiments through the owner
 * index, the others that name them through their person references (written with every change that
 * names someone besides the owner), audit entries through the actor and target indexes, sessions
 * through the sessions index.
 */
import type { AuditEntry } from '../../domain/audit.ts';
import type { ErasureRequest } from '../../domain/governance-schemas.ts';
import { isPersonId, NOTHING_HELD } from '../../domain/person.ts';
import { erasePerson } from '../../domain/retention.ts';
import type { StoredCycle, StoredExperiment } from '../../domain/stored-experiment.ts';
import { NotFoundError } from '../../errors.ts';
import type { AuditQueries } from '../../store/audit-queries.ts';
import type { StoredAuditEntry } from '../../store/audit-store.ts';
import type { ErasureStore } from '../../store/erasure-store.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import type { SessionStore } from '../../store/session-store.ts';
import type { AuditRecorder } from '../audit-service.ts';
import { requirePermission } from '../rights.ts';
import type { User } from '../user.ts';
import { rewriteExperiment } from './anonymiser.ts';

export interface PersonDecision {
  experimentId: string;
  at: string;
  outcome: 'approve' | 'decline';
  /** The reason or conditions they gave, as the history keeps it. */
  detail: string | null;
}

export interface PersonRecords {
  person: string;
  experiments: StoredExperiment[];
  decisions: PersonDecision[];
  cycles: (StoredCycle & { experimentId: string })[];
  audit: AuditEntry[];
  sessions: number;
}

export interface PeopleDeps {
  store: ExperimentStore;
  auditQueries: AuditQueries;
  audit: AuditRecorder;
  erasures: ErasureStore;
  sessions: Pick<SessionStore, 'endSessionsOf'>;
  countSessions: (personId: string) => Promise<number>;
  now: () => Date;
}

const entryView = ({ seq: _seq, ...entry }: StoredAuditEntry): AuditEntry => entry;

/** The decisions a person recorded on one experiment, from its history, so re-escalations' too. */
const decisionsBy = (exp: StoredExperiment, person: string): PersonDecision[] =>
  exp.history.flatMap((entry) =>
    entry.by === person && (entry.event === 'approved' || entry.event === 'declined')
      ? [
          {
            experimentId: exp.id,
            at: entry.at,
            outcome: entry.event === 'approved' ? 'approve' : 'decline',
            detail: entry.detail ?? null,
          },
        ]
      : [],
  );

const cyclesBy = (exp: StoredExperiment, person: string) =>
  exp.cycles
    .filter((cycle) => cycle.recordedBy === person)
    .map((cycle) => ({ experimentId: exp.id, ...cycle }));

export const peopleRecords = (deps: PeopleDeps) => {
  /** The ids of every experiment that names the person: owned, then named otherwise. */
  const experimentIdsOf = async (personId: string): Promise<string[]> => {
    const ids = new Set<string>();
    for await (const page of deps.store.each(deps.store.patterns.ownerList(personId), {
      newestFirst: true,
    })) {
      for (const exp of page) ids.add(exp.id);
    }
    for (const id of await deps.store.naming(personId)) ids.add(id);
    return [...ids];
  };

  /** Entries where the person acted or was acted on, newest first, each once. */
  const auditAbout = async (personId: string): Promise<AuditEntry[]> => {
    const bySeq = new Map<number, StoredAuditEntry>();
    for (const filters of [{ actor: personId }, { target: personId }]) {
      for await (const page of deps.auditQueries.each(filters, true)) {
        for (const entry of page) bySeq.set(entry.seq, entry);
      }
    }
    return [...bySeq.values()].sort((a, b) => b.seq - a.seq).map(entryView);
  };

  /**
   * Whether anything is held, or ever was: someone erased before stays known (a second erasure answers
   * 0s, never 404), read consistently, whatever the indexes have caught up with.
   */
  const isKnown = async (personId: string): Promise<boolean> =>
    (await deps.erasures.wasErased(personId)) ||
    (await experimentIdsOf(personId)).length > 0 ||
    (await deps.countSessions(personId)) > 0 ||
    (await auditAbout(personId)).length > 0;

  const known = (personId: string): string => {
    if (!isPersonId(personId)) throw new NotFoundError(NOTHING_HELD);
    return personId;
  };

  return {
    /** GET /api/people/{id}/records: everything held about the person; 404 when nothing is. */
    async records(user: User, id: string): Promise<PersonRecords> {
      requirePermission(user, 'findRecords');
      const person = known(id);
      const experiments: StoredExperiment[] = [];
      for (const expId of await experimentIdsOf(person)) {
        const record = await deps.store.get(expId);
        if (record) experiments.push(record.experiment);
      }
      const [audit, sessions] = await Promise.all([auditAbout(person), deps.countSessions(person)]);
      if (experiments.length === 0 && audit.length === 0 && sessions === 0)
        throw new NotFoundError(NOTHING_HELD);
      await deps.audit.record({ actor: user.id, action: 'recordsExport', target: person, outcome: 'done' });
      return {
        person,
        experiments,
        decisions: experiments.flatMap((exp) => decisionsBy(exp, person)),
        cycles: experiments.flatMap((exp) => cyclesBy(exp, person)),
        audit,
        sessions,
      };
    },

    /**
     * POST /api/people/{id}/erasure: the person's id and name become null wherever an experiment holds
     * them (all text kept), their sessions end, and they are marked erased first, so a change naming
     * them that was under way is either found here or refused. 404 when nothing is held; again, 0s.
     */
    async erase(
      user: User,
      id: string,
      readBody: () => ErasureRequest,
    ): Promise<{ experiments: number; entries: number }> {
      requirePermission(user, 'erasePeople');
      const person = known(id);
      if (!(await isKnown(person))) throw new NotFoundError(NOTHING_HELD);
      // Read only once the person is known to be someone: an unknown id is 404 whatever the body says.
      const body = readBody();
      await deps.erasures.markErased({
        person,
        by: user.id,
        at: deps.now().toISOString(),
        reason: body.reason,
      });
      const audit = { actor: user.id, action: 'erasure', target: person, outcome: 'done' } as const;
      let experiments = 0;
      let entries = 0;
      // Read again after the mark: what committed before it is now found, and nothing can follow it.
      for (const expId of await experimentIdsOf(person)) {
        const done = await rewriteExperiment(
          deps.store,
          expId,
          (exp) => {
            const erased = erasePerson(exp, person);
            if (erased.entries === 0) return undefined;
            return { experiment: erased.experiment, forget: [person], ownerRemoved: exp.owner === person };
          },
          audit,
        );
        if (done) {
          experiments++;
          entries += erasePerson(done.before, person).entries;
        }
      }
      const ended = await deps.sessions.endSessionsOf(person);
      if (ended > 0) await deps.audit.record({ ...audit, action: 'sessionEnded' });
      // Each experiment changed carries its own entry; a request that changed none still leaves one.
      if (experiments === 0) await deps.audit.record(audit);
      return { experiments, entries };
    },
  };
};

export type PeopleRecords = ReturnType<typeof peopleRecords>;
