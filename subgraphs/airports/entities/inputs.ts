import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../kit';
import { FacilityStatus } from './facility';
import { HandlingEventType } from './shipment';

const IDEMPOTENCY_KEY =
  'Makes a retry safe: the same key with the same input returns the first result and writes nothing; the same key with another input is refused (IDEMPOTENCY_CONFLICT). 1 to 200 characters.';

const EXPECTED_VERSION =
  "The record's `version` as the caller last read it: the change is refused (CONFLICT) if the record has changed since.";

@InputType({
  description:
    "The tally of a shipment's cargo received at a Beijing hub: creates its arrival and its ARRIVED and TALLIED handling events.",
})
export class RecordArrivalInput {
  @Field(() => ID, {
    description:
      'Air waybill of a shipment in the customs register, "PPP-SSSSSSSC" (check digit valid).',
  })
  awb!: string;

  @Field(() => ID, {
    description:
      "IATA code of the Beijing hub (PEK or PKX) that received the cargo: the shipment's port of entry in the customs register.",
  })
  airport!: string;

  @Field(() => ID, {
    description: 'Id of the OPERATIONAL facility of that airport that received the cargo.',
  })
  facility!: string;

  @Field(() => DateTimeScalar, {
    description: 'When the cargo was unloaded (ARRIVED), with offset.',
  })
  arrivedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When pieces and weight were tallied (TALLIED), not before `arrivedAt`; default `arrivedAt`.',
  })
  talliedAt?: Date | null;

  @Field(() => Int, {
    description:
      'Pieces tallied, at least 1. May differ from the manifest: the tally records what arrived.',
  })
  pieces!: number;

  @Field(() => Float, { description: 'Gross weight tallied in kilograms, more than 0.' })
  weightKg!: number;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({
  description:
    "One step in the airport's handling of a shipment's cargo after its arrival, in chronological order.",
})
export class RecordHandlingEventInput {
  @Field(() => ID, { description: 'Air waybill of a shipment whose arrival is recorded.' })
  awb!: string;

  @Field(() => HandlingEventType, {
    description:
      'What happened. ARRIVED and TALLIED are recorded by `recordArrival`; INSPECTED_AT_DESIGNATED_SITE needs a designated site as `facility`.',
  })
  type!: HandlingEventType;

  @Field(() => DateTimeScalar, {
    description:
      "When it happened, with offset: not before the arrival nor the shipment's last event.",
  })
  at!: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'Where it happened: an OPERATIONAL facility of the airport that received the cargo.',
  })
  facility?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free-text remark by the handler, at most 500 characters.',
  })
  note?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The number of handling events of the shipment as the caller last read them: refused (CONFLICT) if another event was recorded since.',
  })
  expectedVersion?: number | null;
}

@InputType({
  description: "A step in a facility's life: PLANNED → UNDER_CONSTRUCTION → OPERATIONAL.",
})
export class SetFacilityStatusInput {
  @Field(() => ID, { description: 'Facility id, e.g. "PKX-COLD-1".' })
  id!: string;

  @Field(() => FacilityStatus, {
    description: 'The next status: one step forward; OPERATIONAL is final.',
  })
  status!: FacilityStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date the facility opened: required when becoming OPERATIONAL, otherwise not allowed.',
  })
  commissionedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why, recorded in the history (at most 500 characters).',
  })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;
}
