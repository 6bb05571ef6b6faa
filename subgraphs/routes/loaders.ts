import { Database, groupedLoader, keyedLoader, statusHistoryLoader } from '../kit';
import {
  AirportRoutesKey,
  FlightKey,
  KeyedFlight,
  KeyedRoute,
  RouteFlightsKey,
  RoutesRepository,
} from './repository';

/**
 * One DataLoader per entity lookup and per per-parent list, created fresh for every request:
 * N parents asking for the same field cost one SQL statement.
 */
export function createLoaders(repo: RoutesRepository, db: Database) {
  const flight = keyedLoader(
    (keys: readonly FlightKey[]) => repo.flightsByKey(keys),
    (row): FlightKey => [row.number, row.date],
  );
  return {
    /** Airline by IATA designator. */
    airline: keyedLoader(
      (codes: readonly string[]) => repo.airlinesByIata(codes),
      (row) => row.iataCode,
    ),
    /** Airline by the 3-digit prefix of the AWBs it issues. */
    airlineByAwbPrefix: keyedLoader(
      (prefixes: readonly string[]) => repo.airlinesByAwbPrefix(prefixes),
      (row) => row.awbPrefix ?? '',
    ),
    /** Route by id. */
    route: keyedLoader(
      (ids: readonly string[]) => repo.routesById(ids),
      (row) => row.id,
    ),
    /** Flight by (number, date); keys must be well-formed. */
    flight,
    /** Flights of a route within an inclusive date range, by date. */
    flightsOfRoute: groupedLoader(
      async (keys: readonly RouteFlightsKey[]) => {
        const rows = await repo.flightsOfRoutes(keys);
        // The same rows answer later lookups of these flights by key.
        for (const row of rows) flight.prime([row.number, row.date], row);
        return rows;
      },
      (row: KeyedFlight): RouteFlightsKey => [row.keyRouteId, row.keyFrom, row.keyTo],
    ),
    /** Legs of a shipment (AWB in display form), in journey order. */
    legsOfShipment: groupedLoader(
      (awbs: readonly string[]) => repo.legsOfShipments(awbs),
      (row) => row.awb,
    ),
    /** Routes touching an airport, filtered by status and region. */
    routesOfAirport: groupedLoader(
      (keys: readonly AirportRoutesKey[]) => repo.routesOfAirports(keys),
      (row: KeyedRoute): AirportRoutesKey => [row.keyIata, row.keyStatus, row.keyRegion],
    ),
    /** Status changes of routes, by route id, oldest first. */
    routeHistory: statusHistoryLoader(db, 'routes', 'Route'),
    /** Status changes of flights, by `NUMBER/DATE`, oldest first. */
    flightHistory: statusHistoryLoader(db, 'routes', 'Flight'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
