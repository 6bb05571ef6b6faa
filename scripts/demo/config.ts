import { dayOf, HOUR } from './time';

/**
 * Demo configuration. The data set is a pure function of the seed and the shipment count; these
 * constants fix the calendar it is laid on. Values marked [A] in /work/shared/domain.md are
 * assumptions of the demo, kept here so that they can be changed in one place.
 */
export const DEFAULT_SEED = 20261127;
export const DEFAULT_SHIPMENTS = 5000;

/** The fewest shipments a demo set may have: the fixed showcase shipments fit in it. */
export const MIN_SHIPMENTS = 50;

/** First day with flights and shipments. */
export const DATA_START_DAY = dayOf('2023-01-01');

/**
 * "Now" of the demo world (2026-11-27 12:00 Beijing time). Shipments after it have not arrived
 * yet, flights after it are SCHEDULED. A fixed instant, never the wall clock: reseeding tomorrow
 * gives the same rows.
 */
export const DEMO_NOW = Date.parse('2026-11-27T04:00:00Z');
export const DEMO_NOW_DAY = dayOf('2026-11-27');

/** Flights are scheduled this many days past "now". */
export const SCHEDULE_AHEAD_DAYS = 14;

/** Customs office codes. 0101 Capital Airport customs is verified; Daxing's code is not [A]. */
export const CAPITAL_AIRPORT_OFFICE = '0101';
export const DAXING_AIRPORT_OFFICE = process.env.DAXING_CUSTOMS_CODE ?? '0102';

export function officeForPort(iata: string): string {
  return iata === 'PKX' ? DAXING_AIRPORT_OFFICE : CAPITAL_AIRPORT_OFFICE;
}

/** Held declarations (still under review or inspection) only in this window before "now". */
export const HOLD_WINDOW_MS = 45 * 24 * HOUR;
