import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { alreadyExists, requiresWriteOf, reread } from '../../kit';
import type { Context } from '../context';
import { airportTimezone } from '../cross-agency';
import { Flight, FlightStatus } from '../entities/flight';
import {
  CancelFlightInput,
  RecordDepartureInput,
  RecordFlightArrivalInput,
  ScheduleFlightInput,
} from '../entities/inputs/flight-inputs';
import type { FlightKey } from '../repository';
import {
  assertDepartsOnFlightDate,
  assertLandsAfterTakeOff,
  assertOperating,
  routeOfNewFlight,
  transitionFlight,
} from '../rules/flight-rules';
import { flightHistoryId } from '../state-machines';
import { checkFlightTransition, checkScheduleFlight } from '../validation';
import { RoutesWriteRepository } from '../write-repository';

@Resolver(() => Flight)
export class FlightMutationsResolver {
  @Mutation(() => Flight, {
    description:
      'Schedules a flight on an operating (ACTIVE or RESUMED) route: the number’s designator is the route’s airline, the flight date is the scheduled departure’s date in the origin airport’s time zone (from the airports register, through the gateway). CONFLICT when the flight exists already.',
  })
  @Directive(requiresWriteOf('routes'))
  async scheduleFlight(
    @Arg('input', () => ScheduleFlightInput, { description: 'The flight.' })
    input: ScheduleFlightInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkScheduleFlight(input);
    const { routeId, flightNumber: number, flightDate: date } = input;
    const key = await ctx.mutations.run({
      operation: 'scheduleFlight',
      input,
      check: async () => {
        const route = await routeOfNewFlight(ctx.loaders, input);
        const timezone = await airportTimezone(ctx.gateway, route.originIata, 'input.routeId');
        assertDepartsOnFlightDate(input, route.originIata, timezone);
      },
      write: async (tx): Promise<FlightKey> => {
        const repo = new RoutesWriteRepository(tx);
        assertOperating(routeId, await repo.lockRoute(routeId, 'SHARE'));
        const created = await repo.insertFlight({
          number,
          date,
          routeId,
          scheduledDeparture: input.scheduledDeparture,
          scheduledArrival: input.scheduledArrival,
        });
        const id = flightHistoryId(number, date);
        if (!created) throw alreadyExists('Flight', id, 'input.flightNumber');
        await tx.recordStatusChange({
          entityType: 'Flight',
          entityId: id,
          from: null,
          to: FlightStatus.SCHEDULED,
        });
        return [number, date];
      },
    });
    return reread(ctx.loaders.flight, key, 'Flight');
  }

  @Mutation(() => Flight, {
    description: 'Records the take-off of a SCHEDULED flight: it becomes DEPARTED.',
  })
  @Directive(requiresWriteOf('routes'))
  async recordDeparture(
    @Arg('input', () => RecordDepartureInput, { description: 'The flight and its take-off time.' })
    input: RecordDepartureInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkFlightTransition(input);
    const key = await ctx.mutations.run({
      operation: 'recordDeparture',
      input,
      write: (tx) =>
        transitionFlight(tx, input, FlightStatus.DEPARTED, () => ({
          actualDeparture: input.actualDeparture,
        })),
    });
    return reread(ctx.loaders.flight, key, 'Flight');
  }

  @Mutation(() => Flight, {
    description:
      'Records the landing of a DEPARTED flight, after its take-off: it becomes ARRIVED, or DIVERTED when it landed elsewhere.',
  })
  @Directive(requiresWriteOf('routes'))
  async recordFlightArrival(
    @Arg('input', () => RecordFlightArrivalInput, {
      description: 'The flight and its landing time.',
    })
    input: RecordFlightArrivalInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkFlightTransition(input);
    const to = input.diverted ? FlightStatus.DIVERTED : FlightStatus.ARRIVED;
    const key = await ctx.mutations.run({
      operation: 'recordFlightArrival',
      input,
      write: (tx) =>
        transitionFlight(tx, input, to, (flight) => {
          assertLandsAfterTakeOff(flight, input.actualArrival);
          return { actualArrival: input.actualArrival };
        }),
    });
    return reread(ctx.loaders.flight, key, 'Flight');
  }

  @Mutation(() => Flight, {
    description:
      'Cancels a SCHEDULED flight: it becomes CANCELLED, and shipment legs can no longer be assigned to it.',
  })
  @Directive(requiresWriteOf('routes'))
  async cancelFlight(
    @Arg('input', () => CancelFlightInput, { description: 'The flight and why.' })
    input: CancelFlightInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkFlightTransition(input);
    const key = await ctx.mutations.run({
      operation: 'cancelFlight',
      input,
      write: (tx) => transitionFlight(tx, input, FlightStatus.CANCELLED, () => ({}), input.reason),
    });
    return reread(ctx.loaders.flight, key, 'Flight');
  }
}
