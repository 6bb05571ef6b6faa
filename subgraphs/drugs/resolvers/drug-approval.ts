import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  ConnectionShape,
  PageArgs,
  PagedListSize,
  pageRequest,
  StatusChange,
  toConnection,
} from '../../kit';
import { Context } from '../context';
import {
  ApprovalStatus,
  DrugApproval,
  DrugApprovalConnection,
  DrugCategory,
} from '../entities/drug-approval';
import { MedicalInstitution } from '../entities/medical-institution';
import { DRUG_APPROVAL_PAGE } from '../repository';
import { approvalNumber, officialApprovalNumber } from '../validation';

@ArgsType()
class DrugApprovalsArgs extends PageArgs {
  @Field(() => DrugCategory, { nullable: true, description: 'Only approvals of this category.' })
  category?: DrugCategory | null;

  @Field(() => ApprovalStatus, { nullable: true, description: 'Only approvals in this status.' })
  status?: ApprovalStatus | null;
}

@Resolver(() => DrugApproval)
export class DrugApprovalResolver {
  @Query(() => DrugApproval, {
    nullable: true,
    description: 'One drug approval by its number; null when there is none.',
  })
  drugApproval(
    @Arg('number', () => ID, {
      description: 'Approval number, ASCII ("SJ20180023") or official ("国药准字SJ20180023").',
    })
    number: string,
    @Ctx() ctx: Context,
  ): Promise<DrugApproval | null> {
    return ctx.loaders.approvalByNumber.load(approvalNumber(number, 'number'));
  }

  @PagedListSize()
  @Query(() => DrugApprovalConnection, {
    description: 'Drug approvals ordered by number, optionally filtered by category and status.',
  })
  async drugApprovals(
    @Args(() => DrugApprovalsArgs) args: DrugApprovalsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<DrugApproval>> {
    const page = pageRequest(args, DRUG_APPROVAL_PAGE);
    const filter = { category: args.category, status: args.status };
    const rows = await ctx.repository.drugApprovalPage(filter, page);
    for (const row of rows) ctx.loaders.approvalByNumber.prime(row.number, row);
    return toConnection(rows, page, () => ctx.repository.drugApprovalCount(filter));
  }

  @FieldResolver(() => String, {
    description: 'The official form of the approval number, e.g. "国药准字SJ20180023".',
  })
  officialNumber(@Root() approval: DrugApproval): string {
    return officialApprovalNumber(approval.number);
  }

  @FieldResolver(() => [MedicalInstitution], {
    description: 'Medical institutions approved to use this drug, ordered by id.',
  })
  approvedUnits(
    @Root() approval: DrugApproval,
    @Ctx() ctx: Context,
  ): Promise<MedicalInstitution[]> {
    return ctx.loaders.approvedUnitsByApproval.load(approval.number);
  }

  @FieldResolver(() => [StatusChange], {
    description: 'Every status change of the approval, oldest first (from null on registration).',
  })
  history(@Root() approval: DrugApproval, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.approvalHistory.load(approval.number);
  }
}
