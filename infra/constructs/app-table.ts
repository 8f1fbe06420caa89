import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/store/table-design.ts';

export interface AppTableProps {
  /** Production keeps the table when the stack goes, and refuses a delete until protection is lifted. */
  production: boolean;
}

/*
 * The single table. Its keys are built only by shared/store/keys.ts; the formats, copied from there:
 *
 * Item                pk                         sk                gsi keys (sparse)
 * ------------------  -------------------------  ----------------  --------------------------------------------
 * experiment          EXP#<id>                   EXP               gsi1 teamQueue   QUEUE#TEAM#<team> / <escalatedAt>#<id>   (while escalated)
 *                                                                  gsi2 leaderQueue QUEUE#RAISED      / <escalatedAt>#<id>   (while escalated and raised)
 *                                                                  gsi2 pending     QUEUE#ASSESSING   / <createdAt>#<id>     (while assessing)
 *                                                                  gsi3 ownerList   OWNER#<owner>     / <createdAt>#<id>
 *                                                                  gsi4 timeline    LOG               / <createdAt>#<id>
 * idempotency record  IDEMP#<owner>#<key>        IDEMP             (none; expiresAt is the TTL)
 * policy version      POLICY                     V#<000042>
 * current policy      POLICY                     CURRENT
 * stats counter       STATS                      M#<yyyy-mm>#T#<team>#S#<0 or 1>
 * outbox message      OUTBOX#<dedupeKey>         OUTBOX            gsi4 timeline    OUTBOX            / <at>#<dedupeKey>
 * task token          TOKEN#<experimentId>       TOKEN             (none; the wait the workflow is parked in; expiresAt TTL)
 */
export class AppTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: AppTableProps) {
    super(scope, id);
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(TABLE_KEYS.partitionKey),
      sortKey: key(TABLE_KEYS.sortKey),
      // Traffic is a council's working day, spiky and mostly idle: on-demand costs nothing at rest.
      billing: Billing.onDemand(),
      globalSecondaryIndexes: Object.values(GSIS).map((gsi) => ({
        indexName: gsi.name,
        partitionKey: key(gsi.partitionKey),
        sortKey: key(gsi.sortKey),
      })),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.production,
      // The experiment log is the council's record of what was tried and learnt: never lost to a stack delete.
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
