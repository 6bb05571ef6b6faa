import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertValid, AUTHENTICATED, StatusChange } from '../../kit';
import type { Context } from '../context';
import { Enterprise } from '../entities/enterprise';
import { Shipment } from '../entities/shipment';
import { SpecialGoodsApplication } from '../entities/special-goods-application';
import { checkReference } from '../validation';

@Resolver(() => SpecialGoodsApplication)
export class SpecialGoodsApplicationResolver {
  @Query(() => SpecialGoodsApplication, {
    nullable: true,
    description:
      'A special-goods health quarantine application by number; null if unknown, or not yours to read (an enterprise reads those it applied for; `trade:read` all).',
  })
  @Directive(AUTHENTICATED)
  async specialGoodsApplication(
    @Arg('number', () => ID, { description: 'Application number.' }) number: string,
    @Ctx() ctx: Context,
  ): Promise<SpecialGoodsApplication | null> {
    assertValid(checkReference(number, 'an application number'), 'number');
    const row = await ctx.loaders.visibleApplicationByNumber.load(number);
    if (row) ctx.accessLog.read('SpecialGoodsApplication', [row.number]);
    return row;
  }

  @FieldResolver(() => Enterprise)
  async applicant(@Root() a: SpecialGoodsApplication, @Ctx() ctx: Context): Promise<Enterprise> {
    const enterprise = await ctx.loaders.enterpriseByUscc.load(a.applicantUscc);
    if (!enterprise) throw new Error(`applicant ${a.applicantUscc} is not registered`);
    return enterprise;
  }

  @FieldResolver(() => [StatusChange])
  history(@Root() a: SpecialGoodsApplication, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.applicationHistory.load(a.number);
  }

  @FieldResolver(() => [Shipment])
  shipments(@Root() a: SpecialGoodsApplication, @Ctx() ctx: Context): Promise<Shipment[]> {
    return ctx.loaders.shipmentsByApplication.load(a.number);
  }
}
