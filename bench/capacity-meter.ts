/**
 * Counts every DynamoDB call made in this process, by table: the app's handlers, the local Step
 * Functions service and the bench itself all use SDK v3 clients, and every SDK v3 client's `send` is
 * the one method of smithy's `Client` base class. Wrapping that one method counts all of them without
 * touching the application code, and asks DynamoDB (Local) for `ReturnConsumedCapacity: INDEXES`, so
 * the capacity units are DynamoDB's own figures, index writes included.
 *
 * What is counted per table:
 * - write requests: calls that write (PutItem, UpdateItem, DeleteItem, TransactWriteItems, BatchWriteItem);
 * - item writes: items those calls write (a transaction of three puts is one request and three items);
 * - read requests and items read (GetItem, Query, Scan, TransactGetItems, BatchGetItem);
 * - consumed write and read units as DynamoDB Local reports them, and `txWriteItems`, the item writes
 *   made inside transactions, which AWS bills at twice the units of a plain write (DynamoDB Local does
 *   not double them; cost.md does).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Tally {
  writeRequests: number;
  itemWrites: number;
  txWriteItems: number;
  readRequests: number;
  itemReads: number;
  /** Consumed write capacity units, as reported (table and indexes). */
  wcu: number;
  /** The part of `wcu` consumed inside TransactWriteItems, which AWS bills twice. */
  wcuTx: number;
  /** Consumed read capacity units, as reported. */
  rcu: number;
  /** Write calls that failed (conditional check, cancelled transaction): AWS still bills them. */
  failedWrites: number;
  byOperation: Record<string, number>;
}

export type Snapshot = Record<string, Tally>;

const emptyTally = (): Tally => ({
  writeRequests: 0,
  itemWrites: 0,
  txWriteItems: 0,
  readRequests: 0,
  itemReads: 0,
  wcu: 0,
  wcuTx: 0,
  rcu: 0,
  failedWrites: 0,
  byOperation: {},
});

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem']);
const READS = new Set(['GetItem', 'Query', 'Scan', 'TransactGetItems', 'BatchGetItem']);

type Input = Record<string, unknown>;
type Command = { input?: Input; clientCommand?: { input?: Input; constructor: { name: string } } };
type Capacity = {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
};

const operationOf = (command: Command): string => {
  // Document-client commands wrap the low-level one; its class name is the DynamoDB action.
  const name = (command.clientCommand ?? (command as { constructor: { name: string } })).constructor.name;
  return name.replace(/Command$/, '');
};

/** The tables a call touches, with the number of items it writes or reads in each. */
const itemsByTable = (operation: string, input: Input): [string, number][] => {
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    const items = (input.TransactItems as Record<string, { TableName?: string }>[] | undefined) ?? [];
    const counts = new Map<string, number>();
    for (const item of items) {
      const action = Object.values(item)[0];
      const table = action?.TableName ?? '?';
      counts.set(table, (counts.get(table) ?? 0) + 1);
    }
    return [...counts];
  }
  if (operation === 'BatchWriteItem' || operation === 'BatchGetItem') {
    const requests = (input.RequestItems as Record<string, unknown[] | { Keys?: unknown[] }>) ?? {};
    return Object.entries(requests).map(([table, value]) => [
      table,
      Array.isArray(value) ? value.length : (value.Keys?.length ?? 0),
    ]);
  }
  return [[String(input.TableName ?? '?'), 1]];
};

const unitsOf = (capacity: Capacity): number =>
  capacity.CapacityUnits ?? (capacity.ReadCapacityUnits ?? 0) + (capacity.WriteCapacityUnits ?? 0);

class CapacityMeter {
  private tallies = new Map<string, Tally>();
  private installed = false;
  /** While paused, calls go straight through: no ReturnConsumedCapacity, nothing counted. */
  private paused = false;
  /** Calls sent and not answered yet: a slow write in flight is not quiet. */
  private inflight = 0;

  private tally(table: string): Tally {
    let tally = this.tallies.get(table);
    if (!tally) {
      tally = emptyTally();
      this.tallies.set(table, tally);
    }
    return tally;
  }

  /**
   * Latency phases that count nothing (the dashboard) pause the meter: asking DynamoDB Local for
   * ConsumedCapacity makes it size every item it reads, work the real request never asks for.
   */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  install(): void {
    if (this.installed) return;
    this.installed = true;
    // Both clients extend smithy's Client; patching its prototype once covers every instance.
    const bases = new Set(
      [DynamoDBClient, DynamoDBDocumentClient].map((c) => Object.getPrototypeOf(c.prototype) as object),
    );
    const meter = this;
    for (const base of bases) {
      type Sender = { config?: { serviceId?: string } };
      const proto = base as { send: (this: Sender, command: Command, ...rest: unknown[]) => unknown };
      const original = proto.send;
      proto.send = function send(this: Sender, command: Command, ...rest) {
        if (this.config?.serviceId !== 'DynamoDB' || rest.length > 0) {
          return original.call(this, command, ...rest);
        }
        return meter.observe(command, () => original.call(this, command) as Promise<Record<string, unknown>>);
      };
    }
  }

