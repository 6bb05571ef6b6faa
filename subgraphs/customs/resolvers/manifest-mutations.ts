import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { checkManifestAirports } from '../cross-agency';
import { RegisterManifestInput } from '../entities/inputs/register-manifest-input';
import { Shipment } from '../entities/shipment';
import { validManifest } from '../input-validation/manifest';
import { alreadyExists, customsMutation, isReplay, requireReferences } from '../mutation-support';

const OPERATION = 'registerManifest';

@Resolver()
export class ManifestMutationResolver {
  @Mutation(() => Shipment, {
    description:
      "Registers an air waybill's manifest: creates the shipment (clearance NOT_DECLARED). The airports must exist and the port of entry must be a Beijing hub (checked with the airports agency through the gateway); the consignee must be registered. An AWB registered before is a CONFLICT.",
  })
  async registerManifest(
    @Arg('input', () => RegisterManifestInput, { description: 'The manifest.' })
    input: RegisterManifestInput,
    @Ctx() ctx: Context,
  ): Promise<Shipment> {
    const manifest = validManifest(input, new Date());
    if (!(await isReplay(ctx, OPERATION, input.idempotencyKey))) {
      await checkManifestAirports(ctx.services.gateway, {
        origin: manifest.originIata,
        destination: manifest.destinationIata,
        portOfEntry: manifest.portOfEntryIata,
      });
    }
    const awb = await customsMutation(ctx, OPERATION, input, async (repo) => {
      await requireReferences(repo, [
        {
          table: 'enterprise',
          key: manifest.consigneeUscc,
          field: 'input.consignee',
          what: 'enterprise',
        },
      ]);
      if (!(await repo.insertShipment(manifest))) {
        throw alreadyExists('Shipment', manifest.awb, 'input.awb');
      }
      return manifest.awb;
    });
    ctx.loaders.shipmentByAwb.clear(awb);
    const shipment = await ctx.loaders.shipmentByAwb.load(awb);
    if (!shipment) throw new Error(`shipment ${awb} vanished after registration`);
    return shipment;
  }
}
