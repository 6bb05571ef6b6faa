import { Database, keyset, keysetSql, PageRequest } from '../kit';
import { Airline } from './entities/airline';
import { Flight } from './entities/flight';
import { Region, Route, RouteStatus } from './entities/route';
import { RouteRecoveryPoint } from './entities/route-recovery';
import { ShipmentLeg } from './entities/shipment';

/** Every SQL statement of the routes subgraph. One method = one statement. */

const AIRLINE_COLUMNS = `
  a.iata_code AS "iataCode", a.icao_code AS "icaoCode", a.name, a.country_code AS "countryCode",
  a.awb_prefix AS "awbPrefix"`;

export const ROUTE_COLUMNS = `
  r.id, r.airline_iata AS "airlineIata", r.origin_iata AS "originIata",
  r.destination_iata AS "destinationIata", r.region, r.status,
  r.weekly_frequency AS "weeklyFrequency",
  r.weekly_cargo_capacity_tonnes AS "weeklyCargoCapacityTonnes",
  r.opened_on AS "openedOn", r.suspended_on AS "suspendedOn", r.resumed_on AS "resumedOn",
  r.version`;

export const FLIGHT_COLUMNS = `
  f.number, f.date, f.route_id AS "routeId",
  f.scheduled_departure AS "scheduledDeparture", f.scheduled_arrival AS "scheduledArrival",
  f.actual_departure AS "actualDeparture", f.actual_arrival AS "actualArrival", f.status,
  f.version`;

const LEG_COLUMNS = `
  l.awb, l.sequence, l.flight_number AS "flightNumber", l.flight_date AS "flightDate",
  l.from_iata AS "fromIata", l.to_iata AS "toIata"`;

/** A flight's key: number and local departure date (`YYYY-MM-DD`). */
export type FlightKey = readonly [number: string, date: string];

/** Flights of one route within an inclusive date range. */
export type RouteFlightsKey = readonly [routeId: string, from: string, to: string];

/** Routes touching one airport, optionally filtered. */
export type AirportRoutesKey = readonly [
  iataCode: string,
  status: RouteStatus | null,
  region: Region | null,
];

/** The order of `routes`: by id. */
export const ROUTE_PAGE = keyset<Route>([{ sql: 'r.id', type: 'text', field: 'id' }]);

export interface RouteFilter {
  origin?: string | null;
  destination?: string | null;
  region?: Region | null;
  status?: RouteStatus | null;
  airline?: string | null;
}

/** A flight row tagged with the (route, from, to) key it was fetched for. */
export type KeyedFlight = Flight & { keyRouteId: string; keyFrom: string; keyTo: string };

/** A route row tagged with the (airport, status, region) key it was fetched for. */
export type KeyedRoute = Route & {
  keyIata: string;
  keyStatus: RouteStatus | null;
  keyRegion: Region | null;
};

export class RoutesRepository {
  constructor(private readonly db: Database) {}

  airlinesByIata(codes: readonly string[]): Promise<Airline[]> {
    return this.db.query<Airline & Record<string, unknown>>(
      `SELECT ${AIRLINE_COLUMNS} FROM routes.airline a WHERE a.iata_code = ANY($1::text[])`,
      [codes],
    );
  }

  airlinesByAwbPrefix(prefixes: readonly string[]): Promise<Airline[]> {
    return this.db.query<Airline & Record<string, unknown>>(
      `SELECT ${AIRLINE_COLUMNS} FROM routes.airline a WHERE a.awb_prefix = ANY($1::text[])`,
      [prefixes],
    );
  }

  routesById(ids: readonly string[]): Promise<Route[]> {
    return this.db.query<Route & Record<string, unknown>>(
      `SELECT ${ROUTE_COLUMNS} FROM routes.route r WHERE r.id = ANY($1::text[])`,
      [ids],
    );
  }

  /** Keys must hold valid flight numbers and dates (the `date` cast fails on anything else). */
  flightsByKey(keys: readonly FlightKey[]): Promise<Flight[]> {
    return this.db.query<Flight & Record<string, unknown>>(
      `SELECT ${FLIGHT_COLUMNS}
         FROM unnest($1::text[], $2::date[]) AS k(number, date)
         JOIN routes.flight f ON f.number = k.number AND f.date = k.date`,
      [keys.map((k) => k[0]), keys.map((k) => k[1])],
    );
  }

