import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../kit';
import {
  ApplicationStatus,
  SpecialGoodsCategory,
  SpecialGoodsRisk,
} from '../special-goods-application';

@InputType({
  description:
    'An application for entry/exit health quarantine approval of special goods. It starts SUBMITTED.',
})
export class SubmitSpecialGoodsApplicationInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Makes retries safe: the same key with the same input returns the first result without writing again; with another input it is an IDEMPOTENCY_CONFLICT. 1 to 200 characters.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Application number (1 to 64 characters); omit it and customs assigns `SGA-0100-<year>-<serial>`.',
  })
  number?: string | null;

  @Field(() => ID, { description: 'USCC of the applicant; must be a registered enterprise.' })
  applicant!: string;

  @Field(() => SpecialGoodsCategory, { description: 'Category of the goods.' })
  category!: SpecialGoodsCategory;

  @Field(() => SpecialGoodsRisk, {
    description: 'Risk level, which sets how long an approval is valid.',
  })
  riskLevel!: SpecialGoodsRisk;

  @Field(() => Date, { nullable: true, description: 'When it was submitted; now when omitted.' })
  submittedAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Id of the agent's consolidated import it is submitted for (drugs subgraph); its agent must be the applicant, and its shipments known to customs are covered too.",
  })
  consolidatedImport?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Air waybills of manifested shipments the application covers (at most 1000).',
  })
  shipments?: string[] | null;
}

@InputType({
  description:
    "Customs' decision on a special-goods application: start the review, approve, reject, or mark an approval expired.",
})
export class DecideSpecialGoodsApplicationInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Makes retries safe: the same key with the same input returns the first result without writing again; with another input it is an IDEMPOTENCY_CONFLICT. 1 to 200 characters.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'Application number.' })
  number!: string;

  @Field(() => ApplicationStatus, {
    description:
      'The status decided: UNDER_REVIEW, APPROVED, REJECTED, or EXPIRED (an approval whose validity has run out).',
  })
  decision!: ApplicationStatus;

  @Field(() => Date, {
    nullable: true,
    description:
      'When customs decided (APPROVED, REJECTED) or acted; not before submission; now when omitted.',
  })
  decidedAt?: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day an approval is valid (APPROVED only); by default 3 months (risk A), 6 months (B) or 12 months (C, D) from the decision, in Beijing time.',
  })
  validUntil?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why: required for REJECTED, kept in history.',
  })
  reason?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` the caller last read; if the application has changed since, nothing is done and CONFLICT is returned.',
  })
  expectedVersion?: number | null;
}
