import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AUTHENTICATED, Connection } from '../../kit';
import { ConsolidatedImportStatus } from './consolidated-import-enums';

export { ConsolidatedImportStatus };

@ObjectType({
  description:
    "A qualified agent's consolidated import: the needs of several approved units, submitted together.",
})
@Directive('@key(fields: "id")')
@Directive(AUTHENTICATED)
export class ConsolidatedImport {
  @Field(() => ID, { description: 'Identifier of the consolidated import, e.g. "CI-2025-0001".' })
  id!: string;

  @Field(() => ConsolidatedImportStatus, { description: 'Current status.' })
  status!: ConsolidatedImportStatus;

  @Field({ description: 'When the agent opened it.' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was submitted for approval; null while collecting.',
  })
  submittedAt!: Date | null;

  @Field(() => Int, {
    description:
      'Incremented by every write (a line added, a status change); pass it back as `expectedVersion` to refuse a change on a stale read.',
  })
  version!: number;

  /** Key of the agent enterprise (exposed as `agent`). */
  agentUscc!: string;

  // `specialGoodsApplication` is contributed by customs, which records the application and the
  // consolidated import it names (`customs.special_goods_application.consolidated_import_id`).
}

@ObjectType({
  description: 'One approved unit’s need for one approved drug within a consolidated import.',
})
@Directive(AUTHENTICATED)
export class ConsolidatedLine {
  @Field(() => Int, { description: 'Line number within the consolidated import, from 1.' })
  line!: number;

  @Field(() => Float, { description: 'Quantity needed, in `unit`.' })
  quantity!: number;

  @Field({ description: 'Unit of the quantity, e.g. "bag" or "vial".' })
  unit!: string;

  consolidatedImportId!: string;
  approvalNumber!: string;
  institutionId!: string;
}

@ObjectType({ description: 'A page of consolidated imports, ordered by id.' })
export class ConsolidatedImportConnection extends Connection(
  'ConsolidatedImport',
  ConsolidatedImport,
) {}
