import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { alreadyExists, requiresWriteOf, reread } from '../../kit';
import type { Context } from '../context';
import { checkManifestAirports } from '../cross-agency';
import { RegisterManifestInput } from '../entities/inputs/register-manifest-input';
import { Shipment } from '../entities/shipment';
import { validManifest } from '../rules/manifest-input';
import { requireRegistered } from '../rules/registered';
import { CustomsWriteRepository } from '../write-repository';

@Resolver()
export class ManifestMutationResolver {
  @Mutation(() => Shipment, {
    description:
      "Registers an air waybill's manifest: creates the shipment (clearance NOT_DECLARED). The airports must exist and the port of entry must be a Beijing hub (checked with the airports agency through the gateway); the consignee must be registered. An AWB registered before is a CONFLICT.",
  })
  @Directive(requiresWriteOf('customs'))
  async registerManifest(
    @Arg('input', () => RegisterManifestInput, { description: 'The manifest.' })
    input: RegisterManifestInput,
    @Ctx() ctx: Context,
  ): Promise<Shipment> {
    const manifest = validManifest(input, new Date());
    const awb = await ctx.mutations.run({
      operation: 'registerManifest',
      input,
      check: () =>
        checkManifestAirports(ctx.gateway, {
          origin: manifest.originIata,
          destination: manifest.destinationIata,
          portOfEntry: manifest.portOfEntryIata,
        }),
      write: async (tx) => {
        const repo = new CustomsWriteRepository(tx);
        await requireRegistered(repo, [
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
      },
    });
    return reread(ctx.loaders.shipmentByAwb, awb, 'Shipment');
  }
}
