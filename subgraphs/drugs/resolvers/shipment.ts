import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED, normalizeAwb } from '../../kit';
import { Context } from '../context';
import { ConsolidatedImport } from '../entities/consolidated-import';
import { Shipment } from '../entities/shipment';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @FieldResolver(() => ConsolidatedImport, {
    nullable: true,
    description: 'The consolidated import whose goods this shipment carries; null if none.',
  })
  @Directive(AUTHENTICATED)
  consolidatedImport(
    @Root() shipment: Shipment,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport | null> {
    return ctx.loaders.consolidatedImportByAwb.load(normalizeAwb(shipment.awb) ?? shipment.awb);
  }
}