  /** Flights of each (route, from, to), ordered by date then number. */
  flightsOfRoutes(keys: readonly RouteFlightsKey[]): Promise<KeyedFlight[]> {
    return this.db.query<KeyedFlight & Record<string, unknown>>(
      `SELECT k.route_id AS "keyRouteId", k.date_from AS "keyFrom", k.date_to AS "keyTo",
              ${FLIGHT_COLUMNS}
         FROM unnest($1::text[], $2::date[], $3::date[]) AS k(route_id, date_from, date_to)
         JOIN routes.flight f
           ON f.route_id = k.route_id AND f.date BETWEEN k.date_from AND k.date_to
        ORDER BY f.date, f.number`,
      [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2])],
    );
  }

  /** Legs of each shipment, in journey order. AWBs in display form `PPP-SSSSSSSC`. */
  legsOfShipments(awbs: readonly string[]): Promise<ShipmentLeg[]> {
    return this.db.query<ShipmentLeg & Record<string, unknown>>(
      `SELECT ${LEG_COLUMNS} FROM routes.shipment_leg l
        WHERE l.awb = ANY($1::text[])
        ORDER BY l.awb, l.sequence`,
      [awbs],
    );
  }

  /** Routes having each airport as origin or destination, filtered per key, ordered by id. */
  routesOfAirports(keys: readonly AirportRoutesKey[]): Promise<KeyedRoute[]> {
    return this.db.query<KeyedRoute & Record<string, unknown>>(
      `SELECT k.iata AS "keyIata", k.status AS "keyStatus", k.region AS "keyRegion", ${ROUTE_COLUMNS}
         FROM unnest($1::text[], $2::text[], $3::text[]) AS k(iata, status, region)
         JOIN routes.route r
           ON (r.origin_iata = k.iata OR r.destination_iata = k.iata)
          AND (k.status IS NULL OR r.status = k.status)
          AND (k.region IS NULL OR r.region = k.region)
        ORDER BY r.id`,
      [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2])],
    );
  }

  /** One keyset page (`ROUTE_PAGE`) of the routes matching `filter`; fetches `limit + 1` rows. */
  routesPage(filter: RouteFilter, page: PageRequest<Route>): Promise<Route[]> {
    const { where, values } = routeWhere(filter);
    const keys = keysetSql(page, (value) => `$${values.push(value)}`);
    where.push(...keys.conditions);
    return this.db.query<Route & Record<string, unknown>>(
      `SELECT ${ROUTE_COLUMNS} FROM routes.route r
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${keys.orderBy}
        LIMIT ${keys.limit}`,
      values,
    );
  }

  async countRoutes(filter: RouteFilter): Promise<number> {
    const { where, values } = routeWhere(filter);
    const rows = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM routes.route r
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      values,
    );
    return rows[0].count;
  }

  /**
   * For every month from `first` to `last` (first days of months), starting no earlier than the
   * earliest opening: the routes operating in it (opened by the month's end and not suspended for
   * all of it) and their weekly frequencies.
   */
  routeRecovery(region: Region | null, first: string, last: string): Promise<RouteRecoveryPoint[]> {
    return this.db.query<RouteRecoveryPoint & Record<string, unknown>>(
      `WITH r AS (
         SELECT * FROM routes.route
          WHERE opened_on IS NOT NULL AND ($1::text IS NULL OR region = $1::text)
       ),
       months AS (
         SELECT m::date AS month_start, (m + interval '1 month' - interval '1 day')::date AS month_end
           FROM generate_series($2::date::timestamp, $3::date::timestamp, interval '1 month') AS m
          WHERE m >= date_trunc('month', (SELECT min(opened_on) FROM r)::timestamp)
       ),
       operating AS (
         SELECT months.month_start, r.weekly_frequency, r.weekly_cargo_capacity_tonnes,
                NOT (r.suspended_on IS NOT NULL AND r.suspended_on <= months.month_start
                     AND (r.resumed_on IS NULL OR r.resumed_on > months.month_end)) AS operating
           FROM months JOIN r ON r.opened_on <= months.month_end
       )
       SELECT months.month_start AS month,
              count(*) FILTER (WHERE o.operating)::int AS "activeRoutes",
              coalesce(sum(o.weekly_frequency) FILTER (WHERE o.operating), 0)::int AS "weeklyFrequency",
              count(*) FILTER (WHERE NOT o.operating)::int AS "suspendedRoutes",
              coalesce(sum(o.weekly_cargo_capacity_tonnes) FILTER (WHERE o.operating), 0)::float8
                AS "weeklyCargoCapacityTonnes"
         FROM months LEFT JOIN operating o ON o.month_start = months.month_start
        GROUP BY months.month_start
        ORDER BY months.month_start`,
      [region, first, last],
    );
  }
}

function routeWhere(filter: RouteFilter): { where: string[]; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (column: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    values.push(value);
    where.push(`r.${column} = $${values.length}`);
  };
  add('origin_iata', filter.origin);
  add('destination_iata', filter.destination);
  add('region', filter.region);
  add('status', filter.status);
  add('airline_iata', filter.airline);
  return { where, values };
}
