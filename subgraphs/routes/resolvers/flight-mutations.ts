import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badUserInput, notFound } from '../../kit';
import type { Context } from '../context';
import { airportTimezone } from '../cross-agency';
import { Flight, FlightStatus } from '../entities/flight';
import {
  CancelFlightInput,
  RecordDepartureInput,
  RecordFlightArrivalInput,
  ScheduleFlightInput,
} from '../entities/inputs/flight-inputs';
import { RouteStatus } from '../entities/route';
import { assertLandsAfterTakeOff, transitionFlight } from '../flight-rules';
import { alreadyExists, runRoutesMutation } from '../mutation-support';
import { flightHistoryId } from '../state-machines';
import {
  checkFlightTransition,
  checkScheduleFlight,
  designatorOf,
  localDate,
} from '../write-validation';

/** The flight as committed, read afresh through the request's loaders. */
async function reread(ctx: Context, [number, date]: [string, string]): Promise<Flight> {
  const flight = await ctx.loaders.flight.clear([number, date]).load([number, date]);
  if (!flight) throw new Error(`flight ${number} ${date} is missing after the write`);
  return flight;
}

const OPERATING = new Set([RouteStatus.ACTIVE, RouteStatus.RESUMED]);

@Resolver(() => Flight)
export class FlightMutationsResolver {
  @Mutation(() => Flight, {
    description:
      'Schedules a flight on an operating (ACTIVE or RESUMED) route: the number’s designator is the route’s airline, the flight date is the scheduled departure’s date in the origin airport’s time zone (from the airports register, through the gateway). CONFLICT when the flight exists already.',
  })
  async scheduleFlight(
    @Arg('input', () => ScheduleFlightInput, { description: 'The flight.' })
    input: ScheduleFlightInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkScheduleFlight(input);
    const { routeId, flightNumber: number, flightDate: date } = input;
    // Airline and ends of a route never change: safe to read before the transaction.
    const route = await ctx.loaders.route.load(routeId);
    if (!route) throw notFound(`no route ${routeId}`, 'input.routeId');
    if (designatorOf(number) !== route.airlineIata) {
      throw badUserInput(
        `flight ${number} is not a flight of ${route.airlineIata}, which operates route ${routeId}`,
        'input.flightNumber',
      );
    }
    const timezone = await airportTimezone(ctx.gateway, route.originIata, 'input.routeId');
    const departureDate = localDate(input.scheduledDeparture, timezone);
    if (departureDate !== date) {
      throw badUserInput(
        `the scheduled departure is on ${departureDate} at ${route.originIata} (${timezone}), not on the flight date ${date}`,
        'input.scheduledDeparture',
      );
    }
    const key = await runRoutesMutation(ctx, 'scheduleFlight', input, async (repo) => {
      const current = await repo.lockRoute(routeId, 'SHARE');
      if (!current || !OPERATING.has(current.status)) {
        throw badUserInput(
          `route ${routeId} is ${current?.status ?? 'gone'}: flights are scheduled on ACTIVE or RESUMED routes only`,
          'input.routeId',
        );
      }
      const created = await repo.insertFlight({
        number,
        date,
        routeId,
        scheduledDeparture: input.scheduledDeparture,
        scheduledArrival: input.scheduledArrival,
      });
      if (!created) {
        throw alreadyExists(
          `flight ${number} on ${date} is scheduled already`,
          'input.flightNumber',
        );
      }
      await repo.recordStatusChange({
        entityType: 'Flight',
        entityId: flightHistoryId(number, date),
        from: null,
        to: FlightStatus.SCHEDULED,
        actor: ctx.actor,
      });
      return [number, date] as [string, string];
    });
    return reread(ctx, key);
  }

  @Mutation(() => Flight, {
    description: 'Records the take-off of a SCHEDULED flight: it becomes DEPARTED.',
  })
  async recordDeparture(
    @Arg('input', () => RecordDepartureInput, { description: 'The flight and its take-off time.' })
    input: RecordDepartureInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkFlightTransition(input);
    const key = await runRoutesMutation(ctx, 'recordDeparture', input, (repo) =>
      transitionFlight(repo, ctx.actor, input, FlightStatus.DEPARTED, () => ({
        status: FlightStatus.DEPARTED,
        actualDeparture: input.actualDeparture,
      })),
    );
    return reread(ctx, key);
  }

  @Mutation(() => Flight, {
    description:
      'Records the landing of a DEPARTED flight, after its take-off: it becomes ARRIVED, or DIVERTED when it landed elsewhere.',
  })
  async recordFlightArrival(
    @Arg('input', () => RecordFlightArrivalInput, {
      description: 'The flight and its landing time.',
    })
    input: RecordFlightArrivalInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkFlightTransition(input);
    const to = input.diverted ? FlightStatus.DIVERTED : FlightStatus.ARRIVED;
    const key = await runRoutesMutation(ctx, 'recordFlightArrival', input, (repo) =>
      transitionFlight(repo, ctx.actor, input, to, (flight) => {
        assertLandsAfterTakeOff(flight, input.actualArrival);
        return { status: to, actualArrival: input.actualArrival };
      }),
    );
    return reread(ctx, key);
  }

  @Mutation(() => Flight, {
    description:
      'Cancels a SCHEDULED flight: it becomes CANCELLED, and shipment legs can no longer be assigned to it.',
  })
  async cancelFlight(
    @Arg('input', () => CancelFlightInput, { description: 'The flight and why.' })
    input: CancelFlightInput,
    @Ctx() ctx: Context,
  ): Promise<Flight> {
    checkFlightTransition(input);
    const key = await runRoutesMutation(ctx, 'cancelFlight', input, (repo) =>
      transitionFlight(
        repo,
        ctx.actor,
        input,
        FlightStatus.CANCELLED,
        () => ({ status: FlightStatus.CANCELLED }),
        input.reason,
      ),
    );
    return reread(ctx, key);
  }
}
