import type { GraphQLFormattedError } from 'graphql';
import { postGraphQL } from '../../scripts/in-process-federation';
import { Database } from '../../subgraphs/kit';
import { Federation, startFederation } from '../support/federation';

/**
 * The whole federation over a seeded demo database, for the routes mutations: airports and
 * customs answer the cross-agency checks through the real gateway. Mutations go straight to the
 * routes subgraph (the committed supergraph has no mutations yet); reads may go either way.
 */
export class RoutesWrites {
  private constructor(
    readonly fed: Federation,
    readonly routesUrl: string,
  ) {}

  static async start(shipments = 300): Promise<RoutesWrites> {
    const fed = await startFederation({ shipments });
    const routes = fed.subgraphs.find((s) => s.name === 'routes');
    if (!routes) throw new Error('no routes subgraph in the federation');
    return new RoutesWrites(fed, routes.url);
  }

  /** The routes agency's database (for checks of what was, or was not, written). */
  get db(): Database {
    return this.fed.databases.routes;
  }

  /** One operation sent to the routes subgraph. */
  async routes<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: GraphQLFormattedError[] }> {
    return postGraphQL<T>(this.routesUrl, query, variables) as Promise<{
      data?: T | null;
      errors?: GraphQLFormattedError[];
    }>;
  }

  /** Runs an operation on the routes subgraph that must succeed; returns its data. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const res = await this.routes<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** Runs an operation on the routes subgraph that must fail with one error; returns it. */
  async fails(query: string, variables?: Record<string, unknown>): Promise<GraphQLFormattedError> {
    const res = await this.routes(query, variables);
    if (res.errors?.length !== 1) {
      throw new Error(`expected one error, got ${JSON.stringify(res)}`);
    }
    expect(res.data ?? null).toBeNull();
    return res.errors[0];
  }

  /** Rows of the routes agency's history for one record. */
  async historyRows(entityType: 'Route' | 'Flight', entityId: string) {
    return this.db.query<{ from: string | null; to: string; reason: string | null }>(
      `SELECT from_status AS "from", to_status AS "to", reason FROM routes.status_change
        WHERE entity_type = $1 AND entity_id = $2 ORDER BY at, id`,
      [entityType, entityId],
    );
  }

  stop(): Promise<void> {
    return this.fed.stop();
  }
}

export const ROUTE_FIELDS = `id status region weeklyFrequency weeklyCargoCapacityTonnes
  openedOn suspendedOn resumedOn version airline { iataCode } origin { iataCode } destination { iataCode }
  history { from to actor reason at }`;

export const FLIGHT_FIELDS = `number date status scheduledDeparture scheduledArrival actualDeparture
  actualArrival version route { id } history { from to actor reason }`;

export const CREATE_ROUTE = `mutation ($input: CreateRouteInput!) { createRoute(input: $input) { ${ROUTE_FIELDS} } }`;
export const SET_ROUTE_STATUS = `mutation ($input: SetRouteStatusInput!) { setRouteStatus(input: $input) { ${ROUTE_FIELDS} } }`;
export const SCHEDULE_FLIGHT = `mutation ($input: ScheduleFlightInput!) { scheduleFlight(input: $input) { ${FLIGHT_FIELDS} } }`;
export const RECORD_DEPARTURE = `mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) { ${FLIGHT_FIELDS} } }`;
export const RECORD_ARRIVAL = `mutation ($input: RecordFlightArrivalInput!) { recordFlightArrival(input: $input) { ${FLIGHT_FIELDS} } }`;
export const CANCEL_FLIGHT = `mutation ($input: CancelFlightInput!) { cancelFlight(input: $input) { ${FLIGHT_FIELDS} } }`;
export const ASSIGN_LEG = `mutation ($input: AssignShipmentLegInput!) {
  assignShipmentLeg(input: $input) {
    awb legs { sequence from { iataCode } to { iataCode } flight { number date } }
  }
}`;

export const ROUTE_QUERY = `query ($id: ID!) { route(id: $id) { ${ROUTE_FIELDS} } }`;
export const FLIGHT_QUERY = `query ($number: String!, $date: Date!) { flight(number: $number, date: $date) { ${FLIGHT_FIELDS} } }`;
