import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Enterprise } from '../entities/enterprise';
import { Manifest } from '../entities/shipment';

@Resolver(() => Manifest)
export class ManifestResolver {
  @FieldResolver(() => Enterprise)
  async consignee(@Root() manifest: Manifest, @Ctx() ctx: Context): Promise<Enterprise> {
    const enterprise = await ctx.loaders.enterpriseByUscc.load(manifest.consigneeUscc);
    if (!enterprise) throw new Error(`consignee ${manifest.consigneeUscc} is not registered`);
    return enterprise;
  }
}
