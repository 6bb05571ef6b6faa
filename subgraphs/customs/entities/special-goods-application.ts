import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AUTHENTICATED, DateScalar, REQUIRES_TRADE_READ, StatusChange } from '../../kit';
import { Enterprise } from './enterprise';
import { Shipment } from './shipment';
import { ConsolidatedImport } from './consolidated-import';

export enum SpecialGoodsCategory {
  MICROORGANISM = 'MICROORGANISM',
  HUMAN_TISSUE = 'HUMAN_TISSUE',
  BIOLOGICAL_PRODUCT = 'BIOLOGICAL_PRODUCT',
  BLOOD_PRODUCT = 'BLOOD_PRODUCT',
}
registerEnumType(SpecialGoodsCategory, {
  name: 'SpecialGoodsCategory',
  description: 'Category of special goods under entry/exit health quarantine.',
});

export enum SpecialGoodsRisk {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(SpecialGoodsRisk, {
  name: 'SpecialGoodsRisk',
  description: 'Risk level of special goods, which sets how long an approval is valid.',
  valuesConfig: {
    A: { description: 'Single use, valid 3 months.' },
    B: { description: 'Risk assessment, 6 months, drawn down in batches.' },
    C: { description: '12 months, multiple use.' },
    D: { description: 'Products with a drug approval, 12 months.' },
  },
});

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where a special-goods application stands.',
});

@ObjectType({
  description:
    'An application for entry/exit health quarantine approval of special goods, granted by customs.',
})
@Directive('@key(fields: "number")')
@Directive(AUTHENTICATED)
export class SpecialGoodsApplication {
  @Field(() => ID, { description: 'Application number.' })
  number!: string;

  /** Key behind `applicant`. */
  applicantUscc!: string;

  @Field(() => Enterprise, { description: 'The applying enterprise (often a qualified agent).' })
  applicant?: Enterprise;

  @Field(() => SpecialGoodsCategory, { description: 'Category of the goods.' })
  category!: SpecialGoodsCategory;

  @Field(() => SpecialGoodsRisk, { description: 'Risk level.' })
  riskLevel!: SpecialGoodsRisk;

  @Field(() => ApplicationStatus, { description: 'Where the application stands.' })
  status!: ApplicationStatus;

  @Field({ description: 'When the application was submitted.' })
  submittedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When customs decided.' })
  decidedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the approval is valid.' })
  validUntil!: string | null;

  @Field(() => ConsolidatedImport, {
    nullable: true,
    description:
      "The agent's consolidated import it was submitted for, resolved by the drugs subgraph.",
  })
  consolidatedImport!: ConsolidatedImport | null;

  @Field(() => [Shipment], { description: 'Shipments covered by the application.' })
  // Not customs' gatekeeper root: the shipments an application covers need not be the caller's.
  @Directive(REQUIRES_TRADE_READ)
  shipments?: Shipment[];

  @Field(() => Int, {
    description:
      'Incremented by every change; pass it as `expectedVersion` to decide only if nobody else has since.',
  })
  version!: number;

  @Field(() => [StatusChange], {
    description:
      'Every status change, oldest first: SUBMITTED on submission (from null), then each decision.',
  })
  history?: StatusChange[];
}
