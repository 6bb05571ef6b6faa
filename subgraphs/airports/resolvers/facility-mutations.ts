import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { badUserInput, requiresWriteOf, reread, transition } from '../../kit';
import { Context } from '../context';
import { Facility, FacilityStatus } from '../entities/facility';
import { SetFacilityStatusInput } from '../entities/inputs';
import { FACILITY_LIFECYCLE } from '../state-machines';
import { optionalText } from '../validation';
import { AirportsWriteRepository } from '../write-repository';

@Resolver(() => Facility)
export class FacilityMutationResolver {
  @Mutation(() => Facility, {
    description:
      "Moves a facility one step forward in its life (PLANNED → UNDER_CONSTRUCTION → OPERATIONAL; OPERATIONAL is final), with `commissionedOn` when it becomes OPERATIONAL. Any other move is INVALID_STATE_TRANSITION; a stale `expectedVersion` is CONFLICT. The change is recorded in the facility's `history`.",
  })
  @Directive(requiresWriteOf('airports'))
  async setFacilityStatus(
    @Arg('input', () => SetFacilityStatusInput, { description: 'The change.' })
    input: SetFacilityStatusInput,
    @Ctx() ctx: Context,
  ): Promise<Facility> {
    const id = input.id;
    if (id.length === 0 || id.length > 100) {
      throw badUserInput('a facility id is 1 to 100 characters, like "PKX-COLD-1"', 'input.id');
    }
    const operational = input.status === FacilityStatus.OPERATIONAL;
    if (operational && input.commissionedOn == null) {
      throw badUserInput(
        'a facility becoming OPERATIONAL needs its commissionedOn date',
        'input.commissionedOn',
      );
    }
    if (!operational && input.commissionedOn != null) {
      throw badUserInput(
        `commissionedOn is the date a facility became OPERATIONAL: not allowed with ${input.status}`,
        'input.commissionedOn',
      );
    }
    const reason = optionalText(input.reason, 'input.reason');

    await ctx.mutations.run({
      operation: 'setFacilityStatus',
      input,
      write: async (tx) => {
        const w = new AirportsWriteRepository(tx);
        await transition(tx, {
          entity: 'Facility',
          id,
          lock: () => w.lockFacility(id),
          missing: { message: `no facility has the id "${id}"`, field: 'input.id' },
          expectedVersion: input.expectedVersion,
          machine: FACILITY_LIFECYCLE,
          to: input.status,
          apply: () => w.updateFacilityStatus(id, input.status, input.commissionedOn ?? null),
          reason,
        });
        return id;
      },
    });
    ctx.loaders.facilityHistory.clear(id);
    ctx.loaders.facilitiesByAirport.clearAll();
    return reread(ctx.loaders.facilityById, id, 'Facility');
  }
}
