import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { requiresWriteOf } from '../../kit';
import { Context } from '../context';
import { enterpriseInGoodStanding } from '../cross-agency';
import { Enterprise } from '../entities/enterprise';
import { QualifyAgentInput } from '../entities/inputs';
import { checkQualifyAgent } from '../validation';
import { DrugsWriteRepository } from '../write-repository';

@Resolver(() => Enterprise)
export class AgentMutationResolver {
  @Mutation(() => Enterprise, {
    description:
      'Qualifies an enterprise as a drug import agent for the given categories, or replaces its qualification. The enterprise must be in the customs register (checked through the gateway) and not DISCREDITED; read its `drugImportAgent` from the result.',
  })
  @Directive(requiresWriteOf('drugs'))
  async qualifyAgent(
    @Arg('input', () => QualifyAgentInput) input: QualifyAgentInput,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    const { uscc, qualifiedSince, categories } = checkQualifyAgent(input);
    const key = await ctx.mutations.run({
      operation: 'qualifyAgent',
      input,
      check: () => enterpriseInGoodStanding(ctx.gateway, uscc, 'input.uscc'),
      write: async (tx) => {
        await new DrugsWriteRepository(tx).upsertAgentQualification(
          uscc,
          qualifiedSince,
          categories,
        );
        return uscc;
      },
    });
    ctx.loaders.agentQualificationByUscc.clear(key);
    return { uscc: key };
  }
}
