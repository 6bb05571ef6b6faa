import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AUTHENTICATED, DateScalar, REQUIRES_TRADE_READ, StatusChange } from '../../kit';
import { Enterprise } from './enterprise';
import { Shipment } from './shipment';
import { ConsolidatedImport } from './consolidated-import';
import {
  SpecialGoodsCategory,
  SpecialGoodsRisk,
  ApplicationStatus,
} from './special-goods-application-enums';

export { SpecialGoodsCategory, SpecialGoodsRisk, ApplicationStatus };

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
