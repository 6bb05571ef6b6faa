import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AUTHENTICATED, StatusChange } from '../../kit';
import { BondedZone } from './bonded-zone';
import { Enterprise } from './enterprise';
import { Money } from './money';
import { DrugApproval, Facility } from './stubs';
import { Shipment } from './shipment';
import { DeclarationStatus, InspectionResult, TradeDirection } from './declaration-enums';

export { DeclarationStatus, InspectionResult, TradeDirection };

@ObjectType({ description: 'A customs office (GACC 4-digit code).' })
export class CustomsOffice {
  @Field(() => ID, { description: '4-digit office code, e.g. "0101" (Capital Airport customs).' })
  code!: string;

  @Field({ description: 'Office name.' })
  name!: string;
}

@ObjectType({ description: 'A supervision (trade-mode) code of a declaration.' })
export class SupervisionMode {
  @Field(() => ID, { description: '4-digit code, e.g. "0110" general trade, "1210" bonded CBEC.' })
  code!: string;

  @Field({ description: 'What the code means.' })
  name!: string;
}

@ObjectType({ description: 'One goods line of a declaration.' })
@Directive(AUTHENTICATED)
export class DeclarationItem {
  @Field(() => Int, { description: 'Line number, from 1.' })
  line!: number;

  @Field({ description: '10-digit China HS code.' })
  hsCode!: string;

  @Field({ description: 'Goods description as declared.' })
  description!: string;

  @Field(() => Float, { description: 'Declared quantity, in `unit`.' })
  quantity!: number;

  @Field({ description: 'Unit of quantity, e.g. "kg".' })
  unit!: string;

  @Field(() => Money, { description: 'Declared value of the line.' })
  value!: Money;

  @Field({ description: 'ISO 3166-1 alpha-2 country of origin.' })
  originCountry!: string;

  @Field({ description: 'True for remanufactured goods.' })
  remanufactured!: boolean;

  @Field({
    description: 'Remanufactured goods supervised as new products under the Beijing pilot.',
  })
  supervisedAsNew!: boolean;

  @Field(() => DrugApproval, {
    nullable: true,
    description: 'Drug import approval of the goods, resolved by the drugs subgraph.',
  })
  drugApproval!: DrugApproval | null;
}

@ObjectType({ description: 'Physical inspection or quarantine of the goods of a declaration.' })
@Directive(AUTHENTICATED)
export class Inspection {
  @Field({ description: 'Whether customs requires an inspection.' })
  required!: boolean;

  @Field(() => Facility, {
    nullable: true,
    description: 'Where the goods are inspected (e.g. a designated supervision site).',
  })
  site!: Facility | null;

  @Field(() => InspectionResult, { nullable: true, description: 'Outcome, once known.' })
  result!: InspectionResult | null;

  @Field(() => Date, { nullable: true, description: 'When the inspection was completed.' })
  completedAt!: Date | null;

  /** The declaration inspected (key behind `history`). */
  declarationNumber!: string;

  @Field(() => [StatusChange], {
    description:
      'Every change of the inspection result, oldest first: PENDING when required, then PASSED or FAILED.',
  })
  history?: StatusChange[];
}

@ObjectType({ description: 'A licence or certificate attached to a declaration.' })
@Directive(AUTHENTICATED)
export class Licence {
  @Field({
    description:
      'Licence code: "A" inbound inspection, "Q" import drug customs clearance form, "U" legal-catch certificate.',
  })
  code!: string;

  @Field({ description: 'Licence number.' })
  number!: string;
}

@ObjectType({ description: 'A customs declaration for (part of) a shipment.' })
@Directive('@key(fields: "number")')
@Directive(AUTHENTICATED)
export class Declaration {
  @Field(() => ID, {
    description:
      '18-character GACC declaration number: office (4), year (4), 1 import / 0 export, serial (9).',
  })
  number!: string;

  /** The shipment's AWB (key behind `shipment`). */
  awb!: string;
  /** Keys behind `customsOffice`, `supervisionMode`, `declarant`, `bondedZone`. */
  customsOfficeCode!: string;
  supervisionModeCode!: string;
  declarantUscc!: string;
  bondedZoneCode!: string | null;

  @Field(() => TradeDirection, { description: 'Import or export.' })
  direction!: TradeDirection;

  @Field(() => CustomsOffice, { description: 'The customs office the declaration was filed at.' })
  customsOffice?: CustomsOffice;

  @Field(() => SupervisionMode, { description: 'Supervision (trade-mode) code.' })
  supervisionMode?: SupervisionMode;

  @Field(() => DeclarationStatus, { description: 'Where the declaration stands.' })
  status!: DeclarationStatus;

  @Field(() => Enterprise, { description: 'The enterprise that filed the declaration.' })
  declarant?: Enterprise;

  @Field({ description: 'When the declaration was filed.' })
  filedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When customs released the goods.' })
  releasedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why customs rejected the declaration (null unless REJECTED).',
  })
  rejectionReason!: string | null;

  @Field(() => [DeclarationItem], { description: 'Goods lines, by line number.' })
  items?: DeclarationItem[];

  @Field(() => Money, { description: 'Total declared value.' })
  totalValue!: Money;

  @Field(() => BondedZone, {
    nullable: true,
    description: 'The bonded zone the goods enter or leave, if any.',
  })
  bondedZone?: BondedZone | null;

  @Field(() => Inspection, {
    nullable: true,
    description: 'Inspection of the goods; null when none was required or recorded.',
  })
  inspection!: Inspection | null;

  @Field(() => [Licence], { description: 'Licences and certificates attached.' })
  licences?: Licence[];

  @Field(() => Shipment, { description: 'The shipment (AWB) declared.' })
  shipment?: Shipment;

  @Field(() => Int, {
    description:
      'Incremented by every change; pass it as `expectedVersion` to change the declaration only if nobody else has since.',
  })
  version!: number;

  @Field(() => [StatusChange], {
    description: 'Every status change, oldest first: FILED on filing (from null), then each move.',
  })
  history?: StatusChange[];
}
