import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { AgentQualification } from '../entities/agent-qualification';
import { Enterprise } from '../entities/enterprise';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => AgentQualification, {
    nullable: true,
    description:
      'The enterprise’s qualification as a drug import agent; null unless it is qualified.',
  })
  drugImportAgent(
    @Root() enterprise: Enterprise,
    @Ctx() ctx: Context,
  ): Promise<AgentQualification | null> {
    return ctx.loaders.agentQualificationByUscc.load(enterprise.uscc);
  }
}
