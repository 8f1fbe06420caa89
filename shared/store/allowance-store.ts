/**
 * The innovation allowance's balances: one item per team and financial year, holding only what was
 * drawn (`drawnPence`, whole pence, so sums are exact). The allowance itself comes from the current
 * policy, so a new policy that changes it keeps what was drawn, and a new financial year is a new item
 * that starts at nothing drawn.
 *
 * A draw is an `ADD` in the same transaction as the experiment it authorises, on condition that what
 * was drawn leaves room for it; of two ideas racing for the last of an allowance, the transaction of
 * exactly one commits, and the other is assessed again against the balance as it now is.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { allowanceBalanceKey, allowanceYearPartition, teamOfAllowanceKey } from './keys.ts';
import { queryPages } from './query-index.ts';
import type { TransactItem } from './transactions.ts';

/** What one assessment draws: in whole pence, from `team`'s balance of the year starting 1 April `year`. */
export interface AllowanceDraw {
  team: string;
  year: number;
  pence: number;
  /** The team's allowance in the current policy, in pence: the balance may not go above it. */
  allowancePence: number;
}

export const toPence = (pounds: number): number => Math.round(pounds * 100);
export const toPounds = (pence: number): number => pence / 100;

/** The conditional `ADD` of a draw, for the transaction that authorises the idea. */
export const drawItem = (tableName: string, draw: AllowanceDraw): TransactItem => {
  // The caller draws only what fits the allowance; with nothing drawn yet, only the condition's second half is checked.
  if (!(draw.pence > 0 && draw.pence <= draw.allowancePence))
    throw new RangeError('A draw must fit the allowance');
  return drawUpdate(tableName, draw);
};

const drawUpdate = (tableName: string, draw: AllowanceDraw): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: allowanceBalanceKey(draw.year, draw.team),
    UpdateExpression: 'ADD drawnPence :pence SET team = :team, #year = :year',
    // DynamoDB has no arithmetic in conditions: drawn + pence <= allowance is drawn <= allowance - pence.
    ConditionExpression: 'attribute_not_exists(drawnPence) OR drawnPence <= :most',
    ExpressionAttributeNames: { '#year': 'year' },
    ExpressionAttributeValues: {
      ':pence': draw.pence,
      ':team': draw.team,
      ':year': draw.year,
      ':most': draw.allowancePence - draw.pence,
    },
  },
});

export const allowanceStore = (db: DynamoDBDocumentClient, tableName: string) => ({
  /** What `team` has drawn in the year starting 1 April `year`, in pence; read consistently. */
  async drawn(team: string, year: number): Promise<number> {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: allowanceBalanceKey(year, team), ConsistentRead: true }),
    );
    return Number(out.Item?.drawnPence ?? 0);
  },

  /** What every team has drawn in the year, in pence, by team. */
  async drawnByTeam(year: number): Promise<Map<string, number>> {
    const drawn = new Map<string, number>();
    const query = {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': allowanceYearPartition(year) },
      ConsistentRead: true,
    };
    for await (const page of queryPages(db, query)) {
      for (const item of page.Items ?? []) {
        const team = teamOfAllowanceKey(String(item.sk));
        if (team !== undefined) drawn.set(team, Number(item.drawnPence ?? 0));
      }
    }
    return drawn;
  },
});

export type AllowanceStore = ReturnType<typeof allowanceStore>;
