import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import {
  ErrorCode,
  invalidTransition,
  notFound,
  recordStatusChange,
  runMutation,
  versionConflict,
} from '../../kit';
import { Context } from '../context';
import { ApprovalStatus, DrugApproval } from '../entities/drug-approval';
import { RegisterDrugApprovalInput, SetDrugApprovalStatusInput } from '../entities/inputs';
import { APPROVAL_ENTITY, approvalMachine } from '../state-machines';
import { checkRegisterDrugApproval, checkSetDrugApprovalStatus } from '../validation';
import { DrugsWriteRepository } from '../write-repository';
import { mutationInput, reread } from './mutation-support';

@Resolver(() => DrugApproval)
export class DrugApprovalMutationResolver {
  @Mutation(() => DrugApproval, {
    description:
      'Registers a new drug approval as VALID with its approved units (history: null → VALID). A number already registered is refused with CONFLICT.',
  })
  async registerDrugApproval(
    @Arg('input', () => RegisterDrugApprovalInput) input: RegisterDrugApprovalInput,
    @Ctx() ctx: Context,
  ): Promise<DrugApproval> {
    const approval = checkRegisterDrugApproval(input);
    const number = await runMutation(
      {
        db: ctx.db,
        agency: 'drugs',
        operation: 'registerDrugApproval',
        idempotencyKey: input.idempotencyKey,
        input: mutationInput(input),
      },
      async (tx) => {
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
          throw new GraphQLError(`drug approval ${approval.number} is already registered`, {
            extensions: { code: ErrorCode.CONFLICT, field: 'input.number' },
          });
        }
        await repo.insertApprovedUnits(approval.number, approval.approvedUnitIds);
        await recordStatusChange(tx, 'drugs', {
          entityType: APPROVAL_ENTITY,
          entityId: approval.number,
          from: null,
          to: ApprovalStatus.VALID,
          actor: ctx.actor,
        });
        return approval.number;
      },
    );
    return reread(ctx.loaders.approvalByNumber, number, APPROVAL_ENTITY);
  }

  @Mutation(() => DrugApproval, {
    description:
      'Changes a drug approval’s status: VALID ↔ SUSPENDED; VALID or SUSPENDED → EXPIRED or REVOKED; EXPIRED and REVOKED are final. An approval past its validity date cannot be reinstated. Recorded in its history with the reason.',
  })
  async setDrugApprovalStatus(
    @Arg('input', () => SetDrugApprovalStatusInput) input: SetDrugApprovalStatusInput,
    @Ctx() ctx: Context,
  ): Promise<DrugApproval> {
    const { number, reason } = checkSetDrugApprovalStatus(input);
    await runMutation(
      {
        db: ctx.db,
        agency: 'drugs',
        operation: 'setDrugApprovalStatus',
        idempotencyKey: input.idempotencyKey,
        input: mutationInput(input),
      },
      async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        const current = await repo.lockApproval(number);
        if (!current) throw notFound(`drug approval ${number} does not exist`, 'input.number');
        if (input.expectedVersion != null && input.expectedVersion !== current.version) {
          throw versionConflict(APPROVAL_ENTITY, number, input.expectedVersion, current.version);
        }
        approvalMachine.assert(number, current.status, input.status);
        if (input.status === ApprovalStatus.VALID && current.pastValidity) {
          throw invalidTransition(
            APPROVAL_ENTITY,
            number,
            current.status,
            input.status,
            `its validity ended on ${current.validUntil}; register a renewed approval instead`,
          );
        }
        await repo.setApprovalStatus(number, input.status);
        await recordStatusChange(tx, 'drugs', {
          entityType: APPROVAL_ENTITY,
          entityId: number,
          from: current.status,
          to: input.status,
          actor: ctx.actor,
          reason,
        });
        return number;
      },
    );
    return reread(ctx.loaders.approvalByNumber, number, APPROVAL_ENTITY);
  }
}
