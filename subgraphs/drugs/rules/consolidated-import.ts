import { badUserInput, invalidTransition, LockSpec, notFound } from '../../kit';
import { ConsolidatedImportStatus } from '../entities/consolidated-import';
import { ApprovalStatus } from '../entities/drug-approval';
import { CONSOLIDATED_IMPORT_ENTITY } from '../state-machines';
import { DrugsWriteRepository, LockedImport } from '../write-repository';

/**
 * The domain rules of a consolidated import's changes beyond its state machine, checked inside
 * the mutation's transaction with the import locked. Each refusal names the field to correct.
 */

const { COLLECTING, SUBMITTED, APPROVED, IN_TRANSIT } = ConsolidatedImportStatus;

/** How every change of an import locks it: NOT_FOUND on `field` when there is none. */
export function importLock(
  repo: DrugsWriteRepository,
  id: string,
  field: string,
  expectedVersion: number | null | undefined,
): LockSpec<LockedImport> {
  return {
    entity: CONSOLIDATED_IMPORT_ENTITY,
    id,
    lock: () => repo.lockConsolidatedImport(id),
    missing: { message: `consolidated import ${id} does not exist`, field },
    expectedVersion,
  };
}

/**
 * Lines are added only while the import is COLLECTING. Refused like a status move to COLLECTING:
 * the record's state, not the input, is what is wrong (as when a concurrent submission wins).
 */
export function assertCollecting(current: LockedImport): void {
  if (current.status !== COLLECTING) {
    throw invalidTransition(
      CONSOLIDATED_IMPORT_ENTITY,
      current.id,
      current.status,
      COLLECTING,
      'lines can be added only while it is COLLECTING',
    );
  }
}

/**
 * The rules a consolidated line must meet, with the approval share-locked (it cannot be suspended
 * meanwhile): the approval exists, is VALID and within its validity dates, covers the institution
 * as an approved unit, and is of a category the agent is qualified for.
 */
export async function checkLineRules(
  repo: DrugsWriteRepository,
  consolidated: LockedImport,
  line: { approvalNumber: string; institutionId: string },
): Promise<void> {
  const { approvalNumber, institutionId } = line;
  const approval = await repo.shareApproval(approvalNumber);
  if (!approval) {
    throw notFound(`drug approval ${approvalNumber} does not exist`, 'input.approvalNumber');
  }
  if (!(await repo.institutionExists(institutionId))) {
    throw notFound(`medical institution "${institutionId}" does not exist`, 'input.institutionId');
  }
  if (approval.status !== ApprovalStatus.VALID) {
    throw badUserInput(
      `drug approval ${approvalNumber} is ${approval.status}: only a VALID approval can be imported under`,
      'input.approvalNumber',
    );
  }
  if (approval.pastValidity) {
    throw badUserInput(
      `drug approval ${approvalNumber} was valid until ${approval.validUntil}`,
      'input.approvalNumber',
    );
  }
  if (!(await repo.approvalCovers(approvalNumber, institutionId))) {
    throw badUserInput(
      `medical institution "${institutionId}" is not an approved unit of drug approval ${approvalNumber}`,
      'input.institutionId',
    );
  }
  const categories = (await repo.agentCategories(consolidated.agentUscc)) ?? [];
  if (!categories.includes(approval.category)) {
    throw badUserInput(
      `agent ${consolidated.agentUscc} is not qualified for ${approval.category} (qualified for ${categories.join(', ') || 'nothing'})`,
      'input.approvalNumber',
    );
  }
}

/** A submission needs at least one line, and every line's approval still VALID and in date. */
export async function checkSubmittable(repo: DrugsWriteRepository, id: string): Promise<void> {
  if ((await repo.lineCount(id)) === 0) {
    throw badUserInput(
      `consolidated import ${id} has no lines: add at least one before submitting`,
      'input.id',
    );
  }
  const [problem] = await repo.lineApprovalProblems(id);
  if (problem) {
    const why = problem.status !== 'VALID' ? `is ${problem.status}` : 'is past its validity date';
    throw badUserInput(
      `line ${problem.line} of consolidated import ${id} cites approval ${problem.approvalNumber}, which ${why}`,
      'input.id',
    );
  }
}

/** Shipments carry an import's goods from its submission until its delivery. */
export function assertCarriesShipments(current: LockedImport): void {
  if (![SUBMITTED, APPROVED, IN_TRANSIT].includes(current.status)) {
    throw badUserInput(
      `consolidated import ${current.id} is ${current.status}: shipments are recorded once it is SUBMITTED and until it is DELIVERED`,
      'input.consolidatedImportId',
    );
  }
}
