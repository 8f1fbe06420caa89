/** The name of a field information governance may remove text from, as people see it, in the page's language. */
import type { Messages } from './i18n/index.ts';

type FixedField = Exclude<
  keyof Messages['redaction']['fields'],
  'cycleObserved' | 'cycleLearned' | 'cycleIncident' | 'history'
>;

const CYCLE_LABELS = {
  observed: 'cycleObserved',
  learned: 'cycleLearned',
  incidentDetail: 'cycleIncident',
} as const;

/** "Cycle 2: what happened" for `cycles.2.observed`: the field as people see it, never its path. */
export const fieldLabel = (t: Messages, path: string): string => {
  const fields = t.redaction.fields;
  const [head, n = '', field = ''] = path.split('.');
  if (head === 'cycles' && field in CYCLE_LABELS)
    return fields[CYCLE_LABELS[field as keyof typeof CYCLE_LABELS]](n);
  if (head === 'history') return fields.history(n);
  return path in fields ? fields[path as FixedField] : path;
};
