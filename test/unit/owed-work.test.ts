import { describe, expect, it } from 'vitest';
import type { Cycle, HistoryEntry } from '#shared/domain/experiment.ts';
import type { Status } from '#shared/domain/status.ts';
import { owedWorkChanges, owedWorkItemKey, owedWorkItems } from '#shared/store/owed-work.ts';

const ID = '0b6f3a52-9a43-4a4e-9f1e-2d6f6a1d1a11';
const AT = '2026-11-29T10:00:00.000Z';

type Cycles = Pick<Cycle, 'number' | 'incident' | 'recordedAt'>[];
type History = Pick<HistoryEntry, 'event' | 'cycle'>[];

const exp = (status: Status, cycles: Cycles = [], history: History = [], closedAt?: string) => ({
  id: ID,
  status,
  updatedAt: AT,
  cycles,
  history,
  ...(closedAt ? { closedAt } : {}),
});
const cycle = (number: number, incident: Cycle['incident']) => ({
  number,
  incident,
  recordedAt: `2026-11-2${number}T09:00:00.000Z`,
});

describe('owedWorkChanges', () => {
  it('owes a report for a serious incident the change records, and nothing for a minor one', () => {
    // Act
    const changes = owedWorkChanges(
      exp('testing', [cycle(1, 'minor')]),
      exp('testing', [cycle(1, 'minor'), cycle(2, 'serious')]),
    );

    // Assess
    expect(changes).toEqual({
      owe: [{ experimentId: ID, kind: 'incident', cycle: 2, at: cycle(2, 'serious').recordedAt }],
      settle: [],
    });
  });

  it('owes a notice for the change that adopts, and the report of its incident, once each', () => {
    // Prepare
    const before = exp('testing', [cycle(1, 'none')]);
    const after = exp('adopted', [cycle(1, 'none'), cycle(2, 'serious')], [], AT);

    // Act
    const first = owedWorkChanges(before, after);
    const again = owedWorkChanges(after, { ...after, updatedAt: '2026-12-01T00:00:00.000Z' });

    // Assess
    expect(first.owe.map((w) => w.kind).sort()).toEqual(['adoption', 'incident']);
    expect(first.owe.find((w) => w.kind === 'adoption')).toEqual({
      experimentId: ID,
      kind: 'adoption',
      at: AT,
    });
    expect(again).toEqual({ owe: [], settle: [] });
  });

  it('settles the report in the change that notes the incident reported', () => {
    // Prepare
    const owing = exp('abandoned', [cycle(1, 'serious')], [], AT);
    const noted = { ...owing, history: [{ event: 'incidentReported' as const, cycle: 1 }] };
    const reported = {
      experimentId: ID,
      kind: 'incident' as const,
      cycle: 1,
      at: cycle(1, 'serious').recordedAt,
    };

    // Act
    const changes = owedWorkChanges(owing, noted);
    const items = owedWorkItems('t', owing, noted);

    // Assess
    expect(changes.owe).toEqual([]);
    expect(changes.settle).toEqual([reported]);
    expect(items).toEqual([{ Delete: { TableName: 't', Key: owedWorkItemKey(reported) } }]);
  });

  it('owes nothing for an abandonment with no serious incident', () => {
    // Act
    const items = owedWorkItems('t', exp('testing'), exp('abandoned', [cycle(1, 'none')], [], AT));

    // Assess
    expect(items).toEqual([]);
  });

  it('keys each piece of work apart, in the one partition reconciliation reads', () => {
    // Act
    const keys = [
      owedWorkItemKey({ experimentId: ID, kind: 'incident', cycle: 1, at: AT }),
      owedWorkItemKey({ experimentId: ID, kind: 'incident', cycle: 2, at: AT }),
      owedWorkItemKey({ experimentId: ID, kind: 'adoption', at: AT }),
    ];

    // Assess
    expect(new Set(keys.map((k) => k.pk))).toEqual(new Set(['OWED']));
    expect(new Set(keys.map((k) => k.sk)).size).toBe(3);
    expect(keys[2]?.sk).toBe(`${AT}#${ID}#adoption`);
  });
});
