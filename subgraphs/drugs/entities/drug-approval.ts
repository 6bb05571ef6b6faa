import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection, DateScalar } from '../../kit';
import { DrugCategory, ApprovalStatus } from './drug-approval-enums';

export { DrugCategory, ApprovalStatus };

@ObjectType({
  description:
    'An NMPA drug approval (国药准字) under which a product may be imported and used by its approved units.',
})
@Directive('@key(fields: "number")')
export class DrugApproval {
  @Field(() => ID, {
    description:
      'ASCII form of the approval number, e.g. "SJ20180023": H/Z/S (chemical / TCM / biologic), J (made abroad) or C (Hong Kong, Macao, Taiwan) or nothing (domestic), then year and serial.',
  })
  number!: string;

  @Field({ description: 'Product name as approved.' })
  productName!: string;

  @Field(() => DrugCategory, { description: 'Product category.' })
  category!: DrugCategory;

  @Field({ description: 'Manufacturer named on the approval.' })
  manufacturer!: string;

  @Field({ description: 'Country of manufacture, ISO 3166-1 alpha-2.' })
  originCountry!: string;

  @Field(() => DateScalar, { description: 'Date the approval was granted.' })
  approvedOn!: string;

  @Field(() => DateScalar, { description: 'Last day the approval is valid.' })
  validUntil!: string;

  @Field(() => ApprovalStatus, { description: 'Current standing of the approval.' })
  status!: ApprovalStatus;

  @Field({ description: 'Whether the product passed the safety assessment for import.' })
  safetyAssessed!: boolean;

  @Field(() => Int, {
    description:
      'Incremented by every write; pass it back as `expectedVersion` to refuse a change on a stale read.',
  })
  version!: number;
}

@ObjectType({ description: 'A page of drug approvals, ordered by approval number.' })
export class DrugApprovalConnection extends Connection('DrugApproval', DrugApproval) {}
