import { Database } from '../../subgraphs/kit';

/** The routes mutations and reads as the tests send them. */

/** Rows of the routes agency's history for one record. */
export function historyRows(db: Database, entityType: 'Route' | 'Flight', entityId: string) {
  return db.query<{ from: string | null; to: string; reason: string | null }>(
    `SELECT from_status AS "from", to_status AS "to", reason FROM routes.status_change
      WHERE entity_type = $1 AND entity_id = $2 ORDER BY at, id`,
    [entityType, entityId],
  );
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
