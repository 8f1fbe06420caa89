/**
 * Welsh pages never show English history (issue 19): every kind of entry the service writes, worded on a
 * Welsh page, holds no word of the English catalogue that the Welsh one does not also use.
 */
import { describe, expect, it } from 'vitest';
import type { Cycle, Experiment, HistoryEntry, HistoryEvent } from '#shared/domain/experiment.ts';
import { REDACTED } from '#shared/domain/redaction.ts';
import { ENGLISH_ONLY, englishWordsIn } from '#test/support/web/english-words.ts';
import { cy } from './i18n/cy.ts';
import { en, type Messages } from './i18n/en.ts';
import { formatter } from './i18n/index.ts';
import { historyItems } from './presenters.ts';

const AT = '2026-03-02T10:30:00.000Z';
const card = { id: 'card', name: 'the prompt card' };
const sam = { id: 'sam', name: 'Sam Patel' };
const megan = { id: 'megan', name: 'Megan Jones' };
const gwen = { id: 'gwen', name: 'Gwen Lloyd' };

const entry = (
  event: HistoryEvent,
  by: { id: string; name: string } | null,
  more: Partial<HistoryEntry> = {},
) =>
  ({
    at: AT,
    by: by?.id ?? null,
    byName: by?.name ?? null,
    event,
    status: 'testing',
    ...more,
  }) as HistoryEntry;

/**
 * Every kind of entry, as the code writes it today and as it wrote it before entries held codes. A
 * `Record` over the kinds, so a new kind does not compile until it is here. Words a person wrote (a
 * manager's reason, a lesson, governance's reason) are in Welsh, as a Welsh-speaking team writes them.
 */
const ENTRIES: Record<HistoryEvent, HistoryEntry[]> = {
  submitted: [entry('submitted', sam)],
  authorised: [entry('authorised', card)],
  escalated: [
    entry('escalated', card, {
      reasons: [
        { rule: 'safeguarding', answer: 'unsure' },
        { rule: 'consent', answer: 'no' },
        { rule: 'extraCost', answer: 900, limit: 500 },
        { rule: 'staffHours', answer: 30, limit: 25, team: 'early-help' },
        { rule: 'durationWeeks', answer: 8, limit: 6 },
        { rule: 'allowance', answer: 900, limit: 300 },
      ],
    }),
    entry('escalated', card, { cycle: 1, reasons: [{ rule: 'peopleInvolved', answer: 12, limit: 10 }] }),
    // Written before entries kept their reasons.
    entry('escalated', card),
  ],
  raisedToLeaders: [entry('raisedToLeaders', card)],
  approved: [
    entry('approved', megan, { detail: 'Ffoniwch bob teulu cyn chwech.' }),
    entry('approved', megan, { asCoverFor: 'youth-justice' }),
  ],
  declined: [entry('declined', megan, { detail: 'Mae angen cytundeb y bwrdd yn gyntaf.' })],
  cycleRecorded: [
    entry('cycleRecorded', sam, { cycle: 1 }),
    // Written before codes: "Cycle 1: …".
    entry('cycleRecorded', sam, { detail: 'Cycle 1: Mae galwadau gyda’r nos yn gweithio.' }),
  ],
  reminded: [entry('reminded', card)],
  failed: [entry('failed', card, { detail: 'NotifyRejected' })],
  continued: [entry('continued', card)],
  incidentReported: [entry('incidentReported', card, { cycle: 1 })],
  redacted: [
    entry('redacted', gwen, { field: 'problem', detail: 'Enw plentyn yn y testun.' }),
    entry('redacted', gwen, { field: 'cycles.1.observed', detail: 'Enw plentyn yn y testun.' }),
    // Written before entries kept the field as a code.
    entry('redacted', gwen, { detail: 'Removed the text of hypothesis.toTestIt: Enw plentyn yn y testun.' }),
    // On an anonymised experiment: nobody named, no words.
    entry('redacted', null),
  ],
};

/** A manager's reason, once governance removed it from the history (`history.N`). */
const REDACTED_DETAIL = entry('declined', megan, { detail: REDACTED });

const cycle: Cycle = {
  number: 1,
  result: 'worked',
  observed: REDACTED,
  learned: 'Mae galwadau gyda’r nos yn gweithio.',
  next: 'adapt',
  recordedAt: AT,
  recordedBy: 'sam',
  incident: 'none',
};

const experiment = {
  id: 'e1',
  team: 'early-help',
  cycles: [cycle],
  history: [...Object.values(ENTRIES).flat(), REDACTED_DETAIL],
} as unknown as Experiment;

const rendered = (t: Messages) =>
  historyItems(t, formatter(t), experiment).flatMap((item) => [
    item.title,
    item.by,
    item.detail ?? '',
    ...(item.details ?? []),
  ]);

describe('history on a Welsh page', () => {
  it('has every kind of entry the service writes in Welsh, with no word of the English catalogue', () => {
    // Act
    const welsh = rendered(cy);
    const english = rendered(en);

    // Assess
    expect(ENGLISH_ONLY.size).toBeGreaterThan(500);
    expect(englishWordsIn(...welsh)).toEqual([]);
    // The check can fail: the same entries on an English page are full of those words.
    expect(englishWordsIn(...english).length).toBeGreaterThan(50);
  });

  it('words a removal by its field and governance’s reason, in the page’s language', () => {
    // Act
    const items = historyItems(cy, formatter(cy), experiment).filter((i) => i.title === cy.events.redacted);
    const englishItems = historyItems(en, formatter(en), experiment).filter(
      (i) => i.title === en.events.redacted,
    );

    // Assess
    expect(englishItems.map((i) => i.detail)).toEqual([
      'Removed the text of “What is wrong today?”: Enw plentyn yn y testun.',
      'Removed the text of “Cycle 1: what happened”: Enw plentyn yn y testun.',
      'Removed the text of “To test it we will”: Enw plentyn yn y testun.',
      undefined,
    ]);
    expect(items.map((i) => i.detail)).toEqual([
      'Tynnwyd testun “Beth sydd o’i le heddiw?”: Enw plentyn yn y testun.',
      'Tynnwyd testun “Cylch 1: beth ddigwyddodd”: Enw plentyn yn y testun.',
      'Tynnwyd testun “I’w brofi byddwn yn”: Enw plentyn yn y testun.',
      undefined,
    ]);
    expect(items[3]?.by).toBe("gan rywun y mae ei enw wedi'i dynnu");
  });
});
