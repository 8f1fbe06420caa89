/**
 * The information governance pages' words in English: a person's records and their erasure, redaction
 * and the audit trail. Spread into `en` (en.ts); `governance-cy.ts` has the same shape.
 */
import type { AuditAction, AuditOutcome } from '#shared/domain/audit.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const ACTIONS: Record<AuditAction, string> = {
  signIn: 'Signed in',
  signOut: 'Signed out',
  sessionEnded: 'Sessions ended by someone else',
  decision: 'Decision',
  cycle: 'Test cycle recorded',
  policyPublished: 'Card version published',
  csvExport: 'Experiment log downloaded',
  libraryExport: 'Learning library downloaded',
  recordsExport: "A person's records looked at or downloaded",
  erasure: 'Person erased',
  redaction: 'Text removed',
  readRefused: 'Refused: reading an experiment',
  changeRefused: 'Refused: changing an experiment',
  coverSet: 'Cover set',
  coverEnded: 'Cover ended',
  anonymisation: 'Anonymised after the retention period',
};

const OUTCOMES: Record<AuditOutcome, string> = {
  done: 'Done',
  forbidden: 'Refused: not allowed',
  notFound: 'Refused: not found',
};

export const governanceEn = {
  records: {
    nav: "Find a person's records",
    title: "Find a person's records",
    intro:
      "Everything Fail Forward holds about one person, to answer a subject access request or an erasure request. Looking at someone's records is recorded in the audit trail.",
    idLabel: 'User id',
    idHint: 'Their sign-in user id, for example 8c1f4a2e-6b0d-4c5a-9e37-2f1d0b6a7c41',
    find: 'Find records',
    idError: 'Enter a user id: letters, numbers and the characters . _ @ -, up to 128 characters',
    nothingHeld: (id: string) => `Nothing is held about a person with the user id ${id}.`,
    resultsTitle: (id: string) => `Records of ${id}`,
    download: 'Download as JSON',
    noneFound: 'None.',
    experimentsHeading: 'Experiments that name them',
    decisionsHeading: 'Decisions they recorded',
    cyclesHeading: 'Test cycles they recorded',
    auditHeading: 'Audit trail entries about them',
    sessionsLabel: 'Sessions open now',
    roleOwner: 'Their idea',
    roleNamed: 'Names them',
    outcomes: { approve: 'Approved', decline: 'Declined' },
    columns: {
      idea: 'Idea',
      status: 'Status',
      role: 'How it names them',
      updated: 'Last changed',
      at: 'When',
      outcome: 'Decision',
      detail: 'Reason or conditions',
      cycle: 'Cycle',
      result: 'Result',
    },
    eraseHeading: 'Erase this person',
    eraseBody:
      'For an erasure request: their user id and name are removed from every experiment and their sessions end. What they wrote stays, so the learning is kept. The audit trail keeps its entries, for accountability.',
    eraseLink: "Erase this person's records",
    confirmTitle: (id: string) => `Erase the records of ${id}?`,
    confirmWarning: 'You cannot undo an erasure.',
    confirmIds:
      'Their user id and name will be removed from every experiment, decision, cycle and history entry.',
    confirmSessions: 'Their sessions will end: they will be signed out on every device at once.',
    confirmAudit: 'The audit trail is not changed, and it will record this erasure and your reason.',
    reasonLabel: 'Why are you erasing their records?',
    reasonHint:
      'For example, the reference of their erasure request. Do not include their name or contact details.',
    reasonError: "Enter the reason for erasing this person's records, between 5 and 2,000 characters",
    confirmButton: 'Erase their records',
    cancel: 'Cancel',
    erasedTitle: 'Records erased',
    erasedBody: (n: number, experiments: string, entries: string) =>
      `Their user id and name were removed from ${experiments} ${plural(n, 'experiment', 'experiments')} (${entries} ${entries === '1' ? 'place' : 'places'} in all).`,
    erasedNothing: 'Nothing named them any more: their records had already been erased.',
    erasedSessions: 'Their sessions have ended: they are signed out on every device.',
    erasedAudit: 'The erasure and your reason are recorded in the audit trail.',
    another: "Find another person's records",
  },

  redaction: {
    link: 'Remove text',
    linkHidden: (field: string) => ` from ${field}`,
    sectionHeading: 'Remove personal details',
    sectionIntro:
      'If someone typed personal details into this record by mistake, remove the text of that field. The removal and your reason are kept in the history and the audit trail.',
    fieldColumn: 'Field',
    textColumn: 'Text',
    title: 'Remove the text of a field',
    fieldLabel: 'Field',
    textLabel: 'Text that will be removed',
    replacedBy: 'It will be replaced by: [Removed by information governance]',
    reasonLabel: 'Why are you removing this text?',
    reasonHint: 'Describe what it held, for example "a phone number". Do not repeat the details themselves.',
    reasonError: 'Enter the reason for removing this text, between 5 and 2,000 characters',
    reasonPersonal: 'Remove the personal details from your reason: describe them, do not repeat them',
    fieldError: 'Choose a field of this experiment that still holds text',
    button: 'Remove the text',
    cancel: 'Cancel',
    doneTitle: 'Text removed',
    done: (field: string) => `The text of ${field} was removed.`,
    fields: {
      title: 'Title',
      problem: 'What is wrong today?',
      'hypothesis.weBelieve': 'We believe that',
      'hypothesis.toTestIt': 'To test it we will',
      'hypothesis.measure': 'And measure',
      'hypothesis.rightIf': 'We are right if',
      'authorisation.conditions': 'Conditions of the authorisation',
      'decision.reason': 'Reason for the decision',
      'decision.conditions': 'Conditions of the decision',
      cycleObserved: (n: string) => `Cycle ${n}: what happened`,
      cycleLearned: (n: string) => `Cycle ${n}: what was learned`,
      cycleIncident: (n: string) => `Cycle ${n}: what went wrong`,
      history: (n: string) => `History entry ${n}`,
    },
  },

  auditTrail: {
    nav: 'Audit trail',
    title: 'Audit trail',
    intro:
      'Every sign-in, decision, export, erasure, redaction and refused attempt, newest first. Each entry is linked to the one before by a hash, so an entry that was changed or removed can be found.',
    download: 'Download as CSV',
    filtersHeading: 'Filter the trail',
    action: 'Action',
    anyAction: 'Any action',
    actor: 'Who acted',
    actorHint: 'Their user id',
    target: 'What it was about',
    targetHint: 'A user id, an experiment id or a card version',
    from: 'From',
    to: 'To',
    dateHint: 'For example, 27 3 2026',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    apply: 'Apply filters',
    clear: 'Clear filters',
    caption: 'Audit trail entries, newest first',
    empty: 'No entries match these filters.',
    more: 'Older entries',
    columns: { at: 'When', actor: 'Who', action: 'Action', target: 'About', outcome: 'Outcome' },
    actions: ACTIONS,
    outcomes: OUTCOMES,
    errors: {
      date: (which: string) => `${which} must be a real date, for example 27 3 2026`,
      order: 'The "To" date must be the same as or after the "From" date',
      id: 'Enter an id: letters, numbers and the characters . _ @ -, up to 128 characters',
    },
    verifyHeading: 'Check the trail',
    verifyBody:
      'Work out every hash again, from the oldest entry kept to the newest, to find any entry that was changed or removed.',
    verifyButton: 'Check the trail',
    verifyTitle: 'Check of the audit trail',
    intactTitle: 'The trail is intact',
    intact: (n: number, count: string) =>
      `All ${count} ${plural(n, 'entry matches its hash', 'entries match their hashes')} and each follows the one before.`,
    brokenTitle: 'The trail has been changed',
    brokenBody: (n: number, count: string) =>
      `${count} ${plural(n, 'entry was', 'entries were')} checked. Tell your security team: the first entry that does not match is below.`,
    reasons: {
      changed: 'This entry does not match its hash: it was changed after it was written.',
      unlinked: 'This entry does not follow the one before it: an entry was removed or put out of order.',
      head: 'The newest entries do not reach the recorded end of the trail: entries were removed from the end.',
    },
    brokenEntry: 'First entry that does not match',
    hash: 'Hash',
    back: 'Back to the audit trail',
  },

  personalDetails: {
    /** GOV.UK style: what to do, the field and the kind, and why. */
    error: (field: string, kind: string) =>
      `Remove the ${kind} from "${field}": describe people, do not identify them`,
    warning: (field: string, kind: string) =>
      `"${field}" may hold a ${kind}. Check it does not say who a family is or where they live.`,
    warningTitle: 'Check for personal details',
    kinds: {
      email: 'email address',
      phone: 'phone number',
      nhsNumber: 'NHS number',
      niNumber: 'National Insurance number',
      postcode: 'postcode',
      dateOfBirth: 'date of birth',
    },
    fields: {
      title: 'Title',
      problem: 'What is wrong today?',
      'hypothesis.weBelieve': 'We believe that',
      'hypothesis.toTestIt': 'To test it, we will',
      'hypothesis.measure': 'And we will measure',
      'hypothesis.rightIf': 'We are right if',
      observed: 'What did you see?',
      learned: 'What did you learn?',
      incidentDetail: 'What went wrong?',
      /** Why cover was set (the cover page). */
      reason: 'Reason',
    },
  },
};
