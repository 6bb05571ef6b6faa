import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { normalizeAwb } from '../../kit';
import { Context } from '../context';
import { ConsolidatedImport } from '../entities/consolidated-import';
import { Shipment } from '../entities/shipment';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @FieldResolver(() => ConsolidatedImport, {
    nullable: true,
    description: 'The consolidated import whose goods this shipment carries; null if none.',
  })
  consolidatedImport(
    @Root() shipment: Shipment,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport | null> {
    return ctx.loaders.consolidatedImportByAwb.load(normalizeAwb(shipment.awb) ?? shipment.awb);
  }
}
