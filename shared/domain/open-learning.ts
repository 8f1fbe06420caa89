/**
 * The learning library as open data, in the schema published at docs/open-learning.schema.json, so that
 * another council's tool can import it: stable ids (a URN naming the publishing council and the
 * experiment's own UUID), teams by name and slug, dates, statuses, every lesson, the licence and the
 * publisher, and nothing that identifies a person (an entry holds no name or id of one to begin with).
 * Text that information governance or the retention schedule removed is null, never the marker the
 * pages show, so an importer never indexes "[Removed by information governance]" as if it were a lesson.
 */
import type { LibraryEntry, LibraryStatus } from './library-entry.ts';
import { REDACTED } from './redaction.ts';
import { type TeamLanguage, teamName } from './teams.ts';

export const OPEN_LEARNING_SCHEMA_ID = 'urn:fail-forward:schema:open-learning:1';

export const OPEN_GOVERNMENT_LICENCE = {
  name: 'Open Government Licence v3.0',
  id: 'OGL-UK-3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const;

export interface Publisher {
  /** The council's name, as people know it. */
  name: string;
  /** A short slug for the council, part of every entry's id: set once and never changed. */
  id: string;
}

type Text = string | null;

export interface OpenLearningCycle {
  number: number;
  result: LibraryEntry['cycles'][number]['result'];
  observed: Text;
  learned: Text;
  next: LibraryEntry['cycles'][number]['next'];
  at: string;
}

export interface OpenLearningEntry {
  id: string;
  experimentId: string;
  title: Text;
  team: { id: string; name: Record<TeamLanguage, string> };
  status: LibraryStatus;
  language: 'en' | 'cy';
  problem: Text;
  hypothesis: { weBelieve: Text; toTestIt: Text; measure: Text; rightIf: Text };
  cycles: OpenLearningCycle[];
  declineReason: Text;
  createdAt: string;
  closedAt: Text;
  modifiedAt: string;
}

export interface OpenLearning {
  $schema: typeof OPEN_LEARNING_SCHEMA_ID;
  title: string;
  publisher: Publisher;
  licence: typeof OPEN_GOVERNMENT_LICENCE;
  generatedAt: string;
  entries: OpenLearningEntry[];
}

/** A council's name as the slug of its ids: lower case, letters and digits joined by single hyphens. */
export const publisherId = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'council';

export const entryUrn = (publisher: Publisher, experimentId: string): string =>
  `urn:fail-forward:${publisher.id}:experiment:${experimentId}`;

const published = (text: string | null | undefined): Text =>
  typeof text === 'string' && text !== REDACTED ? text : null;

export interface OpenLearningSource {
  entry: LibraryEntry;
  /** When the entry last changed: an importer can take only what changed since its last import. */
  modifiedAt: string;
  language: 'en' | 'cy';
}

export const toOpenLearningEntry = (
  publisher: Publisher,
  { entry, modifiedAt, language }: OpenLearningSource,
): OpenLearningEntry => ({
  id: entryUrn(publisher, entry.id),
  experimentId: entry.id,
  title: published(entry.title),
  team: { id: entry.team, name: { ...teamName(entry.team) } },
  status: entry.status,
  language,
  problem: published(entry.problem),
  hypothesis: {
    weBelieve: published(entry.hypothesis.weBelieve),
    toTestIt: published(entry.hypothesis.toTestIt),
    measure: published(entry.hypothesis.measure),
    rightIf: published(entry.hypothesis.rightIf),
  },
  cycles: entry.cycles.map((cycle, i) => ({
    number: i + 1,
    result: cycle.result,
    observed: published(cycle.observed),
    learned: published(cycle.learned),
    next: cycle.next,
    at: cycle.at,
  })),
  declineReason: entry.status === 'declined' ? published(entry.declineReason) : null,
  createdAt: entry.createdAt,
  closedAt: entry.closedAt,
  modifiedAt,
});

/** The whole library as one open-data document, oldest idea first (ties by id), so two exports compare line by line. */
export const toOpenLearning = (
  sources: readonly OpenLearningSource[],
  publisher: Publisher,
  generatedAt: string,
): OpenLearning => ({
  $schema: OPEN_LEARNING_SCHEMA_ID,
  title: `What ${publisher.name} learnt from testing new ideas`,
  publisher,
  licence: OPEN_GOVERNMENT_LICENCE,
  generatedAt,
  entries: [...sources]
    .sort((a, b) =>
      a.entry.createdAt === b.entry.createdAt
        ? a.entry.id < b.entry.id
          ? -1
          : 1
        : a.entry.createdAt < b.entry.createdAt
          ? -1
          : 1,
    )
    .map((source) => toOpenLearningEntry(publisher, source)),
});
