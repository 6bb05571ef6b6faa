import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { runMutation } from '../../kit';
import { Context } from '../context';
import { enterpriseInGoodStanding } from '../customs-register';
import { Enterprise } from '../entities/enterprise';
import { QualifyAgentInput } from '../entities/inputs';
import { checkQualifyAgent } from '../validation';
import { DrugsWriteRepository } from '../write-repository';
import { mutationInput } from './mutation-support';

@Resolver(() => Enterprise)
export class AgentMutationResolver {
  @Mutation(() => Enterprise, {
    description:
      'Qualifies an enterprise as a drug import agent for the given categories, or replaces its qualification. The enterprise must be in the customs register (checked through the gateway) and not DISCREDITED; read its `drugImportAgent` from the result.',
  })
  async qualifyAgent(
    @Arg('input', () => QualifyAgentInput) input: QualifyAgentInput,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    const { uscc, qualifiedSince, categories } = checkQualifyAgent(input);
    // Another agency's fact: checked before the transaction, through the gateway.
    await enterpriseInGoodStanding(ctx.gateway, uscc, 'input.uscc');
    const key = await runMutation(
      {
        db: ctx.db,
        agency: 'drugs',
        operation: 'qualifyAgent',
        idempotencyKey: input.idempotencyKey,
        input: mutationInput(input),
      },
      async (tx) => {
        await new DrugsWriteRepository(tx).upsertAgentQualification(
          uscc,
          qualifiedSince,
          categories,
        );
        return uscc;
      },
    );
    ctx.loaders.agentQualificationByUscc.clear(key);
    return { uscc: key };
  }
}
