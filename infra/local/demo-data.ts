/**
 * `npm run demo`: a realistic set of experiments, loaded through the real write path (the JSON API),
 * so every page and the dashboard have something true to show. Idempotency keys are fixed, so loading
 * twice changes nothing. The people are the sample people of test/support/fixtures.ts.
 */
import { client } from '#test/support/api.ts';
import type { Person } from '#test/support/fixtures.ts';
import { DEMO_EXPERIMENTS } from './demo-experiments.ts';
import { type DemoIdea, learningCard } from './demo-idea.ts';
import { DEMO_LESSONS } from './demo-lessons.ts';

export { type DemoIdea, learningCard, type Step } from './demo-idea.ts';

/** The demo set, in the order it is loaded (the OpenAPI document takes its examples from it too). */
export const IDEAS: readonly DemoIdea[] = [...DEMO_EXPERIMENTS, ...DEMO_LESSONS];

export const loadDemoData = async (baseUrl: string): Promise<number> => {
  const api = client(baseUrl);
  const call = (as: Person, path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.call<{ id: string; status: string; cycles: unknown[] }>('POST', path, { as, body, headers });

  for (const idea of IDEAS) {
    const { key, by, steps, ...submission } = idea;
    const submitted = await call(by, '/api/experiments', submission, { 'idempotency-key': key });
    if (submitted.status !== 201)
      throw new Error(`Demo idea "${idea.title}" was refused: ${JSON.stringify(submitted.body)}`);
    const { id } = submitted.body;
    // A second load takes only the steps not taken yet: a decision answers 409 when made already, but
    // an "adapt" cycle may be recorded again and again, so the cycles recorded are counted first.
    const now = await api.call<{ cycles: unknown[] }>('GET', `/api/experiments/${id}`, { as: by });
    let cyclesDone = now.body.cycles.length;
    for (const step of steps) {
      if ('cycle' in step && cyclesDone > 0) {
        cyclesDone -= 1;
        continue;
      }
      const res =
        'decide' in step
          ? await call(step.decide, `/api/experiments/${id}/decision`, {
              outcome: step.outcome,
              ...(step.reason ? { reason: step.reason } : {}),
              ...(step.conditions ? { conditions: step.conditions } : {}),
            })
          : await call(by, `/api/experiments/${id}/cycles`, learningCard(step.cycle));
      if (res.status >= 400 && res.status !== 409) {
        throw new Error(
          `Demo step on "${idea.title}" failed with ${res.status}: ${JSON.stringify(res.body)}`,
        );
      }
      if (res.status === 409) break;
    }
  }
  return IDEAS.length;
};
