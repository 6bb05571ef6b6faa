import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED, normalizeAwb } from '../../kit';
import { Context } from '../context';
import { ConsolidatedImport } from '../entities/consolidated-import';
import { Shipment } from '../entities/shipment';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @FieldResolver(() => ConsolidatedImport, {
    nullable: true,
    description:
      'The consolidated import whose goods this shipment carries; null if none, or one you may not read.',
  })
  @Directive(AUTHENTICATED)
  async consolidatedImport(
    @Root() shipment: Shipment,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport | null> {
    const row = await ctx.loaders.consolidatedImportByAwb.load(
      normalizeAwb(shipment.awb) ?? shipment.awb,
    );
    if (row) ctx.accessLog.read('ConsolidatedImport', [row.id]);
    return row;
  }
}
