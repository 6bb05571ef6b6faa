import { Tx } from '../kit';
import { FacilityStatus } from './entities/facility';
import { HandlingEventType } from './entities/shipment';

/**
 * Every SQL statement the airports mutations run, inside their transaction (`Tx`). Reads that
 * decide a write lock the row they read (`FOR UPDATE`), so concurrent writes to the same
 * facility or shipment run one after another and each sees the one before.
 */

export interface LockedFacility {
  id: string;
  status: FacilityStatus;
  version: number;
}

export interface LockedArrival {
  awb: string;
  airportIata: string;
  arrivedAt: Date;
}

export interface EventRow {
  at: Date;
  type: HandlingEventType;
}

/**
 * A shipment's cargo as a handling event changes it. Its version is the number of events recorded:
 * what a caller passes as `expectedVersion` after reading `handlingEvents`.
 */
export interface LockedCargo {
  arrival: LockedArrival;
  events: EventRow[];
  version: number;
}

export interface NewArrival {
  awb: string;
  airportIata: string;
  facilityId: string;
  arrivedAt: Date;
  pieces: number;
  weightKg: number;
}

export interface NewEvent {
  awb: string;
  at: Date;
  type: HandlingEventType;
  facilityId: string | null;
  note: string | null;
}

export class AirportsWriteRepository {
  constructor(private readonly tx: Tx) {}

  /** The facility, locked until the transaction ends; null when there is none. */
  async lockFacility(id: string): Promise<LockedFacility | null> {
    const [row] = await this.tx.query<LockedFacility>(
      `SELECT id, status, version FROM airports.facility WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Moves the facility to `status` and bumps its version. */
  async updateFacilityStatus(
    id: string,
    status: FacilityStatus,
    commissionedOn: string | null,
  ): Promise<void> {
    await this.tx.query(
      `UPDATE airports.facility
          SET status = $2, commissioned_on = $3::date, version = version + 1
        WHERE id = $1`,
      [id, status, commissionedOn],
    );
  }

  /** Creates the arrival; false when the shipment already has one (nothing written). */
  async insertArrival(a: NewArrival): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO airports.cargo_arrival (awb, airport_iata, facility_id, arrived_at, pieces, weight_kg)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (awb) DO NOTHING
       RETURNING awb`,
      [a.awb, a.airportIata, a.facilityId, a.arrivedAt, a.pieces, a.weightKg],
    );
    return rows.length === 1;
  }

  /**
   * The shipment's arrival, locked until the transaction ends: every event of a shipment is
   * written under this lock, so concurrent events serialise and stay chronological.
   */
  async lockArrival(awb: string): Promise<LockedArrival | null> {
    const [row] = await this.tx.query<LockedArrival>(
      `SELECT awb, airport_iata AS "airportIata", arrived_at AS "arrivedAt"
         FROM airports.cargo_arrival WHERE awb = $1 FOR UPDATE`,
      [awb],
    );
    return row ?? null;
  }

  /** The shipment's arrival, locked, and its events; null when its arrival is not recorded. */
  async lockCargo(awb: string): Promise<LockedCargo | null> {
    const arrival = await this.lockArrival(awb);
    if (!arrival) return null;
    const events = await this.eventsOf(awb);
    return { arrival, events, version: events.length };
  }

  /** The shipment's events, chronological (ties in the order they were recorded). */
  eventsOf(awb: string): Promise<EventRow[]> {
    return this.tx.query<EventRow>(
      `SELECT at, type FROM airports.handling_event WHERE awb = $1 ORDER BY at, id`,
      [awb],
    );
  }

  /** Appends events, in the order given. */
  async insertEvents(events: readonly NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.tx.query(
      `INSERT INTO airports.handling_event (awb, at, type, facility_id, note)
       SELECT awb, at, type, facility_id, note
         FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[])
              WITH ORDINALITY AS e(awb, at, type, facility_id, note, n)
        ORDER BY n`,
      [
        events.map((e) => e.awb),
        events.map((e) => e.at),
        events.map((e) => e.type),
        events.map((e) => e.facilityId),
        events.map((e) => e.note),
      ],
    );
  }
}
