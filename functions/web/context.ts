import type { Role } from '#shared/domain/roles.ts';
import type { AllowanceService } from '#shared/services/allowance-service.ts';
import type { AuditService } from '#shared/services/audit-service.ts';
import type { CalibrationService } from '#shared/services/calibration-service.ts';
import type { CoverService } from '#shared/services/cover-service.ts';
import type { DashboardService } from '#shared/services/dashboard-service.ts';
import type { DirectoryService } from '#shared/services/directory-service.ts';
import type { ExperimentService } from '#shared/services/experiment-service.ts';
import type { exportService } from '#shared/services/export-service.ts';
import type { PeopleRecords } from '#shared/services/governance/people.ts';
import type { redactionUseCase } from '#shared/services/governance/redaction.ts';
import type { LibraryService } from '#shared/services/library/library-service.ts';
import type { PolicyService } from '#shared/services/policy-service.ts';
import type { SessionAdmin } from '#shared/services/session-admin.ts';
import type { User } from '#shared/services/user.ts';
import type { SessionDraft, SessionGrant } from '#shared/store/session-store.ts';
import type { WebConfig } from './config.ts';
import type { WebRequest, WebResponse } from './http.ts';
import type { Formatter, Locale, Messages } from './i18n/index.ts';
import type { Flash } from './session.ts';
import type { SignIn } from './sign-in.ts';

/** What the pages use of the domain services: the same calls the JSON API's handlers make. */
export interface WebServices {
  experiments: Pick<
    ExperimentService,
    'submit' | 'get' | 'list' | 'queue' | 'decide' | 'recordCycle' | 'refusedBeforehand' | 'mayDecideNow'
  >;
  policies: Pick<PolicyService, 'current' | 'all' | 'preview' | 'publish'>;
  dashboard: Pick<DashboardService, 'get'>;
  /** "What the decisions say" on the card page (leaders). */
  calibration: Pick<CalibrationService, 'get'>;
  exports: Pick<ReturnType<typeof exportService>, 'csv'>;
  /**
   * Sign-in, sign-out and sessions ended by someone else are recorded in the audit trail; information
   * governance reads, downloads and verifies it.
   */
  audit: Pick<AuditService, 'record' | 'list' | 'csv' | 'verify'>;
  /** Subject access, erasure and redaction, for information governance. */
  governance: Pick<PeopleRecords, 'records' | 'erase'> & { redact: ReturnType<typeof redactionUseCase> };
  /** The learning library: its pages, and "ideas like yours" on the check and case pages. */
  library: Pick<LibraryService, 'search' | 'similar' | 'get'>;
  /** The people directory, refreshed by each signed-in request. */
  directory: Pick<DirectoryService, 'seen'>;
  /** Manager cover (version 2): the "Cover while you're away" page. */
  cover: Pick<CoverService, 'set' | 'list' | 'end' | 'managers'>;
  /** The innovation allowance (version 2): the form's hint and the dashboard. */
  allowance: Pick<AllowanceService, 'forTeam' | 'all'>;
}

export interface RenderOptions {
  status?: number;
  /** The page's own title; the layout adds the service name and "Error:" when there are errors. */
  title: string;
  backLink?: string;
}

export interface PageContext {
  req: WebRequest;
  params: Record<string, string>;
  /** The CSRF token every POST form of this session carries. */
  readonly csrf: string;
  user: User | undefined;
  locale: Locale;
  t: Messages;
  fmt: Formatter;
  now: Date;
  config: WebConfig;
  services: WebServices;
  /** How people sign in here: Cognito in AWS, the demo users on one machine. */
  auth: SignIn;
  /** Who is signed in, and ending someone's sessions (leaders). */
  people: SessionAdmin;
  render(view: string, data: Record<string, unknown>, opts: RenderOptions): WebResponse;
  /**
   * Starts a new server-side session for `user`: a fresh CSRF token, so a token seen before sign-in is
   * useless after. `grant` is what the adapter keeps to refresh the person later; it never leaves the server.
   */
  signIn(user: User, grant?: SessionGrant): Promise<void>;
  /** Deletes the session, so its cookie opens nothing again; returns what it held, for the adapter. */
  signOut(flash?: Flash): Promise<SessionGrant | undefined>;
  setFlash(flash: Flash): void;
  /** The idea being written in this session, kept between the steps of "Submit an idea". */
  draft: {
    get(): SessionDraft | undefined;
    save(draft: SessionDraft | undefined): Promise<void>;
  };
  /** Extra Set-Cookie values for this response (e.g. the OAuth state cookie). */
  cookies: string[];
}

export type Controller = (ctx: PageContext) => Promise<WebResponse>;

/** Who may reach a route. Roles are any-of. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface RouteDef {
  method: 'GET' | 'POST';
  path: string;
  access: Access;
  handler: Controller;
}

/** Narrows `ctx.user` for controllers behind a signed-in route. */
export const signedIn = (ctx: PageContext): User => {
  if (!ctx.user) throw new Error('This route needs a signed-in user');
  return ctx.user;
};
