import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED } from '../../kit';
import type { Context } from '../context';
import { ConsolidatedImport } from '../entities/consolidated-import';
import { SpecialGoodsApplication } from '../entities/special-goods-application';

/** What customs contributes to the drugs subgraph's ConsolidatedImport: its application. */
@Resolver(() => ConsolidatedImport)
export class ConsolidatedImportResolver {
  @FieldResolver(() => SpecialGoodsApplication, {
    nullable: true,
    description:
      'The special-goods quarantine application submitted for it, as customs records it; null until one is submitted. When several name it, the most recently submitted one not REJECTED; if all were rejected, the most recently submitted one.',
  })
  @Directive(AUTHENTICATED)
  specialGoodsApplication(
    @Root() consolidated: ConsolidatedImport,
    @Ctx() ctx: Context,
  ): Promise<SpecialGoodsApplication | null> {
    return ctx.loaders.applicationByConsolidatedImport.load(consolidated.id);
  }
}
