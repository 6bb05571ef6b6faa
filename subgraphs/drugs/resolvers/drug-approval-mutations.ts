import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import {
  alreadyExists,
  invalidTransition,
  notFound,
  requiresWriteOf,
  reread,
  transition,
} from '../../kit';
import { Context } from '../context';
import { ApprovalStatus, DrugApproval } from '../entities/drug-approval';
import { RegisterDrugApprovalInput, SetDrugApprovalStatusInput } from '../entities/inputs';
import { APPROVAL_ENTITY, approvalMachine } from '../state-machines';
import { checkRegisterDrugApproval, checkSetDrugApprovalStatus } from '../validation';
import { DrugsWriteRepository } from '../write-repository';

@Resolver(() => DrugApproval)
export class DrugApprovalMutationResolver {
  @Mutation(() => DrugApproval, {
    description:
      'Registers a new drug approval as VALID with its approved units (history: null → VALID). A number already registered is refused with CONFLICT.',
  })
  @Directive(requiresWriteOf('drugs'))
  async registerDrugApproval(
    @Arg('input', () => RegisterDrugApprovalInput) input: RegisterDrugApprovalInput,
    @Ctx() ctx: Context,
  ): Promise<DrugApproval> {
    const approval = checkRegisterDrugApproval(input);
    const number = await ctx.mutations.run({
      operation: 'registerDrugApproval',
      input,
      write: async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        const existing = await repo.existingInstitutionIds(approval.approvedUnitIds);
        approval.approvedUnitIds.forEach((id, i) => {
          if (!existing.has(id)) {
            throw notFound(
              `medical institution "${id}" does not exist`,
              `input.approvedUnitIds[${i}]`,
            );
          }
        });
        if (!(await repo.insertApproval(approval))) {
          throw alreadyExists(APPROVAL_ENTITY, approval.number, 'input.number');
        }
        await repo.insertApprovedUnits(approval.number, approval.approvedUnitIds);
        await tx.recordStatusChange({
          entityType: APPROVAL_ENTITY,
          entityId: approval.number,
          from: null,
          to: ApprovalStatus.VALID,
        });
        return approval.number;
      },
    });
    return reread(ctx.loaders.approvalByNumber, number, APPROVAL_ENTITY);
  }

  @Mutation(() => DrugApproval, {
    description:
      'Changes a drug approval’s status: VALID ↔ SUSPENDED; VALID or SUSPENDED → EXPIRED or REVOKED; EXPIRED and REVOKED are final. An approval past its validity date cannot be reinstated. Recorded in its history with the reason.',
  })
  @Directive(requiresWriteOf('drugs'))
  async setDrugApprovalStatus(
    @Arg('input', () => SetDrugApprovalStatusInput) input: SetDrugApprovalStatusInput,
    @Ctx() ctx: Context,
  ): Promise<DrugApproval> {
    const { number, reason } = checkSetDrugApprovalStatus(input);
    const to = input.status;
    await ctx.mutations.run({
      operation: 'setDrugApprovalStatus',
      input,
      write: async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        await transition(tx, {
          entity: APPROVAL_ENTITY,
          id: number,
          lock: () => repo.lockApproval(number),
          missing: { message: `drug approval ${number} does not exist`, field: 'input.number' },
          expectedVersion: input.expectedVersion,
          machine: approvalMachine,
          to,
          reason,
          apply: async (current) => {
            if (to === ApprovalStatus.VALID && current.pastValidity) {
              throw invalidTransition(
                APPROVAL_ENTITY,
                number,
                current.status,
                to,
                `its validity ended on ${current.validUntil}; register a renewed approval instead`,
              );
            }
            await repo.setApprovalStatus(number, to);
          },
        });
        return number;
      },
    });
    return reread(ctx.loaders.approvalByNumber, number, APPROVAL_ENTITY);
  }
}
