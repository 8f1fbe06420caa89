/**
 * The shape of one idea of the demo set (demo-data.ts) and the card defaults every demo idea starts
 * from, shared by its two halves: the experiments (demo-experiments.ts) and the lessons
 * (demo-lessons.ts).
 */
import { type CardOverrides, type Person, sampleCard } from '#test/support/fixtures.ts';

/** The sample card with the demo's own defaults (fixed: a second load must send the same bodies). */
export const safeCard = (overrides: CardOverrides = {}): CardOverrides =>
  sampleCard({ peopleInvolved: 8, staffHours: 10, ...overrides });

export type Step =
  | { decide: Person; outcome: 'approve' | 'decline'; reason?: string; conditions?: string }
  | {
      cycle: {
        result: 'worked' | 'didNotWork' | 'unclear';
        observed: string;
        learned: string;
        next: 'adapt' | 'adopt' | 'abandon';
        changes?: CardOverrides;
        /** "Did anything go wrong for anyone taking part?": none unless a step says otherwise. */
        incident?: { incident: 'minor' | 'serious'; incidentDetail: string };
      };
    };

export interface DemoIdea {
  key: string;
  by: Person;
  title: string;
  problem: string;
  hypothesis: { weBelieve: string; toTestIt: string; measure: string; rightIf: string };
  card: CardOverrides;
  steps: Step[];
}

/** The learning card as the API takes it: "nothing went wrong" unless the step recorded an incident. */
export const learningCard = ({ incident, ...cycle }: Extract<Step, { cycle: unknown }>['cycle']) => ({
  ...cycle,
  ...(incident ?? { incident: 'none' }),
});
