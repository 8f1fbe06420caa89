import { PERMISSIONS } from '#shared/domain/access.ts';
import type { Controller, RouteDef } from './context.ts';

/**
 * A screen's controller, loaded with import() by its route's first request and kept.
 */
const lazy = <M>(load: () => Promise<M>, pick: (screen: M) => Controller): Controller => {
  let controller: Promise<Controller> | undefined;
  return async (ctx) => {
    controller ??= load().then(pick, (error: unknown) => {
      // Not kept: the route's next request tries again.
      controller = undefined;
      throw error;
    });
    return (await controller)(ctx);
  };
};

/**
 * The screens are loaded together, by the first request: not one import() each, because every import()
 * is an entry point of the one esbuild run that builds all functions, and each one that reaches shared
 * code splits that code into more chunks, which every function's cold start then loads as more files.
 */
const screens = () => import('./screens/controllers.ts');
type Screens = Awaited<ReturnType<typeof screens>>;
const screen =
  <K extends keyof Screens>(name: K) =>
  () =>
    screens().then((all) => all[name]);

const audit = screen('audit');
const caseScreen = screen('caseScreen');
const cover = screen('cover');
const confirmation = screen('confirmation');
const cycle = screen('cycle');
const dashboard = screen('dashboard');
const experiment = screen('experiment');
const experiments = screen('experiments');
const library = screen('library');
const log = screen('log');
const people = screen('people');
const policy = screen('policy');
const queue = screen('queue');
const redaction = screen('redaction');
const records = screen('records');
const signIn = screen('signIn');
const start = screen('start');
const statements = screen('statements');
const submit = screen('submit');

const SUBMITTERS = ['staff', 'manager'] as const;
const DECIDERS = ['manager', 'leader'] as const;

/**
 * Every page but those the sign-in adapter adds (see sign-in.ts). GET never changes anything but the
 * session's last-seen time and the language cookie.
 */
