import { Database, groupedLoader, keyedLoader, statusHistoryLoader } from '../kit';
import { AirportsRepository } from './repository';

/**
 * The per-request DataLoaders: one per entity lookup and one per per-parent list. Each batches the
 * keys asked for in one tick into one repository call, i.e. one SQL statement.
 */
export function createLoaders(repository: AirportsRepository, db: Database) {
  return {
    /** Airport by IATA code; unknown codes give null. */
    airportByCode: keyedLoader(
      (codes: readonly string[]) => repository.airportsByCodes(codes),
      (a) => a.iataCode,
    ),
    /** Facility by id; unknown ids give null. */
    facilityById: keyedLoader(
      (ids: readonly string[]) => repository.facilitiesByIds(ids),
      (f) => f.id,
    ),
    /** All facilities of an airport (filtered by the field's arguments afterwards). */
    facilitiesByAirport: groupedLoader(
      (codes: readonly string[]) => repository.facilitiesByAirports(codes),
      (f) => f.airportIata,
    ),
    /** A shipment's arrival tally by AWB; null until tallied. */
    arrivalByAwb: keyedLoader(
      (awbs: readonly string[]) => repository.arrivalsByAwbs(awbs),
      (a) => a.awb,
    ),
    /** A shipment's handling events by AWB, chronological; [] when none. */
    handlingEventsByAwb: groupedLoader(
      (awbs: readonly string[]) => repository.handlingEventsByAwbs(awbs),
      (e) => e.awb,
    ),
    /** A facility's status changes by facility id, oldest first; [] when none was recorded. */
    facilityHistory: statusHistoryLoader(db, 'airports', 'Facility'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
