import { Database, keyset, keysetSql, PageRequest } from '../kit';
import { Airport } from './entities/airport';
import { Facility, FacilityKind, FacilityStatus } from './entities/facility';
import { CargoArrival, HandlingEvent } from './entities/shipment';
import { Interval, ThroughputPoint } from './entities/throughput';

/**
 * Every SQL statement of the airports subgraph. Each method is one statement; the batch methods
 * take all the keys a DataLoader collected in one tick. Columns come back camelCase so that rows
 * are the entity classes' shape as they are.
 */

const AIRPORT_COLUMNS = `
  iata_code AS "iataCode", icao_code AS "icaoCode", name, city, country_code AS "countryCode",
  timezone, is_beijing_hub AS "isBeijingHub"`;

const FACILITY_COLUMNS = `
  id, airport_iata AS "airportIata", kind, name, status, commissioned_on AS "commissionedOn",
  annual_capacity_tonnes AS "annualCapacityTonnes", version`;

/** The order of `facilities`: by id. */
export const FACILITY_PAGE = keyset<Facility>([{ sql: 'id', type: 'text', field: 'id' }]);

export interface FacilityFilter {
  airport?: string | null;
  kind?: FacilityKind | null;
  status?: FacilityStatus | null;
}

export class AirportsRepository {
  constructor(private readonly db: Database) {}

  airportsByCodes(codes: readonly string[]): Promise<Airport[]> {
    return this.db.query<Airport & Record<string, unknown>>(
      `SELECT ${AIRPORT_COLUMNS} FROM airports.airport WHERE iata_code = ANY($1::text[])`,
      [codes],
    );
  }

  listAirports(beijingHubsOnly: boolean): Promise<Airport[]> {
    return this.db.query<Airport & Record<string, unknown>>(
      `SELECT ${AIRPORT_COLUMNS} FROM airports.airport
       WHERE NOT $1::boolean OR is_beijing_hub
       ORDER BY iata_code`,
      [beijingHubsOnly],
    );
  }

  facilitiesByIds(ids: readonly string[]): Promise<Facility[]> {
    return this.db.query<Facility & Record<string, unknown>>(
      `SELECT ${FACILITY_COLUMNS} FROM airports.facility WHERE id = ANY($1::text[])`,
      [ids],
    );
  }

  /** All facilities of the given airports, ordered by airport, kind and id. */
  facilitiesByAirports(codes: readonly string[]): Promise<Facility[]> {
    return this.db.query<Facility & Record<string, unknown>>(
      `SELECT ${FACILITY_COLUMNS} FROM airports.facility
       WHERE airport_iata = ANY($1::text[])
       ORDER BY airport_iata, kind, id`,
      [codes],
    );
  }

  /** One keyset page (`FACILITY_PAGE`) of the matching facilities; fetches `limit + 1` rows. */
  facilitiesPage(filter: FacilityFilter, page: PageRequest<Facility>): Promise<Facility[]> {
    const values: unknown[] = [filter.airport ?? null, filter.kind ?? null, filter.status ?? null];
    const keys = keysetSql(page, (value) => `$${values.push(value)}`);
    return this.db.query<Facility & Record<string, unknown>>(
      `SELECT ${FACILITY_COLUMNS} FROM airports.facility
       WHERE ($1::text IS NULL OR airport_iata = $1)
         AND ($2::text IS NULL OR kind = $2)
         AND ($3::text IS NULL OR status = $3)
         ${keys.conditions.map((condition) => `AND ${condition}`).join(' ')}
       ORDER BY ${keys.orderBy}
       LIMIT ${keys.limit}`,
      values,
    );
  }

  async countFacilities(filter: FacilityFilter): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM airports.facility
       WHERE ($1::text IS NULL OR airport_iata = $1)
         AND ($2::text IS NULL OR kind = $2)
         AND ($3::text IS NULL OR status = $3)`,
      [filter.airport ?? null, filter.kind ?? null, filter.status ?? null],
    );
    return row.count;
  }

  arrivalsByAwbs(awbs: readonly string[]): Promise<CargoArrival[]> {
    return this.db.query<CargoArrival & Record<string, unknown>>(
      `SELECT awb, airport_iata AS "airportIata", facility_id AS "facilityId",
              arrived_at AS "arrivedAt", pieces, weight_kg AS "weightKg"
       FROM airports.cargo_arrival WHERE awb = ANY($1::text[])`,
      [awbs],
    );
  }

  /** Handling events of the given shipments, chronological within each shipment. */
  handlingEventsByAwbs(awbs: readonly string[]): Promise<HandlingEvent[]> {
    return this.db.query<HandlingEvent & Record<string, unknown>>(
      `SELECT awb, at, type, facility_id AS "facilityId", note
       FROM airports.handling_event WHERE awb = ANY($1::text[])
       ORDER BY awb, at, id`,
      [awbs],
    );
  }

  /**
   * Arrivals at one airport between two local dates (both inclusive), grouped by local period.
   * Local time is the airport's own time zone; an unknown airport gives no rows. Uses the
   * (airport_iata, arrived_at) index: the bounds are instants computed from the airport row.
   */
  throughput(
    airport: string,
    from: string,
    to: string,
    interval: Interval,
  ): Promise<ThroughputPoint[]> {
    const unit = { DAY: 'day', WEEK: 'week', MONTH: 'month' }[interval];
    return this.db.query<ThroughputPoint & Record<string, unknown>>(
      `SELECT to_char(date_trunc($4::text, c.arrived_at AT TIME ZONE a.timezone), 'YYYY-MM-DD')
                AS "periodStart",
              count(*)::int AS shipments,
              -- Weights are kept to 0.1 kg; a sum of floats would show 66446.09999999999.
              round(sum(c.weight_kg)::numeric, 1)::float8 AS "weightKg"
       FROM airports.airport a
       JOIN airports.cargo_arrival c ON c.airport_iata = a.iata_code
       WHERE a.iata_code = $1
         AND c.arrived_at >= ($2::date)::timestamp AT TIME ZONE a.timezone
         AND c.arrived_at < ($3::date + 1)::timestamp AT TIME ZONE a.timezone
       GROUP BY 1
       ORDER BY 1`,
      [airport, from, to, unit],
    );
  }
}
