import { Field, Float, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../../kit';
import { TradeDirection } from '../declaration';

@InputType({ description: 'One goods line of a declaration; lines are numbered in list order.' })
export class DeclarationItemInput {
  @Field({ description: '10-digit China HS code, e.g. "0809290000".' })
  hsCode!: string;

  @Field({ description: 'Goods description.' })
  description!: string;

  @Field(() => Float, { description: 'Quantity in `unit`, more than 0.' })
  quantity!: number;

  @Field({ description: 'Unit of quantity, e.g. "kg" or "pcs".' })
  unit!: string;

  @Field(() => DecimalScalar, {
    description:
      "Value of the line in the declaration's currency: a decimal string above 0 with at most 2 decimals.",
  })
  value!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country of origin, e.g. "CL".' })
  originCountry!: string;

  @Field(() => Boolean, { nullable: true, description: 'Remanufactured goods (default false).' })
  remanufactured?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Remanufactured goods supervised as new under the Beijing pilot (default false); requires `remanufactured`.',
  })
  supervisedAsNew?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'ASCII form of the NMPA drug approval of the goods, e.g. "SJ20180023"; it must be VALID (drugs subgraph).',
  })
  drugApproval?: string | null;
}

@InputType({ description: 'A licence or certificate attached to a declaration.' })
export class LicenceInput {
  @Field({
    description:
      'Licence code, one upper-case letter or digit: "A" inbound inspection, "Q" import drug clearance form, "U" legal-catch certificate.',
  })
  code!: string;

  @Field({ description: 'Licence number.' })
  number!: string;
}

@InputType({
  description:
    'A customs declaration for a manifested shipment (domain brief §3, step 5). It starts FILED.',
})
export class FileDeclarationInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Makes retries safe: the same key with the same input returns the first result without writing again; with another input it is an IDEMPOTENCY_CONFLICT. 1 to 200 characters.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'Air waybill of the shipment declared; must be manifested.' })
  awb!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '18-character GACC number: office (must be `customsOffice`), year of `filedAt` in Beijing, 1 import / 0 export (must match `direction`), 9-digit serial. Omit it and customs assigns the next serial.',
  })
  number?: string | null;

  @Field(() => TradeDirection, { description: 'Import or export.' })
  direction!: TradeDirection;

  @Field(() => ID, { description: '4-digit customs office code, e.g. "0101"; must exist.' })
  customsOffice!: string;

  @Field(() => ID, {
    description: '4-digit supervision (trade-mode) code, e.g. "0110"; must exist.',
  })
  supervisionMode!: string;

  @Field(() => ID, { description: 'USCC of the declarant; must be a registered enterprise.' })
  declarant!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the declaration was filed, not before the manifest; now when omitted.',
  })
  filedAt?: Date | null;

  @Field({
    description:
      'ISO 4217 currency of every line value and of the total (the sum of the lines), e.g. "USD".',
  })
  currency!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Code of the bonded zone the goods enter or leave, e.g. "BJ-DAXING-CBZ".',
  })
  bondedZone?: string | null;

  @Field(() => [DeclarationItemInput], { description: 'Goods lines, 1 to 200.' })
  items!: DeclarationItemInput[];

  @Field(() => [LicenceInput], {
    nullable: true,
    description: 'Licences and certificates attached (none when omitted).',
  })
  licences?: LicenceInput[] | null;
}
