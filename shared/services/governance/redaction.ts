/**
 * Redaction: information governance removes the text of one free-text field of one experiment, for
 * personal details typed in by mistake. The removal is itself in the experiment's history (naming the
 * field and the reason, never the text) and in the audit trail, written in one transaction.
 */

import { hasPermission, PERMISSIONS } from '../../domain/access.ts';
import type { RedactionRequest } from '../../domain/governance-schemas.ts';
import { redact } from '../../domain/redaction.ts';
import type { StoredExperiment } from '../../domain/stored-experiment.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import type { AuditRecorder } from '../audit-service.ts';
import { refuseIdentifyingText } from '../experiments/free-text.ts';
import { historyEntry, load, refused, saveChange } from '../experiments/records.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';
import type { User } from '../user.ts';

export interface RedactionDeps {
  store: ExperimentStore;
  audit: AuditRecorder;
  now: () => Date;
}

export const redactionUseCase =
  (deps: RedactionDeps) =>
  async (user: User, id: string, readBody: () => RedactionRequest): Promise<StoredExperiment> => {
    // Decided before anything is read but whether the experiment exists: a refused attempt to change
    // one that does is recorded, like every other.
    if (!hasPermission(user, 'redactText')) {
      if (await deps.store.get(id)) await refused(deps.audit, user, id, 'change', 'forbidden');
      throw new ForbiddenError(PERMISSIONS.redactText.refusal);
    }
    let body: RedactionRequest | undefined;
    return retryOnConflict(async () => {
      const record = await load(deps.store, id);
      if (!body) {
        body = readBody();
        // The reason is kept in the history: it must not hold what it is removing.
        refuseIdentifyingText(body, ['reason'], deps.now());
      }
      const exp = record.experiment;
      const result = redact(exp, body.field);
      if (!result.ok) throw new ValidationError(result.message, [{ path: 'field', message: result.message }]);
      if (!result.changed) return exp;
      const at = deps.now().toISOString();
      // An anonymised experiment names nobody and keeps no free text but the learning: its entry says
      // only that text was removed; who removed it, and when, is in the audit trail.
      const entry = exp.anonymised
        ? { at, by: null, byName: null, event: 'redacted' as const, status: exp.status }
        : // The field as a code and the reason as written: each page words the entry in its own language.
          historyEntry(at, user, 'redacted', exp.status, body.reason, { field: body.field });
      const next: StoredExperiment = {
        ...result.experiment,
        updatedAt: at,
        history: [...result.experiment.history, entry],
      };
      await saveChange(deps, user, next, record, {
        audit: { actor: user.id, action: 'redaction', target: id, outcome: 'done' },
        names: exp.anonymised ? [] : [user.id],
      });
      return next;
    });
  };
