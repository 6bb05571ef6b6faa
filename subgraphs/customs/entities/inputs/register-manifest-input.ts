import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({
  description:
    'The manifest of an air waybill, reported to customs before arrival (domain brief §3, step 2).',
})
export class RegisterManifestInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Makes retries safe: the same key with the same input returns the first result without writing again; with another input it is an IDEMPOTENCY_CONFLICT. 1 to 200 characters.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, {
    description: 'Air waybill number, `999-31415926` or `99931415926`; the check digit must hold.',
  })
  awb!: string;

  @Field(() => ID, {
    description: 'IATA code of the airport of departure; must exist (airports subgraph).',
  })
  origin!: string;

  @Field(() => ID, { description: 'IATA code of the final destination; must exist.' })
  destination!: string;

  @Field(() => ID, {
    description:
      'IATA code of the Beijing hub where the cargo is presented to customs (PEK or PKX): an airport with `isBeijingHub`.',
  })
  portOfEntry!: string;

  @Field({ description: 'Shipper as named on the AWB.' })
  shipper!: string;

  @Field(() => ID, {
    description: 'USCC of the consignee; must be an enterprise registered with customs.',
  })
  consignee!: string;

  @Field(() => Int, { description: 'Number of pieces, at least 1.' })
  pieces!: number;

  @Field(() => Float, { description: 'Gross weight in kilograms, more than 0.' })
  grossWeightKg!: number;

  @Field({ description: 'Description of the goods.' })
  goodsDescription!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the manifest was reported; now when omitted.',
  })
  manifestedAt?: Date | null;
}
