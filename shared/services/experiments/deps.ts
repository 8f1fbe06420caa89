import type { RetentionPeriod } from '../../domain/retention.ts';
import type { Notifier } from '../../notifications/notifier.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import type { PolicyStore } from '../../store/policy-store.ts';
import type { Workflow } from '../../workflow/port.ts';
import type { TaskTokens } from '../../workflow/task-tokens.ts';
import type { WorkflowTimers } from '../../workflow/timers.ts';
import type { AuditRecorder } from '../audit-service.ts';
import type { PageCursors } from '../cursors.ts';

/** What the experiment use cases and the workflow's tasks are built from (see shared/services/index.ts). */
export interface ExperimentDeps {
  store: ExperimentStore;
  policies: PolicyStore;
  workflow: Workflow;
  tokens: TaskTokens;
  notifier: Notifier;
  timers: WorkflowTimers;
  cursors: PageCursors;
  now: () => Date;
  /** The public address of the web pages, for links in notifications. */
  publicUrl: string;
  /** How long a submission waits for the card's answer within its request. */
  submitWaitMs: number;
  /** Where refused attempts on an experiment are recorded (changes carry their entry in their own write). */
  audit: AuditRecorder;
  /** How long a closed experiment is kept before retention anonymises it. */
  retention: RetentionPeriod;
}
