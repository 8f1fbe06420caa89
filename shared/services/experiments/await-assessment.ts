import { setTimeout as sleep } from 'node:timers/promises';
import type { Experiment } from '../../domain/experiment.ts';

/** Bounds of the learnt wait before a new submission is first read back. */
const FIRST_READ_MS = { start: 10, min: 2, max: 1000 } as const;

const settled = (exp: Experiment) => exp.status !== 'assessing' || Boolean(exp.failure);

/**
 * The card answers within the submission request on the automatic path: this waits briefly for the
 * workflow's answer by reading the new experiment back.
 *
 * When to read for the first time is learnt from the submissions before it, per process: each first read
 * that finds the answer already in moves it a little earlier, each that comes too soon a little later, so
 * about half find the answer (in AWS, where a Lambda task takes longer, it settles later). The rest are
 * followed by short reads a tenth of that wait apart, growing slowly. Aiming at half rather than most
 * was measured to answer more submissions a second (docs/performance.md): a read that comes too soon only
 * costs a strongly consistent GetItem, while a wait too long costs every submission.
 */
export const assessmentWaiter = (opts: { waitMs: number; read: (id: string) => Promise<Experiment> }) => {
  let firstReadMs: number = FIRST_READ_MS.start;
  const learn = (answered: boolean) => {
    firstReadMs = answered
      ? Math.max(FIRST_READ_MS.min, firstReadMs * 0.95)
      : Math.min(FIRST_READ_MS.max, firstReadMs * 1.05);
  };

  /** `known` is the experiment as last read or written: a new one is still `assessing`. */
  return async (known: Experiment): Promise<Experiment> => {
    if (settled(known)) return known;
    const deadline = Date.now() + opts.waitMs;
    const first = firstReadMs;
    let delay = first;
    for (let reads = 0; ; reads++) {
      await sleep(Math.max(0, Math.min(delay, deadline - Date.now())));
      const experiment = await opts.read(known.id);
      if (reads === 0) learn(settled(experiment));
      if (settled(experiment) || Date.now() >= deadline) return experiment;
      delay = reads === 0 ? Math.max(2, first * 0.1) : Math.min(delay * 1.3, Math.max(50, first / 2));
    }
  };
};
