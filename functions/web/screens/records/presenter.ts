/**
 * A person's records in the page's language: the experiments that name them, the decisions and test
 * cycles they recorded, the audit entries about them and their sessions, as the service returns them.
 */
import type { AuditEntry } from '#shared/domain/audit.ts';
import { isPersonId } from '#shared/domain/person.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';
import type { PersonRecords } from '#shared/services/governance/people.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';
import { experimentHref, linkHtml, statusTag, tagHtml } from '../../presenters.ts';

/** The person asked for, or undefined when what was typed is no user id. */
export const personAsked = (value: string | null): string | undefined => {
  const id = (value ?? '').trim();
  return isPersonId(id) ? id : undefined;
};

export const recordsHref = (person: string) => `/records?${new URLSearchParams({ person })}`;
export const downloadHref = (person: string) => `/records/download.json?${new URLSearchParams({ person })}`;
export const erasureHref = (person: string) => `/records/erasure?${new URLSearchParams({ person })}`;

const titleOf = (experiments: readonly StoredExperiment[], id: string): string =>
  experiments.find((exp) => exp.id === id)?.title ?? id;

/** Audit entries as rows: when, who, what, about what, and how it ended. Shared with the audit page. */
export const auditRows = (t: Messages, fmt: Formatter, entries: readonly AuditEntry[]) =>
  entries.map((entry) => [
    { html: `<time datetime="${entry.at}">${fmt.dateTime(entry.at)}</time>` },
    { text: entry.actor, classes: 'ff-break-all' },
    { text: t.auditTrail.actions[entry.action] },
    { text: entry.target ?? t.common.empty, classes: 'ff-break-all' },
    { text: t.auditTrail.outcomes[entry.outcome] },
  ]);

export const recordsModel = (t: Messages, fmt: Formatter, records: PersonRecords) => {
  const { person, experiments } = records;
  const experimentRows = experiments.map((exp) => [
    { html: linkHtml(experimentHref(exp.id), exp.title ?? t.common.empty) },
    { html: tagHtml(statusTag(t, exp.status)) },
    { text: exp.owner === person ? t.records.roleOwner : t.records.roleNamed },
    { text: fmt.date(exp.updatedAt) },
  ]);
  const decisionRows = records.decisions.map((d) => [
    { html: linkHtml(experimentHref(d.experimentId), titleOf(experiments, d.experimentId)) },
    { text: fmt.dateTime(d.at) },
    { text: t.records.outcomes[d.outcome] },
    { text: d.detail ?? t.common.empty },
  ]);
  const cycleRows = records.cycles.map((c) => [
    { html: linkHtml(experimentHref(c.experimentId), titleOf(experiments, c.experimentId)) },
    { text: fmt.number(c.number), format: 'numeric' },
    { text: fmt.date(c.recordedAt) },
    { text: t.experiment.results[c.result] },
  ]);
  return {
    person,
    heading: t.records.resultsTitle(person),
    summary: [
      [t.records.experimentsHeading, experiments.length],
      [t.records.decisionsHeading, records.decisions.length],
      [t.records.cyclesHeading, records.cycles.length],
      [t.records.auditHeading, records.audit.length],
      [t.records.sessionsLabel, records.sessions],
    ].map(([key, n]) => ({ key: { text: String(key) }, value: { text: fmt.number(Number(n)) } })),
    experimentRows,
    decisionRows,
    cycleRows,
    auditRows: auditRows(t, fmt, records.audit),
    downloadHref: downloadHref(person),
    erasureHref: erasureHref(person),
  };
};
