import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../kit';
import { ApprovalStatus, DrugCategory } from '../drug-approval';
import { ChangeOptions, CreateOptions } from './common';

@InputType({ description: 'A new NMPA drug approval, registered as VALID.' })
export class RegisterDrugApprovalInput extends CreateOptions {
  @Field(() => ID, {
    description:
      'Approval number, ASCII ("SJ20180023") or official ("国药准字SJ20180023"); stored in ASCII form.',
  })
  number!: string;

  @Field({ description: 'Product name as approved.' })
  productName!: string;

  @Field(() => DrugCategory, { description: 'Product category.' })
  category!: DrugCategory;

  @Field({ description: 'Manufacturer named on the approval.' })
  manufacturer!: string;

  @Field({ description: 'Country of manufacture, ISO 3166-1 alpha-2 ("CH").' })
  originCountry!: string;

  @Field(() => DateScalar, { description: 'Date the approval was granted.' })
  approvedOn!: string;

  @Field(() => DateScalar, {
    description: 'Last day the approval is valid: not before `approvedOn`, and not already past.',
  })
  validUntil!: string;

  @Field({ description: 'Whether the product passed the safety assessment for import.' })
  safetyAssessed!: boolean;

  @Field(() => [ID], {
    description:
      'Medical institutions approved to use the drug (their ids, e.g. "BJ-PUMCH"); each must exist.',
  })
  approvedUnitIds!: string[];
}

@InputType({ description: 'A status change of a drug approval by the regulator.' })
export class SetDrugApprovalStatusInput extends ChangeOptions {
  @Field(() => ID, { description: 'Approval number, ASCII or official form.' })
  number!: string;

  @Field(() => ApprovalStatus, {
    description:
      'The new status: VALID ↔ SUSPENDED; VALID or SUSPENDED → EXPIRED or REVOKED; EXPIRED and REVOKED are final.',
  })
  status!: ApprovalStatus;

  @Field({ description: 'Why the status changes; recorded in the approval’s history.' })
  reason!: string;
}
