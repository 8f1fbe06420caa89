/**
 * The learning card's form: its fields, who may record a cycle now, and the request the API would get.
 */
import { CHOICE_FIELDS, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { parseAmount } from '../../form/numbers.ts';
import { experimentHref } from '../../presenters.ts';

export const RESULTS = ['worked', 'didNotWork', 'unclear'] as const;
export const NEXT = ['adapt', 'adopt', 'abandon'] as const;
export const CHANGE_FIELDS = [...CHOICE_FIELDS, ...THRESHOLD_FIELDS];
export const CYCLE_PATHS = [
  'result',
  'observed',
  'learned',
  'incident',
  'incidentDetail',
  'next',
  ...CHANGE_FIELDS.map((f) => `changes.${f}`),
];

export type CycleValues = Record<string, string>;

/** Only the owner records tests, and only while the experiment is authorised or testing. */
export const canRecordCycle = (exp: Experiment, userId: string): boolean =>
  exp.owner === userId && (exp.status === 'authorised' || exp.status === 'testing');

export const cycleHref = (exp: Experiment) => `${experimentHref(exp.id)}/cycles`;

export const readCycleForm = (form: URLSearchParams): CycleValues =>
  Object.fromEntries(CYCLE_PATHS.map((path) => [path, form.get(path) ?? '']));

/** The request body the API would get: card changes only when adapting, and only what changed. */
export const toCycleRequest = (values: CycleValues): unknown => {
  const changes: Record<string, unknown> = {};
  for (const field of CHOICE_FIELDS)
    if (values[`changes.${field}`]) changes[field] = values[`changes.${field}`];
  for (const field of THRESHOLD_FIELDS) {
    const value = parseAmount(values[`changes.${field}`]);
    if (value !== undefined) changes[field] = value;
  }
  return {
    result: values.result || undefined,
    observed: values.observed ?? '',
    learned: values.learned ?? '',
    next: values.next || undefined,
    incident: values.incident || undefined,
    // Sent as typed, so a detail under "nothing went wrong" is pointed out rather than silently dropped.
    ...(values.incidentDetail?.trim() ? { incidentDetail: values.incidentDetail } : {}),
    ...(values.next === 'adapt' && Object.keys(changes).length > 0 ? { changes } : {}),
  };
};
