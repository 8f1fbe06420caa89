import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '#shared/domain/audit.ts';
import { auditQuerySchema, erasureSchema, redactionSchema } from '#shared/domain/governance-schemas.ts';
import { redactablePaths } from '#shared/domain/redaction.ts';
import { toIssues } from '#shared/domain/schemas.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';

const issues = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : toIssues(result.error as Parameters<typeof toIssues>[0]);

describe('erasureSchema', () => {
  it.each([
    ['a reason of 5 characters', { reason: 'Asked' }, true],
    ['a reason of 2,000 characters', { reason: 'x'.repeat(2000) }, true],
    ['a reason of 4 characters', { reason: 'Left' }, false],
    ['blanks around a short reason', { reason: '   no   ' }, false],
    ['a reason of 2,001 characters', { reason: 'x'.repeat(2001) }, false],
    ['no reason', {}, false],
    ['a reason that is not text', { reason: 42 }, false],
    ['a field we do not know', { reason: 'Asked to go', person: 'sam' }, false],
    ['a lone surrogate', { reason: 'Asked \uD800 to go' }, false],
  ])('%s: %s', (_label, body, ok) => {
    // Act
    const result = erasureSchema.safeParse(body);

    // Assess
    expect(result.success).toBe(ok);
    if (!ok) expect(issues(result).length).toBeGreaterThan(0);
  });

  it('says what to do when the reason is missing', () => {
    // Act / Assess
    expect(issues(erasureSchema.safeParse({}))).toEqual([
      {
        path: 'reason',
        message: "Enter the reason for erasing this person's records, between 5 and 2,000 characters",
      },
    ]);
  });
});

describe('redactionSchema', () => {
  const experiment = (cycles: number): StoredExperiment =>
    ({
      title: 'A title',
      problem: 'A problem',
      hypothesis: { weBelieve: 'a', toTestIt: 'b', measure: 'c', rightIf: 'd' },
      decision: { outcome: 'decline', by: 'mo', byName: 'Mo', at: '2026-01-01T00:00:00Z', reason: 'No' },
      authorisation: { by: 'mo', byName: 'Mo', at: '2026-01-01T00:00:00Z', conditions: 'Soon' },
      cycles: Array.from({ length: cycles }, (_, i) => ({
        number: i + 1,
        result: 'worked',
        observed: 'o',
        learned: 'l',
        next: 'adapt',
        recordedAt: '2026-01-02T00:00:00Z',
        recordedBy: 'olu',
        incident: 'minor',
        incidentDetail: 'd',
      })),
      history: [
        {
          at: '2026-01-01T00:00:00Z',
          by: 'olu',
          byName: 'Olu',
          event: 'submitted',
          status: 'assessing',
          detail: 'x',
        },
      ],
    }) as unknown as StoredExperiment;

  it('accepts every path redaction offers, whatever the number of cycles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), (cycles) => {
        // Act
        const refused = redactablePaths(experiment(cycles)).filter(
          (field) => !redactionSchema.safeParse({ field, reason: 'A family was named.' }).success,
        );

        // Assess
        expect(refused).toEqual([]);
      }),
    );
  });

  it.each([
    ['a path with spaces', 'cycles 1 observed'],
    ['an empty field', ''],
    ['a path of four parts', 'cycles.1.observed.more'],
    ['a path starting with a dot', '.problem'],
    ['a prototype key with brackets', '__proto__[x]'],
    ['a very long path', `a${'.b'.repeat(60)}`],
  ])('refuses %s with an issue on field', (_label, field) => {
    // Act
    const found = issues(redactionSchema.safeParse({ field, reason: 'A family was named.' }));

    // Assess
    expect(found.map((issue) => issue.path)).toEqual(['field']);
  });

  it('refuses a short reason and an unknown field', () => {
    // Act
    const found = issues(redactionSchema.safeParse({ field: 'problem', reason: 'no', extra: true }));

    // Assess
    expect(found.map((issue) => issue.path).sort()).toEqual(['extra', 'reason']);
  });
});

describe('auditQuerySchema', () => {
  it('defaults to the first page of 20 as JSON', () => {
    // Act / Assess
    expect(auditQuerySchema.parse({})).toEqual({ format: 'json', limit: 20 });
  });

  it.each(AUDIT_ACTIONS)('takes the action %s', (action) => {
    // Act / Assess
    expect(auditQuerySchema.parse({ action }).action).toBe(action);
  });

  it.each([
    ['an action we do not record', { action: 'delete' }, 'action'],
    ['an actor that could be nobody', { actor: 'sam smith' }, 'actor'],
    ['a target with a #', { target: 'AUDIT#x' }, 'target'],
    ['a format we do not give', { format: 'xml' }, 'format'],
    ['a limit over 100', { limit: '101' }, 'limit'],
    ['a date that is not real', { from: '2026-02-30' }, 'from'],
    ['an end before the start', { from: '2026-03-02', to: '2026-03-01' }, 'to'],
    ['a filter we do not have', { who: 'sam' }, 'who'],
  ])('refuses %s', (_label, query, path) => {
    // Act / Assess
    expect(issues(auditQuerySchema.safeParse(query)).map((issue) => issue.path)).toContain(path);
  });
});
