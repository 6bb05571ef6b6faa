import { DATA_START_DAY, DEMO_NOW, DEMO_NOW_DAY, SCHEDULE_AHEAD_DAYS } from './config';
import { airport, RouteRef, ROUTES } from './reference';
import { hash01, Rng } from './rng';
import { dayOf, isoDate, localToUtc, MINUTE } from './time';
import { FlightStatus } from './vocabulary';
import { floor, max, min } from './math';

export interface Flight {
  number: string;
  /** Local departure date at the origin, as a day number. */
  day: number;
  date: string;
  route: RouteRef;
  scheduledDeparture: number;
  scheduledArrival: number;
  /** When it really leaves and lands (also for flights after "now": the planned truth). */
  departs: number;
  arrives: number;
  cancelled: boolean;
}

/** First and last day with flights. */
export const FIRST_FLIGHT_DAY = DATA_START_DAY - 10;
export const LAST_FLIGHT_DAY = DEMO_NOW_DAY + SCHEDULE_AHEAD_DAYS;

/** Does a route operate on a day (its life cycle and its weekly pattern)? */
function operates(r: RouteRef, day: number): boolean {
  if (r.openedOn === null || dayOf(r.openedOn) > day) return false;
  if (r.suspendedOn !== null && dayOf(r.suspendedOn) <= day) {
    if (r.resumedOn === null || dayOf(r.resumedOn) > day) return false;
  }
  const frequency = r.scheduleFrequency;
  if (frequency >= 7) return true;
  if (frequency <= 0) return false;
  // A fixed weekly pattern per route: `scheduleFrequency` of the 7 weekdays, spread out.
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
  const shift = r.flightNumber.length + r.departsAt;
  const slot = (weekday + shift) % 7;
  return floor((slot * frequency) / 7) !== floor(((slot + 1) * frequency) / 7);
}

/**
 * Every flight of every route over the data period, generated once from the seed: delays and
 * (rare) cancellations are random, the timetable is not. Shipments then book space on them.
 */
export class FlightTable {
  readonly byRoute = new Map<string, (Flight | undefined)[]>();
  readonly all: Flight[] = [];

  constructor(seed: number) {
    const rng = new Rng(seed);
    ROUTES.forEach((r, routeIndex) => {
      const tz = airport(r.origin).tz;
      const days: (Flight | undefined)[] = [];
      for (let day = FIRST_FLIGHT_DAY; day <= LAST_FLIGHT_DAY; day++) {
        if (!operates(r, day)) {
          days.push(undefined);
          continue;
        }
        const scheduledDeparture = localToUtc(tz, day, r.departsAt);
        const scheduledArrival = scheduledDeparture + r.blockMinutes * MINUTE;
        const delay = rng.chance(0.7) ? rng.int(-10, 15) : rng.int(15, 180);
        const departs = scheduledDeparture + delay * MINUTE;
        const arrives = max(
          departs + 30 * MINUTE,
          scheduledArrival + (delay + rng.int(-25, 10)) * MINUTE,
        );
        // Cancellations do not depend on the seed, so the showcase shipments' flights stay put.
        const cancelled = departs <= DEMO_NOW && hash01(routeIndex, day) < 0.01;
        const f: Flight = {
          number: r.flightNumber,
          day,
          date: isoDate(day),
          route: r,
          scheduledDeparture,
          scheduledArrival,
          departs,
          arrives,
          cancelled,
        };
        days.push(f);
        this.all.push(f);
      }
      this.byRoute.set(r.id, days);
    });
  }

  /** The flight of a route on a day, if it flies (not cancelled). */
  on(routeId: string, day: number): Flight | undefined {
    const days = this.byRoute.get(routeId);
    if (!days) throw new Error(`demo data: unknown route ${routeId}`);
    const f = days[day - FIRST_FLIGHT_DAY];
    return f && !f.cancelled ? f : undefined;
  }

  /** The first flying flight of a route on or after `day`, within `within` days. */
  firstFrom(routeId: string, day: number, within = 7): Flight | undefined {
    for (let d = max(day, FIRST_FLIGHT_DAY); d <= min(day + within, LAST_FLIGHT_DAY); d++) {
      const f = this.on(routeId, d);
      if (f) return f;
    }
    return undefined;
  }

  /** The first flying flight of a route leaving at or after an instant, within a week. */
  departingAfter(routeId: string, at: number): Flight | undefined {
    const start = floor(at / (24 * 60 * MINUTE)) - 1;
    for (let d = start; d <= start + 8 && d <= LAST_FLIGHT_DAY; d++) {
      const f = this.on(routeId, d);
      if (f && f.scheduledDeparture >= at && f.departs >= at) return f;
    }
    return undefined;
  }
}

/** A flight's status and actual times as the world stands at DEMO_NOW. */
export function flightState(f: Flight): {
  status: FlightStatus;
  actualDeparture: number | null;
  actualArrival: number | null;
} {
  const S = FlightStatus;
  if (f.cancelled) return { status: S.CANCELLED, actualDeparture: null, actualArrival: null };
  if (f.departs > DEMO_NOW)
    return { status: S.SCHEDULED, actualDeparture: null, actualArrival: null };
  if (f.arrives > DEMO_NOW) {
    return { status: S.DEPARTED, actualDeparture: f.departs, actualArrival: null };
  }
  return { status: S.ARRIVED, actualDeparture: f.departs, actualArrival: f.arrives };
}
