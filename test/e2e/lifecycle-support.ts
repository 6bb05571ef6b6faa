import { expect } from '@jest/globals';
import { Federation } from '../support/federation';

/** Sends a mutation or query through the gateway and fails the test on any error. */
export async function must<T = Record<string, unknown>>(
  fed: Federation,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await fed.query<T>(query, variables);
  if (res.errors) throw new Error(`${query.trim().split('\n')[0]}: ${JSON.stringify(res.errors)}`);
  expect(res.data).toBeTruthy();
  return res.data as T;
}

/** An instant `hours` after `start`, ISO. */
export const after = (start: string, hours: number) =>
  new Date(Date.parse(start) + hours * 3_600_000).toISOString();

export interface FlightPlan {
  routeId: string;
  flightNumber: string;
  flightDate: string;
  from: string;
  to: string;
}

/** An operating route into `destination` from abroad, and a new flight on it on `date`. */
export async function planFlight(
  fed: Federation,
  destination: string,
  date: string,
  serial: number,
): Promise<FlightPlan> {
  const { routes } = await must<{
    routes: {
      nodes: {
        id: string;
        airline: { iataCode: string };
        origin: { iataCode: string; isBeijingHub: boolean };
      }[];
    };
  }>(
    fed,
    `query($to: ID!) { routes(destination: $to, status: ACTIVE, first: 50) {
       nodes { id airline { iataCode } origin { iataCode isBeijingHub } } } }`,
    { to: destination },
  );
  const route = routes.nodes.find((r) => !r.origin.isBeijingHub);
  if (!route) throw new Error(`no active route into ${destination} in the demo data`);
  return {
    routeId: route.id,
    flightNumber: `${route.airline.iataCode}${serial}`,
    flightDate: date,
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
  await must(
    fed,
    'mutation($i: ScheduleFlightInput!) { scheduleFlight(input: $i) { number status } }',
    {
      i: {
        routeId: plan.routeId,
        ...flight,
        scheduledDeparture: departure,
        scheduledArrival: arrival,
      },
    },
  );
  await must(
    fed,
    'mutation($i: AssignShipmentLegInput!) { assignShipmentLeg(input: $i) { awb legs { sequence } } }',
    {
      i: { awb, ...flight, from: plan.from, to: plan.to },
    },
  );
  await must(fed, 'mutation($i: RecordDepartureInput!) { recordDeparture(input: $i) { status } }', {
    i: { ...flight, actualDeparture: departure },
  });
  await must(
    fed,
    'mutation($i: RecordFlightArrivalInput!) { recordFlightArrival(input: $i) { status } }',
    {
      i: { ...flight, actualArrival: arrival },
    },
  );
}
