/**
 * Redaction: information governance removes one field's text, for personal details typed into free
 * text by mistake. Cycles are named by their number, as people see them ("Cycle 2" is `cycles.2.*`);
 * history entries by their place in the history, counting from 1.
 */
import { HYPOTHESIS_FIELDS } from './experiment.ts';
import { isPersonId, type StoredExperiment, type StoredHistoryEntry } from './stored-experiment.ts';

export const REDACTED = '[Removed by information governance]';

const CYCLE_FIELDS = ['observed', 'learned', 'incidentDetail'] as const;

interface Slot {
  path: string;
  text: string | null | undefined;
  write: (exp: StoredExperiment, text: string) => StoredExperiment;
}

// A person's history entry copies what they wrote (a decline reason, "Cycle 2: <lesson>"); the card's
// and the workflow's entries are generated text, not something anyone typed.
const writtenByAPerson = (entry: StoredHistoryEntry): boolean => entry.by === null || isPersonId(entry.by);

/** Every free-text field the experiment has room for, whether or not it holds text now. */
const slots = (exp: StoredExperiment): Slot[] => [
  { path: 'title', text: exp.title, write: (e, title) => ({ ...e, title }) },
  { path: 'problem', text: exp.problem, write: (e, problem) => ({ ...e, problem }) },
  ...HYPOTHESIS_FIELDS.map(
    (field): Slot => ({
      path: `hypothesis.${field}`,
      text: exp.hypothesis[field],
      write: (e, text) => ({ ...e, hypothesis: { ...e.hypothesis, [field]: text } }),
    }),
  ),
  {
    path: 'authorisation.conditions',
    text: exp.authorisation?.conditions,
    write: (e, conditions) =>
      e.authorisation ? { ...e, authorisation: { ...e.authorisation, conditions } } : e,
  },
  ...(['reason', 'conditions'] as const).map(
    (field): Slot => ({
      path: `decision.${field}`,
      text: exp.decision?.[field],
      write: (e, text) => (e.decision ? { ...e, decision: { ...e.decision, [field]: text } } : e),
    }),
  ),
  ...exp.cycles.flatMap((cycle) =>
    CYCLE_FIELDS.map(
      (field): Slot => ({
        path: `cycles.${cycle.number}.${field}`,
        text: cycle[field],
        write: (e, text) => ({
          ...e,
          cycles: e.cycles.map((c) => (c.number === cycle.number ? { ...c, [field]: text } : c)),
        }),
      }),
    ),
  ),
  ...exp.history.flatMap((entry, index): Slot[] =>
    writtenByAPerson(entry)
      ? [
          {
            path: `history.${index + 1}.detail`,
            text: entry.detail,
            write: (e, detail) => ({
              ...e,
              history: e.history.map((h, i) => (i === index ? { ...h, detail } : h)),
            }),
          },
        ]
      : [],
  ),
];

/** The fields that hold text governance could remove now: the choices on the redaction page. */
export const redactablePaths = (exp: StoredExperiment): string[] =>
  slots(exp)
    .filter((slot) => typeof slot.text === 'string' && slot.text !== REDACTED)
    .map((slot) => slot.path);

export type RedactionResult =
  | { ok: true; experiment: StoredExperiment; changed: boolean }
  | { ok: false; refusal: 'unknownField' | 'noText'; message: string };

const removeCopies = (exp: StoredExperiment, text: string, except: string): StoredExperiment => ({
  ...exp,
  history: exp.history.map((entry, index) =>
    `history.${index + 1}.detail` !== except &&
    writtenByAPerson(entry) &&
    text.length > 0 &&
    typeof entry.detail === 'string' &&
    entry.detail.includes(text)
      ? { ...entry, detail: entry.detail.replaceAll(text, REDACTED) }
      : entry,
  ),
});

/**
 * Replaces one field's text by `REDACTED`, and the same text where a person's history entry copies
 * it, so the words are gone from the record. Redacting a field twice changes nothing the second time.
 * A path that names no text field of this experiment is refused (the API's 400).
 */
export const redact = (exp: StoredExperiment, path: string): RedactionResult => {
  const slot = slots(exp).find((candidate) => candidate.path === path);
  if (!slot) {
    return {
      ok: false,
      refusal: 'unknownField',
      message:
        'Choose a text field of this experiment, like problem, hypothesis.toTestIt or cycles.1.observed',
    };
  }
  if (typeof slot.text !== 'string') {
    return { ok: false, refusal: 'noText', message: 'That field holds no text to remove' };
  }
  if (slot.text === REDACTED) return { ok: true, experiment: exp, changed: false };
  return { ok: true, experiment: removeCopies(slot.write(exp, REDACTED), slot.text, path), changed: true };
};
