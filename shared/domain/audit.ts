/**
 * The audit trail's entries and hash chain. Each entry's hash covers its fields and the hash before
 * it, so changing, removing or reordering an entry breaks every link after it; the newest hash (the
 * chain's head) is stored apart, so removing the newest entries is caught too. Writers take turns on
 * that head with a conditional write: `chainEntry` is the pure half of that step.
 */
import { createHash } from 'node:crypto';

/**
 * What is audited: the spec's list, plus cover being set or ended (it widens who may see cases) and
 * retention's anonymisation (a change to records nobody asked for). Not audited: an allowance being
 * drawn, which is part of the assessment it belongs to, already in the experiment and its balance.
 */
export const AUDIT_ACTIONS = [
  'signIn',
  'signOut',
  /** A session ended by someone else: a leader or governance, or erasure. */
  'sessionEnded',
  'decision',
  'cycle',
  'policyPublished',
  'csvExport',
  /** The learning library downloaded as open data (leaders). */
  'libraryExport',
  'recordsExport',
  'erasure',
  'redaction',
  /** A refused attempt to read an experiment that exists (403, or 404 for one the caller may not see). */
  'readRefused',
  /** A refused attempt to change an experiment that exists. */
  'changeRefused',
  'coverSet',
  'coverEnded',
  'anonymisation',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `forbidden` and `notFound` are the 403 and 404 of a refused attempt; everything else is `done`. */
export const AUDIT_OUTCOMES = ['done', 'forbidden', 'notFound'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What the writer says; ids only, never free text, so retention never needs to anonymise it. */
export interface AuditFields {
  at: string;
  /** A user id, or "system" for retention. */
  actor: string;
  action: AuditAction;
  /** An experiment id, a person's id, a policy version, a cover id; null for sign-in and sign-out. */
  target: string | null;
  outcome: AuditOutcome;
}

export interface AuditEntry extends AuditFields {
  hash: string;
  previousHash: string;
}

/** Exactly the spec's fields of an entry, whatever else the value carries (a stored item's keys). */
export const auditEntryOf = (entry: AuditEntry): AuditEntry => ({
  at: entry.at,
  actor: entry.actor,
  action: entry.action,
  target: entry.target,
  outcome: entry.outcome,
  hash: entry.hash,
  previousHash: entry.previousHash,
});

/** The `previousHash` of the first entry ever written. */
export const GENESIS_HASH = '0'.repeat(64);

const FORMAT = 'fail-forward-audit-1';

/**
 * The bytes that are hashed: the UTF-8 of the JSON array
 * `["fail-forward-audit-1", at, actor, action, target, outcome, previousHash]`, in that order, with
 * `target` as JSON null when there is none. An array, not an object, so key order cannot vary; JSON
 * string escaping, so no field can pass for two. Fields are hashed as stored, never reformatted.
 */
export const canonicalAuditEntry = (entry: AuditFields, previousHash: string): string =>
  JSON.stringify([
    FORMAT,
    entry.at,
    entry.actor,
    entry.action,
    entry.target ?? null,
    entry.outcome,
    previousHash,
  ]);

/** SHA-256, lower-case hex, over the canonical form. */
export const hashEntry = (entry: AuditFields, previousHash: string): string =>
  createHash('sha256').update(canonicalAuditEntry(entry, previousHash), 'utf8').digest('hex');

/** The next entry of a chain whose head is `head`; the writer stores it and moves the head to its hash. */
export const chainEntry = (fields: AuditFields, head: string): AuditEntry => ({
  at: fields.at,
  actor: fields.actor,
  action: fields.action,
  target: fields.target ?? null,
  outcome: fields.outcome,
  previousHash: head,
  hash: hashEntry(fields, head),
});

/**
 * Why the chain breaks where it does: `changed` (the entry does not match its own hash), `unlinked`
 * (it does not follow the entry before it: one was removed or the order changed), `head` (the
 * newest entry is not the stored head: the newest entries were removed, or the head was altered;
 * `index` is then the newest entry present, 0 when there is none).
 */
export type ChainBreak = 'changed' | 'unlinked' | 'head';

export type ChainVerdict =
  | { entries: number; intact: true }
  | {
      entries: number;
      intact: false;
      firstBroken: { index: number; at: string | null; hash: string | null; reason: ChainBreak };
    };

/**
 * Checks entries oldest first against the stored head. `anchor` is the `previousHash` the oldest
 * entry must carry: the genesis hash, or, once old entries have passed `auditRetentionMonths` and
 * gone, the hash of the last one removed (kept with the head for this purpose).
 */
export const verifyChain = (
  entries: readonly AuditEntry[],
  opts: { head: string; anchor?: string },
): ChainVerdict => {
  const n = entries.length;
  let expected = opts.anchor ?? GENESIS_HASH;
  for (let index = 0; index < n; index++) {
    const entry = entries[index] as AuditEntry;
    const broken = (reason: ChainBreak): ChainVerdict => ({
      entries: n,
      intact: false,
      firstBroken: { index, at: entry.at, hash: entry.hash, reason },
    });
    if (entry.previousHash !== expected) return broken('unlinked');
    if (hashEntry(entry, entry.previousHash) !== entry.hash) return broken('changed');
    expected = entry.hash;
  }
  if (expected === opts.head) return { entries: n, intact: true };
  const last = entries[n - 1];
  return {
    entries: n,
    intact: false,
    firstBroken: {
      index: Math.max(0, n - 1),
      at: last?.at ?? null,
      hash: last?.hash ?? null,
      reason: 'head',
    },
  };
};
