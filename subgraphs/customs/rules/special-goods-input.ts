import { assertValid, badUserInput } from '../../kit';
import {
  DecideSpecialGoodsApplicationInput,
  SubmitSpecialGoodsApplicationInput,
} from '../entities/inputs/special-goods-inputs';
import {
  ApplicationStatus,
  SpecialGoodsCategory,
  SpecialGoodsRisk,
} from '../entities/special-goods-application';
import { checkReference, validAwb, validUscc } from '../validation';
import { distinct, optionalText } from './input-checks';

export const MAX_APPLICATION_SHIPMENTS = 1000;

/** An application to submit; `number` null means "assign the next serial". */
export interface NewApplication {
  number: string | null;
  applicantUscc: string;
  category: SpecialGoodsCategory;
  riskLevel: SpecialGoodsRisk;
  submittedAt: Date;
  consolidatedImportId: string | null;
  awbs: string[];
}

export function validApplication(
  input: SubmitSpecialGoodsApplicationInput,
  now: Date,
): NewApplication {
  if (input.number != null) {
    assertValid(checkReference(input.number, 'an application number'), 'input.number');
  }
  if (input.consolidatedImport != null) {
    assertValid(
      checkReference(input.consolidatedImport, 'a consolidated import id'),
      'input.consolidatedImport',
    );
  }
  const shipments = input.shipments ?? [];
  if (shipments.length > MAX_APPLICATION_SHIPMENTS) {
    throw badUserInput(
      `an application covers at most ${MAX_APPLICATION_SHIPMENTS} shipments, got ${shipments.length}`,
      'input.shipments',
    );
  }
  const awbs = shipments.map((awb, i) => validAwb(awb, `input.shipments[${i}]`));
  distinct(
    awbs,
    (awb) => awb,
    (i) => `input.shipments[${i}]`,
    'shipment',
  );
  return {
    number: input.number ?? null,
    applicantUscc: validUscc(input.applicant, 'input.applicant'),
    category: input.category,
    riskLevel: input.riskLevel,
    submittedAt: input.submittedAt ?? now,
    consolidatedImportId: input.consolidatedImport ?? null,
    awbs,
  };
}

export interface Decision {
  number: string;
  decision: ApplicationStatus;
  at: Date;
  validUntil: string | null;
  reason: string | null;
  expectedVersion: number | null;
}

export function validDecision(input: DecideSpecialGoodsApplicationInput, now: Date): Decision {
  assertValid(checkReference(input.number, 'an application number'), 'input.number');
  if (input.validUntil != null && input.decision !== ApplicationStatus.APPROVED) {
    throw badUserInput('`validUntil` is set only by an approval', 'input.validUntil');
  }
  const reason = optionalText(input.reason, 'input.reason');
  if (input.decision === ApplicationStatus.REJECTED && reason === null) {
    throw badUserInput('a rejection needs a `reason`', 'input.reason');
  }
  return {
    number: input.number,
    decision: input.decision,
    at: input.decidedAt ?? now,
    validUntil: input.validUntil ?? null,
    reason,
    expectedVersion: input.expectedVersion ?? null,
  };
}
