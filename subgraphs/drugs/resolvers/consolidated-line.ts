import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { ConsolidatedLine } from '../entities/consolidated-import';
import { DrugApproval } from '../entities/drug-approval';
import { MedicalInstitution } from '../entities/medical-institution';

function present<T>(value: T | null, what: string): T {
  // The foreign keys make a missing row impossible; say so plainly if it ever happens.
  if (value === null) throw new Error(`consolidated line refers to a missing ${what}`);
  return value;
}

@Resolver(() => ConsolidatedLine)
export class ConsolidatedLineResolver {
  @FieldResolver(() => DrugApproval, { description: 'The approved drug needed.' })
  async approval(@Root() line: ConsolidatedLine, @Ctx() ctx: Context): Promise<DrugApproval> {
    return present(await ctx.loaders.approvalByNumber.load(line.approvalNumber), 'approval');
  }

  @FieldResolver(() => MedicalInstitution, { description: 'The approved unit that needs it.' })
  async institution(
    @Root() line: ConsolidatedLine,
    @Ctx() ctx: Context,
  ): Promise<MedicalInstitution> {
    return present(await ctx.loaders.institutionById.load(line.institutionId), 'institution');
  }
}
