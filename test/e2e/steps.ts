import { Federation } from '../support/federation';
import { expectData } from '../support/graphql';

/** Steps of the lifecycle scenarios that go through the gateway. */

/** An instant `hours` after `start`, ISO. */
export const after = (start: string, hours: number) =>
  new Date(Date.parse(start) + hours * 3_600_000).toISOString();

/** The local calendar date of an instant in an IANA time zone, `YYYY-MM-DD`. */
const localDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));

export interface FlightPlan {
  routeId: string;
  flightNumber: string;
  /** The departure's date at the origin, as airlines number their flights. */
  flightDate: string;
  from: string;
  to: string;
}

/** An operating route into `destination` from abroad, and a new flight on it leaving at `departure`. */
export async function planFlight(
  fed: Federation,
  destination: string,
  departure: string,
  serial: number,
): Promise<FlightPlan> {
  const { routes } = expectData(
    await fed.graphql<{
      routes: {
        nodes: {
          id: string;
          airline: { iataCode: string };
          origin: { iataCode: string; isBeijingHub: boolean; timezone: string };
        }[];
      };
    }>(
      `query($to: ID!) { routes(destination: $to, status: ACTIVE, first: 50) {
       nodes { id airline { iataCode } origin { iataCode isBeijingHub timezone } } } }`,
      { to: destination },
    ),
  );
  const route = routes.nodes.find((r) => !r.origin.isBeijingHub);
  if (!route) throw new Error(`no active route into ${destination} in the demo data`);
  return {
    routeId: route.id,
    flightNumber: `${route.airline.iataCode}${serial}`,
    flightDate: localDate(departure, route.origin.timezone),
    from: route.origin.iataCode,
    to: destination,
  };
}

/** Civil aviation's part: the flight is scheduled, carries the shipment, departs and arrives. */
export async function flyShipment(
  fed: Federation,
  awb: string,
  plan: FlightPlan,
  departure: string,
  arrival: string,
) {
  const flight = { flightNumber: plan.flightNumber, flightDate: plan.flightDate };
  expectData(
    await fed.graphql(
      'mutation($i: ScheduleFlightInput!) { scheduleFlight(input: $i) { number status } }',
      {
        i: {
          routeId: plan.routeId,
          ...flight,
          scheduledDeparture: departure,
          scheduledArrival: arrival,
        },
      },
    ),
  );
  expectData(
    await fed.graphql(
      'mutation($i: AssignShipmentLegInput!) { assignShipmentLeg(input: $i) { awb legs { sequence } } }',
      {
        i: { awb, ...flight, from: plan.from, to: plan.to },
      },
    ),
  );
  expectData(
    await fed.graphql(
      'mutation($i: RecordDepartureInput!) { recordDeparture(input: $i) { status } }',
      {
        i: { ...flight, actualDeparture: departure },
      },
    ),
  );
  expectData(
    await fed.graphql(
      'mutation($i: RecordFlightArrivalInput!) { recordFlightArrival(input: $i) { status } }',
      {
        i: { ...flight, actualArrival: arrival },
      },
    ),
  );
}
