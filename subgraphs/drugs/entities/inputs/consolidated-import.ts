import { Field, Float, ID, InputType } from 'type-graphql';
import { ChangeOptions, CreateOptions } from './common';

@InputType({
  description: 'Opens a consolidated import (status COLLECTING) for a qualified agent.',
})
export class CreateConsolidatedImportInput extends CreateOptions {
  @Field(() => ID, {
    description:
      'Unified social credit code of the agent: a qualified drug import agent, in the customs register and not DISCREDITED.',
  })
  agentUscc!: string;
}

@InputType({
  description: 'One approved unit’s need for one approved drug, added to a collecting import.',
})
export class AddConsolidatedLineInput extends ChangeOptions {
  @Field(() => ID, {
    description: 'The consolidated import, e.g. "CI-2026-000123"; must be COLLECTING.',
  })
  consolidatedImportId!: string;

  @Field(() => ID, {
    description:
      'Approval number (ASCII or official form) of the drug: VALID, not past its validity date, of a category the agent is qualified for.',
  })
  approvalNumber!: string;

  @Field(() => ID, {
    description: 'The medical institution that needs it: an approved unit of that approval.',
  })
  institutionId!: string;

  @Field(() => Float, { description: 'Quantity needed, greater than 0.' })
  quantity!: number;

  @Field({ description: 'Unit of the quantity, e.g. "bag" or "vial".' })
  unit!: string;
}

@InputType({
  description: 'Submits a collecting consolidated import centrally (COLLECTING → SUBMITTED).',
})
export class SubmitConsolidatedImportInput extends ChangeOptions {
  @Field(() => ID, { description: 'The consolidated import; it must have at least one line.' })
  id!: string;
}

@InputType({
  description: 'Records a shipment (by AWB) as carrying goods of a consolidated import.',
})
export class LinkConsolidatedShipmentInput extends ChangeOptions {
  @Field(() => ID, {
    description: 'The consolidated import; SUBMITTED, APPROVED or IN_TRANSIT.',
  })
  consolidatedImportId!: string;

  @Field(() => ID, {
    description:
      'Air waybill number "PPP-SSSSSSSC" (or 11 digits) of a shipment in the customs register, not yet linked to another import.',
  })
  awb!: string;
}