export const ROUTES: readonly RouteDef[] = [
  { method: 'GET', path: '/', access: 'public', handler: lazy(start, (s) => s.showStart) },
  { method: 'GET', path: '/sign-in', access: 'public', handler: lazy(signIn, (s) => s.showSignIn) },
  { method: 'POST', path: '/sign-out', access: 'public', handler: lazy(signIn, (s) => s.signOut) },
  // "Submit an idea", one step a page (screens/submit/steps.ts), then "Check your answers".
  { method: 'GET', path: '/ideas/new', access: SUBMITTERS, handler: lazy(submit, (s) => s.showIdeaStep) },
  { method: 'POST', path: '/ideas/new', access: SUBMITTERS, handler: lazy(submit, (s) => s.saveIdeaStep) },
  {
    method: 'GET',
    path: '/ideas/new/test-plan',
    access: SUBMITTERS,
    handler: lazy(submit, (s) => s.showPlanStep),
  },
  {
    method: 'POST',
    path: '/ideas/new/test-plan',
    access: SUBMITTERS,
    handler: lazy(submit, (s) => s.savePlanStep),
  },
  {
    method: 'GET',
    path: '/ideas/new/card',
    access: SUBMITTERS,
    handler: lazy(submit, (s) => s.showCardStep),
  },
  {
    method: 'POST',
    path: '/ideas/new/card',
    access: SUBMITTERS,
    handler: lazy(submit, (s) => s.saveCardStep),
  },
  { method: 'GET', path: '/ideas/new/check', access: SUBMITTERS, handler: lazy(submit, (s) => s.checkIdea) },
  { method: 'POST', path: '/ideas', access: SUBMITTERS, handler: lazy(submit, (s) => s.submitIdea) },
  { method: 'GET', path: '/experiments', access: 'signedIn', handler: lazy(experiments, (s) => s.listOwn) },
  {
    method: 'GET',
    path: '/experiments/:id/submitted',
    access: 'signedIn',
    handler: lazy(confirmation, (s) => s.showConfirmation),
  },
  {
    method: 'GET',
    path: '/experiments/:id',
    access: 'signedIn',
    handler: lazy(experiment, (s) => s.showExperiment),
  },
  {
    method: 'GET',
    path: '/experiments/:id/cycles/new',
    access: SUBMITTERS,
    handler: lazy(cycle, (s) => s.newCycle),
  },
  {
    method: 'POST',
    path: '/experiments/:id/cycles',
    access: SUBMITTERS,
    handler: lazy(cycle, (s) => s.recordCycle),
  },
  { method: 'GET', path: '/queue', access: DECIDERS, handler: lazy(queue, (s) => s.showQueue) },
  { method: 'GET', path: '/cover', access: DECIDERS, handler: lazy(cover, (s) => s.showCover) },
  { method: 'POST', path: '/cover', access: DECIDERS, handler: lazy(cover, (s) => s.setCover) },
  { method: 'GET', path: '/cover/:id/end', access: DECIDERS, handler: lazy(cover, (s) => s.confirmEndCover) },
  { method: 'POST', path: '/cover/:id/end', access: DECIDERS, handler: lazy(cover, (s) => s.endCover) },
  { method: 'GET', path: '/queue/:id', access: DECIDERS, handler: lazy(caseScreen, (s) => s.showCasePage) },
  {
    method: 'POST',
    path: '/queue/:id/decision',
    access: DECIDERS,
    handler: lazy(caseScreen, (s) => s.decideCase),
  },
  { method: 'GET', path: '/dashboard', access: ['leader'], handler: lazy(dashboard, (s) => s.showDashboard) },
  { method: 'GET', path: '/log', access: ['leader'], handler: lazy(log, (s) => s.showLog) },
  { method: 'GET', path: '/log/export.csv', access: ['leader'], handler: lazy(log, (s) => s.exportLog) },
  {
    method: 'GET',
    path: '/people',
    access: PERMISSIONS.endSessions.roles,
    handler: lazy(people, (s) => s.showPeople),
  },
  {
    method: 'GET',
    path: '/people/end-sessions',
    access: PERMISSIONS.endSessions.roles,
    handler: lazy(people, (s) => s.confirmEndSessions),
  },
  {
    method: 'POST',
    path: '/people/end-sessions',
    access: PERMISSIONS.endSessions.roles,
    handler: lazy(people, (s) => s.endSessions),
  },
  { method: 'GET', path: '/library', access: 'signedIn', handler: lazy(library, (s) => s.showLibrary) },
  { method: 'GET', path: '/library/:id', access: 'signedIn', handler: lazy(library, (s) => s.showEntry) },
  { method: 'GET', path: '/policy', access: 'signedIn', handler: lazy(policy, (s) => s.showPolicy) },
  {
    method: 'POST',
    path: '/policy/preview',
    access: ['leader'],
    handler: lazy(policy, (s) => s.previewPolicy),
  },
  { method: 'POST', path: '/policy/edit', access: ['leader'], handler: lazy(policy, (s) => s.editPolicy) },
  {
    method: 'POST',
    path: '/policy/publish',
    access: ['leader'],
    handler: lazy(policy, (s) => s.publishPolicy),
  },
  {
    method: 'GET',
    path: '/records',
    access: PERMISSIONS.findRecords.roles,
    handler: lazy(records, (s) => s.showRecords),
  },
  {
    method: 'GET',
    path: '/records/download.json',
    access: PERMISSIONS.findRecords.roles,
    handler: lazy(records, (s) => s.downloadRecords),
  },
  {
    method: 'GET',
    path: '/records/erasure',
    access: PERMISSIONS.erasePeople.roles,
    handler: lazy(records, (s) => s.confirmErasure),
  },
  {
    method: 'POST',
    path: '/records/erasure',
    access: PERMISSIONS.erasePeople.roles,
    handler: lazy(records, (s) => s.erasePerson),
  },
  {
    method: 'GET',
    path: '/audit',
    access: PERMISSIONS.readAudit.roles,
    handler: lazy(audit, (s) => s.showAudit),
  },
  {
    method: 'GET',
    path: '/audit/export.csv',
    access: PERMISSIONS.readAudit.roles,
    handler: lazy(audit, (s) => s.exportAudit),
  },
  {
    method: 'GET',
    path: '/audit/verify',
    access: PERMISSIONS.readAudit.roles,
    handler: lazy(audit, (s) => s.verifyAudit),
  },
  { method: 'GET', path: '/privacy', access: 'public', handler: lazy(statements, (s) => s.showPrivacy) },
  {
    method: 'GET',
    path: '/accessibility',
    access: 'public',
    handler: lazy(statements, (s) => s.showAccessibility),
  },
  { method: 'GET', path: '/cookies', access: 'public', handler: lazy(statements, (s) => s.showCookies) },
  {
    method: 'GET',
    path: '/experiments/:id/redact',
    access: PERMISSIONS.redactText.roles,
    handler: lazy(redaction, (s) => s.newRedaction),
  },
  {
    method: 'POST',
    path: '/experiments/:id/redactions',
    access: PERMISSIONS.redactText.roles,
    handler: lazy(redaction, (s) => s.redactField),
  },
];
