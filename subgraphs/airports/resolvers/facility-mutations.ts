import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badUserInput, notFound, recordStatusChange, versionConflict } from '../../kit';
import { Context } from '../context';
import { Facility, FacilityStatus } from '../entities/facility';
import { SetFacilityStatusInput } from '../entities/inputs';
import { runAirportsMutation, withoutKey } from '../run-mutation';
import { FACILITY_LIFECYCLE } from '../state-machines';
import { assertVersion, optionalText } from '../validation';
import { AirportsWriteRepository } from '../write-repository';

@Resolver(() => Facility)
export class FacilityMutationResolver {
  @Mutation(() => Facility, {
    description:
      "Moves a facility one step forward in its life (PLANNED → UNDER_CONSTRUCTION → OPERATIONAL; OPERATIONAL is final), with `commissionedOn` when it becomes OPERATIONAL. Any other move is INVALID_STATE_TRANSITION; a stale `expectedVersion` is CONFLICT. The change is recorded in the facility's `history`.",
  })
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
    assertVersion(input.expectedVersion, 'input.expectedVersion', 1);

    await runAirportsMutation(
      ctx,
      'setFacilityStatus',
      input.idempotencyKey,
      withoutKey(input),
      async (tx) => {
        const w = new AirportsWriteRepository(tx);
        const facility = await w.lockFacility(id);
        if (!facility) throw notFound(`no facility has the id "${id}"`, 'input.id');
        if (input.expectedVersion != null && input.expectedVersion !== facility.version) {
          throw versionConflict('Facility', id, input.expectedVersion, facility.version);
        }
        FACILITY_LIFECYCLE.assert(id, facility.status, input.status);
        await w.updateFacilityStatus(id, input.status, input.commissionedOn ?? null);
        await recordStatusChange(tx, 'airports', {
          entityType: 'Facility',
          entityId: id,
          from: facility.status,
          to: input.status,
          actor: ctx.actor,
          reason,
        });
        return id;
      },
    );
    ctx.loaders.facilityById.clear(id);
    ctx.loaders.facilityHistory.clear(id);
    ctx.loaders.facilitiesByAirport.clearAll();
    const facility = await ctx.loaders.facilityById.load(id);
    if (!facility) throw new Error(`facility ${id} vanished after its status change`);
    return facility;
  }
}
