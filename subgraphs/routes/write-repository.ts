import { Tx } from '../kit';
import { Flight, FlightStatus } from './entities/flight';
import { Region, Route, RouteStatus } from './entities/route';
import { FLIGHT_COLUMNS, ROUTE_COLUMNS } from './repository';

/**
 * Every SQL statement of the routes mutations, inside one mutation's transaction. One method =
 * one statement. Reads that precede a write lock what they read. The status history is written
 * by the transaction itself (`tx.recordStatusChange`).
 */

export interface NewRoute {
  id: string;
  airline: string;
  origin: string;
  destination: string;
  region: Region;
  status: RouteStatus;
  weeklyFrequency: number;
  weeklyCargoCapacityTonnes: number;
  openedOn: string | null;
}

export interface NewFlight {
  number: string;
  date: string;
  routeId: string;
  scheduledDeparture: Date;
  scheduledArrival: Date;
}

/** The new status of a route and the dates it sets (undefined = unchanged). */
export interface RouteStatusUpdate {
  status: RouteStatus;
  openedOn?: string;
  suspendedOn?: string;
  resumedOn?: string | null;
}

/** The new status of a flight and the times it sets (undefined = unchanged). */
export interface FlightStatusUpdate {
  status: FlightStatus;
  actualDeparture?: Date;
  actualArrival?: Date;
}

/** A flight with the ends of its route. */
export type FlightWithRoute = Flight & { origin: string; destination: string };

/** A shipment's last leg with its flight's scheduled arrival. */
export interface LastLeg {
  sequence: number;
  toIata: string;
  flightNumber: string;
  flightDate: string;
  scheduledArrival: Date;
}

export class RoutesWriteRepository {
  constructor(private readonly tx: Tx) {}

  async airlineExists(iataCode: string): Promise<boolean> {
    const rows = await this.tx.query('SELECT 1 FROM routes.airline WHERE iata_code = $1', [
      iataCode,
    ]);
    return rows.length > 0;
  }

  /** Inserts the route unless its id is taken; false when it was. */
  async insertRoute(r: NewRoute): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO routes.route (id, airline_iata, origin_iata, destination_iata, region, status,
         weekly_frequency, weekly_cargo_capacity_tonnes, opened_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        r.id,
        r.airline,
        r.origin,
        r.destination,
        r.region,
        r.status,
        r.weeklyFrequency,
        r.weeklyCargoCapacityTonnes,
        r.openedOn,
      ],
    );
    return rows.length > 0;
  }

  /** The route, locked until the transaction ends: FOR UPDATE to change it, FOR SHARE to rely on it. */
  async lockRoute(id: string, mode: 'UPDATE' | 'SHARE'): Promise<Route | null> {
    const [row] = await this.tx.query<Route>(
      `SELECT ${ROUTE_COLUMNS} FROM routes.route r WHERE r.id = $1 FOR ${mode}`,
      [id],
    );
    return row ?? null;
  }

  async updateRouteStatus(id: string, u: RouteStatusUpdate): Promise<void> {
    await this.tx.query(
      `UPDATE routes.route
          SET status = $2,
              opened_on = CASE WHEN $3::boolean THEN $4::date ELSE opened_on END,
              suspended_on = CASE WHEN $5::boolean THEN $6::date ELSE suspended_on END,
              resumed_on = CASE WHEN $7::boolean THEN $8::date ELSE resumed_on END,
              version = version + 1
        WHERE id = $1`,
      [
        id,
        u.status,
        u.openedOn !== undefined,
        u.openedOn ?? null,
        u.suspendedOn !== undefined,
        u.suspendedOn ?? null,
        u.resumedOn !== undefined,
        u.resumedOn ?? null,
      ],
    );
  }

  /** Inserts the flight unless its key is taken; false when it was. */
  async insertFlight(fl: NewFlight): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO routes.flight (number, date, route_id, scheduled_departure, scheduled_arrival, status)
       VALUES ($1, $2, $3, $4, $5, 'SCHEDULED')
       ON CONFLICT (number, date) DO NOTHING
       RETURNING number`,
      [fl.number, fl.date, fl.routeId, fl.scheduledDeparture, fl.scheduledArrival],
    );
    return rows.length > 0;
  }

  /** The flight with its route's ends, locked: FOR UPDATE to change it, FOR SHARE to rely on it. */
  async lockFlight(
    number: string,
    date: string,
    mode: 'UPDATE' | 'SHARE',
  ): Promise<FlightWithRoute | null> {
    const [row] = await this.tx.query<FlightWithRoute>(
      `SELECT ${FLIGHT_COLUMNS}, r.origin_iata AS origin, r.destination_iata AS destination
         FROM routes.flight f JOIN routes.route r ON r.id = f.route_id
        WHERE f.number = $1 AND f.date = $2
          FOR ${mode} OF f`,
      [number, date],
    );
    return row ?? null;
  }

  async updateFlightStatus(number: string, date: string, u: FlightStatusUpdate): Promise<void> {
    await this.tx.query(
      `UPDATE routes.flight
          SET status = $3,
              actual_departure = coalesce($4, actual_departure),
              actual_arrival = coalesce($5, actual_arrival),
              version = version + 1
        WHERE number = $1 AND date = $2`,
      [number, date, u.status, u.actualDeparture ?? null, u.actualArrival ?? null],
    );
  }

  /**
   * Serialises the leg assignments of one shipment until the transaction ends, so that two
   * concurrent assignments cannot both take the same next sequence.
   */
  async lockShipmentLegs(awb: string): Promise<void> {
    await this.tx.query(`SELECT pg_advisory_xact_lock(hashtext('routes.shipment_leg:' || $1))`, [
      awb,
    ]);
  }

  async lastLeg(awb: string): Promise<LastLeg | null> {
    const [row] = await this.tx.query<LastLeg>(
      `SELECT l.sequence, l.to_iata AS "toIata", l.flight_number AS "flightNumber",
              l.flight_date AS "flightDate", f.scheduled_arrival AS "scheduledArrival"
         FROM routes.shipment_leg l
         JOIN routes.flight f ON f.number = l.flight_number AND f.date = l.flight_date
        WHERE l.awb = $1
        ORDER BY l.sequence DESC
        LIMIT 1`,
      [awb],
    );
    return row ?? null;
  }

  async insertLeg(leg: {
    awb: string;
    sequence: number;
    flightNumber: string;
    flightDate: string;
    from: string;
    to: string;
  }): Promise<void> {
    await this.tx.query(
      `INSERT INTO routes.shipment_leg (awb, sequence, flight_number, flight_date, from_iata, to_iata)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [leg.awb, leg.sequence, leg.flightNumber, leg.flightDate, leg.from, leg.to],
    );
  }
}
