/** Small library entries for the engine's unit tests (the bench's labelled set is never used here). */
import type { LibraryEntry } from '#shared/library/types.ts';

const base = {
  hypothesis: { weBelieve: null, toTestIt: null, measure: null, rightIf: null },
  cycles: [],
  closedAt: null,
};

export const entry = (fields: Partial<LibraryEntry> & Pick<LibraryEntry, 'id' | 'title'>): LibraryEntry => ({
  ...base,
  team: 'early-help',
  status: 'testing',
  problem: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

export const ENTRIES: LibraryEntry[] = [
  entry({
    id: 'calling',
    title: 'Calling families in the evening',
    problem: 'Working families do not answer during the day.',
    team: 'early-help',
    status: 'adopted',
    createdAt: '2026-01-05T00:00:00.000Z',
  }),
  entry({
    id: 'parent',
    title: 'A buddy for each parent',
    problem: 'A new parent feels alone at the start of family support.',
    team: 'family-support',
    status: 'testing',
    createdAt: '2026-01-04T00:00:00.000Z',
  }),
  entry({
    id: 'reparation',
    title: 'Reparation in a community garden',
    problem: 'Litter picking feels like punishment.',
    team: 'youth-justice',
    status: 'adopted',
    createdAt: '2026-01-03T00:00:00.000Z',
    cycles: [
      {
        result: 'worked',
        observed: 'Neighbours thanked the young people.',
        learned: 'Visible work keeps young people coming.',
        next: 'adopt',
        at: '2026-02-01T00:00:00.000Z',
      },
    ],
  }),
  entry({
    id: 'career',
    title: 'Career advice at the youth club',
    problem: 'Teenagers leave school without a plan.',
    team: 'youth-justice',
    status: 'abandoned',
    createdAt: '2026-01-02T00:00:00.000Z',
  }),
  entry({
    id: 'welsh-carers',
    title: 'Clwb ar ôl ysgol i ofalwyr ifanc',
    problem: 'Does gan ofalwyr ifanc ddim amser i weld ffrindiau achos maen nhw’n gofalu am eu teulu.',
    team: 'young-carers',
    status: 'testing',
    createdAt: '2026-01-06T00:00:00.000Z',
  }),
  entry({
    id: 'welsh-walking',
    title: 'Bws cerdded i’r ysgol',
    problem: 'Mae plant yn hwyr i’r ysgol bob tro mae’n bwrw glaw, ac mae’r daith yn hir i’w teuluoedd.',
    team: 'education-welfare',
    status: 'abandoned',
    createdAt: '2026-01-07T00:00:00.000Z',
  }),
  entry({
    id: 'declined-chat',
    title: 'An evening chat line for teenagers',
    problem: 'Teenagers message at night.',
    team: 'contact',
    status: 'declined',
    declineReason: 'It needs a safeguarding protocol and out-of-hours cover first.',
    createdAt: '2026-01-08T00:00:00.000Z',
  }),
  entry({
    id: 'redacted',
    title: 'Text reminders before meetings',
    problem: '[Removed by information governance]',
    team: 'contact',
    status: 'adopted',
    createdAt: '2025-12-30T00:00:00.000Z',
    hypothesis: {
      weBelieve: 'a text the day before will cut missed meetings',
      toTestIt: 'send texts for a month',
      measure: 'meetings attended',
      rightIf: 'attendance rises',
    },
  }),
];
