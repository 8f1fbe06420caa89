/**
 * A request's session: read from its cookie and the session store, checked against both timeouts,
 * its person refreshed from the identity provider at most once per refresh interval, and its last-seen
 * time moved at most once a minute, so most requests read one item and write nothing.
 */
import type { User } from '#shared/services/user.ts';
import type { SessionDraft, SessionGrant, SessionStore, StoredSession } from '#shared/store/session-store.ts';
import {
  type Expiry,
  expiryOf,
  newStoredSession,
  newVisitor,
  readSessionCookie,
  SEEN_PRECISION_MS,
  sealSessionCookie,
  type Visitor,
} from './session.ts';
import type { SignIn } from './sign-in.ts';

export interface SessionDeps {
  store: SessionStore;
  signIn: SignIn;
  secret: string;
  now: number;
  refreshMs: number;
  logError: (error: unknown) => void;
}

export interface OpenSession {
  readonly user: User | undefined;
  readonly csrf: string;
  /** How the request's cookie stood: `none` also covers a session that was ended or never existed. */
  readonly status: 'valid' | 'none' | Expiry;
  /** Which timeout ended a signed-in session, so the person is told why they must sign in again. */
  readonly timedOut: Expiry | undefined;
  /** Starts a new signed-in session; the visitor's CSRF token is no longer accepted. */
  signIn(user: User, grant?: SessionGrant): Promise<void>;
  /** Deletes the signed-in session, if any, and returns what it held for the adapter to revoke. */
  signOut(): Promise<SessionGrant | undefined>;
  /** The idea being written in this session, if any ("Submit an idea" keeps its steps' answers here). */
  readonly draft: SessionDraft | undefined;
  /** Keeps (or, with undefined, forgets) the idea being written; nothing without a signed-in session. */
  saveDraft(draft: SessionDraft | undefined): Promise<void>;
  /** The cookie value to send back. */
  cookie(): string;
}

/** The stored session, kept current; undefined when it ended meanwhile or the provider ended it. */
const keepCurrent = async (deps: SessionDeps, stored: StoredSession): Promise<StoredSession | undefined> => {
  const { store, now } = deps;
  if (now - stored.refreshedAt >= deps.refreshMs) {
    const refreshed = await deps.signIn
      .refresh({ user: stored.user, grant: stored.grant })
      .catch((error: unknown) => {
        deps.logError(error);
        return { status: 'unavailable' } as const;
      });
    if (refreshed.status === 'ended') {
      await store.delete(stored.id);
      return undefined;
    }
    if (refreshed.status === 'current') {
      const grant = refreshed.grant ?? stored.grant;
      const change = { user: refreshed.user, grant, refreshedAt: now, seenAt: now };
      return (await store.refreshed(stored.id, change)) ? { ...stored, ...change } : undefined;
    }
  }
  if (now - stored.seenAt < SEEN_PRECISION_MS) return stored;
  return (await store.touch(stored.id, now)) ? { ...stored, seenAt: now } : undefined;
};

export const openSession = async (deps: SessionDeps, cookie: string | undefined): Promise<OpenSession> => {
  const read = readSessionCookie(deps.secret, cookie);
  let signedIn: StoredSession | undefined;
  let visitor: Visitor | undefined;
  let status: OpenSession['status'] = 'none';
  let timedOut: Expiry | undefined;

  if (read?.kind === 'signedIn') {
    const stored = await deps.store.get(read.sid);
    const expired = stored && expiryOf(stored, deps.now);
    if (stored && expired) {
      await deps.store.delete(stored.id);
      [status, timedOut] = [expired, expired];
    } else if (stored) {
      signedIn = await keepCurrent(deps, stored);
      if (signedIn) status = 'valid';
    }
  } else if (read?.kind === 'visitor') {
    const expired = expiryOf(read.visitor, deps.now);
    if (expired) status = expired;
    else [status, visitor] = ['valid', { ...read.visitor, seenAt: deps.now }];
  }
  if (!signedIn) visitor ??= newVisitor(deps.now);

  return {
    get user() {
      return signedIn?.user;
    },
    get csrf() {
      return signedIn?.csrf ?? visitor?.csrf ?? '';
    },
    status,
    timedOut,
    async signIn(user, grant) {
      const next = newStoredSession(deps.now, user, grant);
      await deps.store.create(next);
      if (signedIn) await deps.store.delete(signedIn.id);
      signedIn = next;
      visitor = undefined;
    },
    get draft() {
      return signedIn?.draft;
    },
    async saveDraft(draft) {
      if (!signedIn) return;
      // A session ended meanwhile keeps nothing: the next page finds it gone and asks for sign-in.
      if (await deps.store.saveDraft(signedIn.id, draft)) signedIn = { ...signedIn, draft };
    },
    async signOut() {
      const ended = signedIn;
      if (ended) await deps.store.delete(ended.id);
      signedIn = undefined;
      visitor = newVisitor(deps.now);
      return ended?.grant;
    },
    cookie: () =>
      sealSessionCookie(
        deps.secret,
        signedIn
          ? { kind: 'signedIn', sid: signedIn.id }
          : { kind: 'visitor', visitor: visitor ?? newVisitor(deps.now) },
      ),
  };
};
