/**
 * The session store in memory, for the pages' in-process tests. `test/integration/session-store.test.ts`
 * runs the same contract against it and against the DynamoDB store over DynamoDB Local, so the two
 * cannot drift.
 */
import type { SessionStore, StoredSession } from '#shared/store/session-store.ts';

export const memorySessionStore = (): SessionStore & { size(): number } => {
  const sessions = new Map<string, StoredSession>();
  const copy = (session: StoredSession): StoredSession => structuredClone(session);
  return {
    size: () => sessions.size,
    async create(session) {
      if (sessions.has(session.id)) throw new Error('A session with this id exists');
      sessions.set(session.id, copy(session));
    },
    async get(id) {
      const found = sessions.get(id);
      return found ? copy(found) : undefined;
    },
    async touch(id, seenAt) {
      const found = sessions.get(id);
      if (found) found.seenAt = seenAt;
      return found !== undefined;
    },
    async refreshed(id, change) {
      const found = sessions.get(id);
      if (!found) return false;
      sessions.set(id, copy({ ...found, ...change, grant: change.grant ?? found.grant }));
      return true;
    },
    async delete(id) {
      sessions.delete(id);
    },
    async endSessionsOf(personId) {
      const ids = [...sessions.values()].filter((s) => s.user.id === personId).map((s) => s.id);
      for (const id of ids) sessions.delete(id);
      return ids.length;
    },
    async list(now) {
      return [...sessions.values()]
        .filter((s) => s.endsAt > now)
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
        .map(({ id, user, createdAt, seenAt, endsAt }) =>
          structuredClone({ id, user, createdAt, seenAt, endsAt }),
        );
    },
  };
};
