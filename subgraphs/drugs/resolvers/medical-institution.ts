import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { DrugApproval } from '../entities/drug-approval';
import { MedicalInstitution } from '../entities/medical-institution';

@Resolver(() => MedicalInstitution)
export class MedicalInstitutionResolver {
  @Query(() => MedicalInstitution, {
    nullable: true,
    description: 'One medical institution by id; null when there is none.',
  })
  medicalInstitution(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<MedicalInstitution | null> {
    return ctx.loaders.institutionById.load(id);
  }

  @FieldResolver(() => [DrugApproval], {
    description: 'Drug approvals this institution is an approved unit of, ordered by number.',
  })
  approvals(@Root() institution: MedicalInstitution, @Ctx() ctx: Context): Promise<DrugApproval[]> {
    return ctx.loaders.approvalsByInstitution.load(institution.id);
  }
}
