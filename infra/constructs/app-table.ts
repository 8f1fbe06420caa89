import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/store/table-design.ts';

export interface AppTableProps {
  /** Production keeps the table when the stack goes, and refuses a delete until protection is lifted. */
  production: boolean;
}

/**
 * The single table, with its sparse indexes and TTL from shared/store/table-design.ts. Which items it
 * holds and how their keys are built is in shared/store/keys.ts, the only module that builds them.
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
