import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Enterprise } from '../entities/enterprise';
import { validUscc } from '../validation';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, {
    nullable: true,
    description:
      'An enterprise by unified social credit code; null if not registered with customs.',
  })
  enterprise(
    @Arg('uscc', () => ID, { description: '18-character unified social credit code.' })
    uscc: string,
    @Ctx() ctx: Context,
  ): Promise<Enterprise | null> {
    return ctx.loaders.enterpriseByUscc.load(validUscc(uscc));
  }
}
