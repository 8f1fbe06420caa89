import type { RouteDef } from './context.ts';
import { decideCase, showCasePage } from './screens/case/controller.ts';
import { showConfirmation } from './screens/confirmation/controller.ts';
import { newCycle, recordCycle } from './screens/cycle/controller.ts';
import { showDashboard } from './screens/dashboard/controller.ts';
import { showExperiment } from './screens/experiment/controller.ts';
import { listOwn } from './screens/experiments/controller.ts';
import { exportLog, showLog } from './screens/log/controller.ts';
import { editPolicy, previewPolicy, publishPolicy, showPolicy } from './screens/policy/controller.ts';
import { showQueue } from './screens/queue/controller.ts';
import { authCallback, showSignIn, signInDemo, signOut } from './screens/sign-in/controller.ts';
import { showStart } from './screens/start/controller.ts';
import { checkIdea, editIdea, newIdea, submitIdea } from './screens/submit/controller.ts';

const SUBMITTERS = ['staff', 'manager'] as const;
const DECIDERS = ['manager', 'leader'] as const;

/** Every page. GET never changes anything but the session's last-seen time and the language cookie. */
export const ROUTES: readonly RouteDef[] = [
  { method: 'GET', path: '/', access: 'public', handler: showStart },
  { method: 'GET', path: '/sign-in', access: 'public', handler: showSignIn },
  { method: 'POST', path: '/sign-in', access: 'public', handler: signInDemo },
  { method: 'GET', path: '/auth/callback', access: 'public', handler: authCallback },
  { method: 'POST', path: '/sign-out', access: 'public', handler: signOut },
  { method: 'GET', path: '/ideas/new', access: SUBMITTERS, handler: newIdea },
  { method: 'POST', path: '/ideas/new/check', access: SUBMITTERS, handler: checkIdea },
  { method: 'POST', path: '/ideas/new/edit', access: SUBMITTERS, handler: editIdea },
  { method: 'POST', path: '/ideas', access: SUBMITTERS, handler: submitIdea },
  { method: 'GET', path: '/experiments', access: 'signedIn', handler: listOwn },
  { method: 'GET', path: '/experiments/:id/submitted', access: 'signedIn', handler: showConfirmation },
  { method: 'GET', path: '/experiments/:id', access: 'signedIn', handler: showExperiment },
  { method: 'GET', path: '/experiments/:id/cycles/new', access: SUBMITTERS, handler: newCycle },
  { method: 'POST', path: '/experiments/:id/cycles', access: SUBMITTERS, handler: recordCycle },
  { method: 'GET', path: '/queue', access: DECIDERS, handler: showQueue },
  { method: 'GET', path: '/queue/:id', access: DECIDERS, handler: showCasePage },
  { method: 'POST', path: '/queue/:id/decision', access: DECIDERS, handler: decideCase },
  { method: 'GET', path: '/dashboard', access: ['leader'], handler: showDashboard },
  { method: 'GET', path: '/log', access: ['leader'], handler: showLog },
  { method: 'GET', path: '/log/export.csv', access: ['leader'], handler: exportLog },
  { method: 'GET', path: '/policy', access: 'signedIn', handler: showPolicy },
  { method: 'POST', path: '/policy/preview', access: ['leader'], handler: previewPolicy },
  { method: 'POST', path: '/policy/edit', access: ['leader'], handler: editPolicy },
  { method: 'POST', path: '/policy/publish', access: ['leader'], handler: publishPolicy },
];
