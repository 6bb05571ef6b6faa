import { StateMachine } from '../kit';
import { FlightStatus } from './entities/flight';
import { RouteStatus } from './entities/route';

/**
 * A route's lifecycle. A route opens once (PLANNED → ACTIVE), and may then be suspended and
 * resumed any number of times; it can only resume after a suspension.
 */
export const routeLifecycle = new StateMachine<RouteStatus>('Route', {
  [RouteStatus.PLANNED]: [RouteStatus.ACTIVE],
  [RouteStatus.ACTIVE]: [RouteStatus.SUSPENDED],
  [RouteStatus.SUSPENDED]: [RouteStatus.RESUMED],
  [RouteStatus.RESUMED]: [RouteStatus.SUSPENDED],
});

/** A flight's operation: scheduled, then cancelled or flown; a flown flight arrives or diverts. */
export const flightLifecycle = new StateMachine<FlightStatus>('Flight', {
  [FlightStatus.SCHEDULED]: [FlightStatus.DEPARTED, FlightStatus.CANCELLED],
  [FlightStatus.DEPARTED]: [FlightStatus.ARRIVED, FlightStatus.DIVERTED],
  [FlightStatus.ARRIVED]: [],
  [FlightStatus.CANCELLED]: [],
  [FlightStatus.DIVERTED]: [],
});

// Kept apart (the demo seeder writes flight histories and should not load the kit for it).
export { flightHistoryId } from './entities/flight-history-id';
