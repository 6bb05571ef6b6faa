import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { requiresWriteOf } from '../../kit';
import type { Context } from '../context';
import { checkShipmentRegistered } from '../cross-agency';
import { AssignShipmentLegInput } from '../entities/inputs/leg-inputs';
import { Shipment } from '../entities/shipment';
import { appendLeg } from '../rules/leg-rules';
import { checkAssignShipmentLeg } from '../validation';

@Resolver(() => Shipment)
export class LegMutationsResolver {
  @Mutation(() => Shipment, {
    description:
      'Appends a flight to a shipment’s journey as its next leg. The shipment must be in the customs register (checked through the gateway); the flight must exist and not be CANCELLED; the leg runs from the flight’s origin to its destination, starting where the previous leg ended and departing after it arrives (scheduled times). Returns the shipment, so its `legs` can be selected.',
  })
  @Directive(requiresWriteOf('routes'))
  async assignShipmentLeg(
    @Arg('input', () => AssignShipmentLegInput, { description: 'The shipment and the flight.' })
    input: AssignShipmentLegInput,
    @Ctx() ctx: Context,
  ): Promise<Shipment> {
    const awb = checkAssignShipmentLeg(input);
    await ctx.mutations.run({
      operation: 'assignShipmentLeg',
      input,
      check: () => checkShipmentRegistered(ctx.gateway, awb),
      write: (tx) => appendLeg(tx, awb, input),
    });
    ctx.loaders.legsOfShipment.clear(awb);
    return { awb };
  }
}
