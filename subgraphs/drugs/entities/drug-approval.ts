import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, DateScalar } from '../../kit';

export enum DrugCategory {
  CELL_THERAPY = 'CELL_THERAPY',
  GENE_THERAPY = 'GENE_THERAPY',
  CLINICALLY_URGENT_DRUG = 'CLINICALLY_URGENT_DRUG',
  REGISTERED_DRUG = 'REGISTERED_DRUG',
}

registerEnumType(DrugCategory, {
  name: 'DrugCategory',
  description: 'What kind of product a drug approval covers.',
  valuesConfig: {
    CELL_THERAPY: { description: 'Cell therapy product (e.g. CAR-T).' },
    GENE_THERAPY: { description: 'Gene therapy product.' },
    CLINICALLY_URGENT_DRUG: {
      description: 'Clinically urgent drug imported for designated medical institutions.',
    },
    REGISTERED_DRUG: { description: 'Drug registered for general import.' },
  },
});

export enum ApprovalStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(ApprovalStatus, {
  name: 'ApprovalStatus',
  description: 'Standing of a drug approval.',
  valuesConfig: {
    VALID: { description: 'In force: imports under it may be cleared.' },
    SUSPENDED: { description: 'Temporarily suspended by the regulator.' },
    EXPIRED: { description: 'Past its validity date and not renewed.' },
    REVOKED: { description: 'Withdrawn by the regulator.' },
  },
});

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
