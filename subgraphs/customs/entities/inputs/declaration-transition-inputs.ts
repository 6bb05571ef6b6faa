import { Field, ID, InputType, Int } from 'type-graphql';
import { InspectionResult } from '../declaration';

/**
 * Inputs of the declaration's status changes. Each names the declaration and may carry
 * `expectedVersion`: when given and the declaration has moved on, the change is refused (CONFLICT).
 */

@InputType({
  description: 'Which declaration, at which version: the fields every transition input shares.',
})
export abstract class DeclarationTransitionInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Makes retries safe: the same key with the same input returns the first result without writing again; with another input it is an IDEMPOTENCY_CONFLICT. 1 to 200 characters.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: '18-character declaration number.' })
  number!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` the caller last read; if the declaration has changed since, nothing is done and CONFLICT is returned.',
  })
  expectedVersion?: number | null;
}

@InputType({ description: 'Accept a FILED declaration for processing.' })
export class AcceptDeclarationInput extends DeclarationTransitionInput {}

@InputType({ description: 'Put an ACCEPTED declaration under document review (risk screening).' })
export class ReviewDeclarationInput extends DeclarationTransitionInput {}

@InputType({
  description:
    'Require a physical inspection / quarantine of the goods at a facility of the port of entry.',
})
export class RequireInspectionInput extends DeclarationTransitionInput {
  @Field(() => ID, {
    description:
      'Facility id where the goods are inspected, e.g. "PKX-FRUIT" (a designated site); it must be OPERATIONAL and at the shipment\'s port of entry.',
  })
  facility!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why customs requires the inspection (kept in history).',
  })
  reason?: string | null;
}

@InputType({ description: 'The outcome of a pending inspection.' })
export class RecordInspectionResultInput extends DeclarationTransitionInput {
  @Field(() => InspectionResult, { description: 'PASSED or FAILED (PENDING is not an outcome).' })
  result!: InspectionResult;

  @Field(() => Date, {
    nullable: true,
    description: 'When the inspection was completed, not before filing; now when omitted.',
  })
  completedAt?: Date | null;
}

@InputType({ description: 'Release the goods of a declaration.' })
export class ReleaseDeclarationInput extends DeclarationTransitionInput {
  @Field(() => Date, {
    nullable: true,
    description:
      'When customs released the goods, not before filing nor before the inspection completed; now when omitted.',
  })
  releasedAt?: Date | null;
}

@InputType({ description: 'Reject a declaration, with the reason given to the declarant.' })
export class RejectDeclarationInput extends DeclarationTransitionInput {
  @Field({ description: 'Why the declaration is rejected (1 to 1000 characters).' })
  reason!: string;
}
