/**
 * The people directory as requests refresh it: every sign-in and API call says who the caller is, and
 * the directory is written only when that says something new. Two bounds keep it from costing a write
 * per request: the store's put is conditional on the entry being older than `STALE_AFTER_MS` or
 * different (name, team or groups), and this process does not even try again for a person it wrote or
 * found current within that time, unless they changed.
 */
import type { DirectoryEntry } from '../domain/cover.ts';
import { type DirectoryStore, fingerprint } from '../store/directory-store.ts';
import type { User } from './user.ts';

/** How old `lastSeenAt` may grow before a request writes it again: 15 minutes. */
export const STALE_AFTER_MS = 15 * 60 * 1000;

/** People remembered per process; beyond it the oldest are forgotten (a forgotten one costs one try). */
const REMEMBERED = 5000;

export interface DirectoryDeps {
  directory: Pick<DirectoryStore, 'seen'>;
  /** Whether governance erased the person: their token may outlive the erasure, their entry must not. */
  wasErased: (personId: string) => Promise<boolean>;
  now: () => Date;
  logError?: (error: unknown) => void;
}

export const directoryService = (deps: DirectoryDeps) => {
  const checked = new Map<string, { fingerprint: string; at: number }>();

  return {
    /**
     * Records that `user` was seen now, if the directory may not know it yet. Never fails the request
     * it serves: the directory is kept up to date on a best-effort basis, and the next request tries again.
     */
    async seen(user: User): Promise<void> {
      const at = deps.now();
      const entry: DirectoryEntry = {
        id: user.id,
        name: user.name,
        team: user.team,
        groups: [...user.roles],
        lastSeenAt: at.toISOString(),
      };
      const print = fingerprint(entry);
      const last = checked.get(user.id);
      if (last && last.fingerprint === print && at.getTime() - last.at < STALE_AFTER_MS) return;
      try {
        // Read only when about to write: at most once a person in a while, like the write.
        if (!(await deps.wasErased(user.id))) {
          await deps.directory.seen(entry, new Date(at.getTime() - STALE_AFTER_MS).toISOString());
        }
        checked.delete(user.id);
        checked.set(user.id, { fingerprint: print, at: at.getTime() });
        if (checked.size > REMEMBERED) {
          const oldest = checked.keys().next().value;
          if (oldest !== undefined) checked.delete(oldest);
        }
      } catch (error) {
        (deps.logError ?? console.error)(error);
      }
    },
  };
};

export type DirectoryService = ReturnType<typeof directoryService>;
