/**
 * Ending other people's web sessions: when someone leaves the council or loses a device, and as part
 * of erasing a person's records. Each ending is an entry in the audit trail. Used by
 * `POST /api/people/{id}/sessions/end` and by the "People signed in" page alike.
 */
import { hasPermission, PERMISSIONS } from '../domain/access.ts';
import { isPersonId } from '../domain/person.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { AuditRecorder } from './audit-service.ts';
import type { User } from './user.ts';

export const NO_PERSON = 'There is no person with that id.';

/** Someone with a session that is still in use, as the leaders' page lists them. */
export interface SignedInPerson {
  id: string;
  name: string;
  team: string;
  sessions: number;
  /** Epoch milliseconds, to the minute. */
  lastSeenAt: number;
}

/** Who may end other people's sessions: `PERMISSIONS.endSessions` (shared/domain/access.ts). */
export const maySessionsBeEndedBy = (actor: User): boolean => hasPermission(actor, 'endSessions');

export const sessionAdmin = (deps: {
  sessions: SessionStore;
  /** Where each ending is recorded: the audit trail's "session ended by someone else". */
  audit: AuditRecorder;
  now?: () => number;
}) => {
  const now = deps.now ?? Date.now;

  /** 403 for anyone who may not: decided before anything about the person is read. */
  const requireMayEnd = (actor: User): void => {
    if (!maySessionsBeEndedBy(actor)) throw new ForbiddenError(PERMISSIONS.endSessions.refusal);
  };

  return {
    requireMayEnd,

    /** Ends every session of `personId` at once. A well-formed id with no sessions ends none. */
    async endSessionsOf(actor: User, personId: string): Promise<{ ended: number }> {
      requireMayEnd(actor);
      if (!isPersonId(personId)) throw new NotFoundError(NO_PERSON);
      const ended = await deps.sessions.endSessionsOf(personId);
      if (ended > 0) {
        await deps.audit.record({
          actor: actor.id,
          action: 'sessionEnded',
          target: personId,
          outcome: 'done',
        });
      }
      return { ended };
    },

    /** People with a session not idle for longer than `idleTimeoutMs`, most recently seen first. */
    async signedIn(actor: User, idleTimeoutMs: number): Promise<SignedInPerson[]> {
      requireMayEnd(actor);
      const at = now();
      const people = new Map<string, SignedInPerson>();
      for (const session of await deps.sessions.list(at)) {
        if (at - session.seenAt > idleTimeoutMs) continue;
        const known = people.get(session.user.id);
        if (known) {
          known.sessions += 1;
          known.lastSeenAt = Math.max(known.lastSeenAt, session.seenAt);
        } else {
          const { id, name, team } = session.user;
          people.set(id, { id, name, team, sessions: 1, lastSeenAt: session.seenAt });
        }
      }
      return [...people.values()].sort((a, b) => b.lastSeenAt - a.lastSeenAt || a.name.localeCompare(b.name));
    },
  };
};

export type SessionAdmin = ReturnType<typeof sessionAdmin>;
