/**
 * The experiment as information governance may leave it: retention and erasure put `null` where a
 * person's id, name or free text was. A separate type rather than nullable fields on `Experiment`, so
 * code that only ever handles live experiments keeps its guarantees; every `Experiment` is a
 * `StoredExperiment`, and code that reads stored data (pages, CSV, library) widens to this.
 */
import type {
  Authorisation,
  Cycle,
  DecisionRecord,
  Experiment,
  HistoryEntry,
  Hypothesis,
} from './experiment.ts';

/** Ids the service uses for itself ("card" authorised it, "system" raised it): never a person's. */
export const NON_PERSON_IDS: readonly string[] = ['card', 'system'];

/** True for the id of a person; false for the service's own ids and for an id already removed. */
export const isPersonId = (id: string | null | undefined): id is string =>
  typeof id === 'string' && !NON_PERSON_IDS.includes(id);

export type StoredHypothesis = { [K in keyof Hypothesis]: string | null };

export type StoredAuthorisation = Omit<Authorisation, 'by' | 'byName' | 'conditions'> & {
  by: string | null;
  byName?: string | null;
  conditions?: string | null;
};

export type StoredDecision = Omit<DecisionRecord, 'by' | 'byName' | 'reason' | 'conditions'> & {
  by: string | null;
  byName: string | null;
  reason?: string | null;
  conditions?: string | null;
};

export type StoredCycle = Omit<Cycle, 'observed' | 'recordedBy' | 'incidentDetail'> & {
  observed: string | null;
  recordedBy: string | null;
  incidentDetail?: string | null;
};

export type StoredHistoryEntry = Omit<HistoryEntry, 'by' | 'byName' | 'detail'> & {
  by: string | null;
  byName: string | null;
  detail?: string | null;
};

export type StoredExperiment = Omit<
  Experiment,
  'problem' | 'hypothesis' | 'owner' | 'ownerName' | 'authorisation' | 'decision' | 'cycles' | 'history'
> & {
  problem: string | null;
  hypothesis: StoredHypothesis;
  owner: string | null;
  ownerName: string | null;
  authorisation?: StoredAuthorisation;
  decision?: StoredDecision;
  cycles: StoredCycle[];
  history: StoredHistoryEntry[];
};
