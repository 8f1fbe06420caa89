/**
 * The audit trail as information governance reads it, and the one way the services record an event
 * that has no change of its own to write (a sign-in, an export, a refused attempt). Changes that are
 * audited write their entry in their own transaction instead (`store.save(..., { audit })`).
 */
import { type AuditEntry, auditEntryOf, verifyChain } from '../domain/audit.ts';
import type { AuditQuery } from '../domain/governance-schemas.ts';
import type { AuditFilters, AuditQueries } from '../store/audit-queries.ts';
import { AuditHeadBusy, type AuditRecord, type AuditStore } from '../store/audit-store.ts';
import { csvRow } from './csv.ts';
import type { CursorBinding, PageCursors } from './cursors.ts';
import { dateRange, type Page } from './experiments/reads.ts';
import { auditBusy } from './retry-on-conflict.ts';
import { requirePermission } from './rights.ts';
import type { User } from './user.ts';

export const AUDIT_COLUMNS = ['at', 'actor', 'action', 'target', 'outcome', 'hash', 'previousHash'] as const;

export type VerifyResult =
  | { entries: number; intact: true }
  | {
      entries: number;
      intact: false;
      firstBroken: {
        index: number;
        at: string | null;
        hash: string | null;
        reason: 'changed' | 'unlinked' | 'head';
        entry: AuditEntry | null;
      };
    };

/** How many times verification reads again when retention moved the anchor while it read. */
const VERIFY_READS = 3;

/** What the services need to record an event: used by every use case that refuses or exports. */
export interface AuditRecorder {
  record(record: AuditRecord): Promise<void>;
}

export const auditService = (deps: { store: AuditStore; queries: AuditQueries; cursors: PageCursors }) => {
  const filtersOf = (query: AuditQuery): AuditFilters => {
    const { from, to } = dateRange(query);
    return { from, to, actor: query.actor, action: query.action, target: query.target };
  };

  const bindingOf = (user: User, filters: AuditFilters): CursorBinding => ({
    user: user.id,
    list: 'audit',
    ...filters,
  });

  return {
    async record(record: AuditRecord): Promise<void> {
      try {
        await deps.store.append(record);
      } catch (error) {
        if (error instanceof AuditHeadBusy) throw auditBusy();
        throw error;
      }
    },

    /** A page of the trail, newest first, filtered. */
    async list(user: User, query: AuditQuery): Promise<Page<AuditEntry>> {
      requirePermission(user, 'readAudit');
      const filters = filtersOf(query);
      const binding = bindingOf(user, filters);
      const startKey = await deps.cursors.decode(query.cursor, binding);
      const page = await deps.queries.query(filters, { newestFirst: true, limit: query.limit, startKey });
      return { items: page.items.map(auditEntryOf), next: await deps.cursors.encode(page.lastKey, binding) };
    },

    /** Every entry the filters match, newest first, as CSV (formulas neutralised, see csv.ts). */
    async *csv(user: User, query: AuditQuery): AsyncGenerator<string> {
      requirePermission(user, 'readAudit');
      const filters = filtersOf(query);
      yield csvRow([...AUDIT_COLUMNS]);
      for await (const page of deps.queries.each(filters, true)) {
        for (const entry of page) yield csvRow(AUDIT_COLUMNS.map((column) => entry[column]));
      }
    },

    /**
     * Recomputes the chain from the anchor to the head, reading the trail in order once. The head is
     * read first, so entries appended meanwhile are left for the next verification; the anchor is read
     * before and after, so retention removing old entries meanwhile is never taken for tampering.
     */
    async verify(user: User): Promise<VerifyResult> {
      requirePermission(user, 'readAudit');
      for (let read = 1; ; read++) {
        const anchor = await deps.queries.readAnchor();
        const head = await deps.store.readHead();
        const chain = (await deps.queries.chain(head.seq)).filter((entry) => entry.seq > anchor.seq);
        const after = await deps.queries.readAnchor();
        if (after.seq !== anchor.seq && read < VERIFY_READS) continue;
        const verdict = verifyChain(chain, { head: head.hash, anchor: anchor.hash });
        if (verdict.intact) return verdict;
        const broken = chain[verdict.firstBroken.index];
        return {
          ...verdict,
          firstBroken: { ...verdict.firstBroken, entry: broken ? auditEntryOf(broken) : null },
        };
      }
    },
  };
};

export type AuditService = ReturnType<typeof auditService>;
