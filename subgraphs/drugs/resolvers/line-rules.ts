import { badUserInput, notFound } from '../../kit';
import { ApprovalStatus } from '../entities/drug-approval';
import { DrugsWriteRepository, LockedImport } from '../write-repository';

/**
 * The rules a consolidated line must meet, checked inside the transaction with the approval
 * share-locked (it cannot be suspended meanwhile): the approval exists, is VALID and within its
 * validity dates, covers the institution as an approved unit, and is of a category the agent is
 * qualified for. Each refusal names the field to correct.
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