  private async observe(
    command: Command,
    call: () => Promise<Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    const operation = operationOf(command);
    const isWrite = WRITES.has(operation);
    const isRead = READS.has(operation);
    if (this.paused || (!isWrite && !isRead)) return call();
    const input = command.input ?? {};
    if (input.ReturnConsumedCapacity === undefined) {
      input.ReturnConsumedCapacity = 'INDEXES';
      if (command.clientCommand?.input && command.clientCommand.input !== input)
        command.clientCommand.input.ReturnConsumedCapacity = 'INDEXES';
    }
    const tables = itemsByTable(operation, input);
    for (const [table, items] of tables) {
      const tally = this.tally(table);
      tally.byOperation[operation] = (tally.byOperation[operation] ?? 0) + 1;
      if (isWrite) {
        tally.writeRequests++;
        tally.itemWrites += items;
        if (operation === 'TransactWriteItems') tally.txWriteItems += items;
      } else {
        tally.readRequests++;
      }
    }
    let output: Record<string, unknown>;
    this.inflight++;
    try {
      output = await call();
    } catch (error) {
      if (isWrite) for (const [table] of tables) this.tally(table).failedWrites++;
      throw error;
    } finally {
      this.inflight--;
    }
    const consumed = output.ConsumedCapacity as Capacity | Capacity[] | undefined;
    for (const capacity of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      const tally = this.tally(capacity.TableName ?? tables[0]?.[0] ?? '?');
      if (isWrite) tally.wcu += unitsOf(capacity);
      else tally.rcu += unitsOf(capacity);
      if (operation === 'TransactWriteItems') tally.wcuTx += unitsOf(capacity);
    }
    if (isRead) {
      const items = Array.isArray(output.Items)
        ? output.Items.length
        : output.Item
          ? 1
          : Array.isArray(output.Responses)
            ? output.Responses.length
            : 0;
      const table = tables[0]?.[0];
      if (table) this.tally(table).itemReads += items;
    }
    return output;
  }

  /** Write requests so far, all tables: a cheap probe for `settled`. */
  writes(): number {
    let n = 0;
    for (const t of this.tallies.values()) n += t.writeRequests;
    return n;
  }

  /**
   * Resolves once no DynamoDB write has started for `quietMs` and no write or read is in flight: the
   * workflows started by a phase have parked or ended. The local service's deadline timer polls its
   * index four times a second, so reads alone never count as activity; a read in flight only delays.
   */
  async settled(quietMs = 500, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = this.writes();
    let quietSince = Date.now();
    while (Date.now() - quietSince < quietMs || this.inflight > 0) {
      if (Date.now() > deadline) throw new Error('DynamoDB writes did not settle');
      await new Promise((r) => setTimeout(r, 25));
      const now = this.writes();
      if (now !== last || this.inflight > 0) {
        last = now;
        quietSince = Date.now();
      }
    }
  }

  snapshot(): Snapshot {
    return Object.fromEntries(
      [...this.tallies].map(([table, t]) => [table, { ...t, byOperation: { ...t.byOperation } }]),
    );
  }
}

export const meter = new CapacityMeter();

/** What happened between two snapshots, per table (tables with no activity are left out). */
export const difference = (before: Snapshot, after: Snapshot): Snapshot => {
  const out: Snapshot = {};
  for (const [table, a] of Object.entries(after)) {
    const b = before[table] ?? emptyTally();
    const byOperation: Record<string, number> = {};
    for (const [op, n] of Object.entries(a.byOperation)) {
      const d = n - (b.byOperation[op] ?? 0);
      if (d !== 0) byOperation[op] = d;
    }
    const tally: Tally = {
      writeRequests: a.writeRequests - b.writeRequests,
      itemWrites: a.itemWrites - b.itemWrites,
      txWriteItems: a.txWriteItems - b.txWriteItems,
      readRequests: a.readRequests - b.readRequests,
      itemReads: a.itemReads - b.itemReads,
      wcu: a.wcu - b.wcu,
      wcuTx: a.wcuTx - b.wcuTx,
      rcu: a.rcu - b.rcu,
      failedWrites: a.failedWrites - b.failedWrites,
      byOperation,
    };
    if (Object.keys(byOperation).length > 0) out[table] = tally;
  }
  return out;
};

/** Adds the tallies of every table. */
export const total = (snapshot: Snapshot): Tally => {
  const sum = emptyTally();
  for (const t of Object.values(snapshot)) {
    sum.writeRequests += t.writeRequests;
    sum.itemWrites += t.itemWrites;
    sum.txWriteItems += t.txWriteItems;
    sum.readRequests += t.readRequests;
    sum.itemReads += t.itemReads;
    sum.wcu += t.wcu;
    sum.wcuTx += t.wcuTx;
    sum.rcu += t.rcu;
    sum.failedWrites += t.failedWrites;
    for (const [op, n] of Object.entries(t.byOperation)) sum.byOperation[op] = (sum.byOperation[op] ?? 0) + n;
  }
  return sum;
};
