import type { RetentionPeriod } from '../../domain/retention.ts';
import type { Notifier } from '../../notifications/notifier.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import type { PolicyStore } from '../../store/policy-store.ts';
import type { Workflow } from '../../workflow/port.ts';
import type { TaskTokens } from '../../workflow/task-tokens.ts';
import type { WorkflowTimers } from '../../workflow/timers.ts';
import type { AllowanceService } from '../allowance-service.ts';
import type { AuditRecorder } from '../audit-service.ts';
import type { CoverLookup } from '../cover-service.ts';
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
  /** The innovation allowance the card draws from when it authorises (version 2). */
  allowance: AllowanceService;
  /** Manager cover: what a manager covers now, and who covers a team (version 2). */
  cover: CoverLookup;
}
