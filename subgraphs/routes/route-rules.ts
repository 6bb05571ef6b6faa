import { badUserInput } from '../kit';
import { Route, RouteStatus } from './entities/route';
import { RouteStatusUpdate } from './write-repository';

/**
 * The dates a route's status change sets, checked against the dates it has: opening sets
 * `openedOn`; a suspension sets `suspendedOn` (not before the opening or the last resumption)
 * and clears `resumedOn`; a resumption sets `resumedOn` (not before the suspension). The
 * transition itself is checked by the state machine first.
 */
export function routeStatusUpdate(route: Route, to: RouteStatus, on: string): RouteStatusUpdate {
  const field = 'input.effectiveOn';
  switch (to) {
    case RouteStatus.ACTIVE:
      return { status: to, openedOn: on };
    case RouteStatus.SUSPENDED:
      if (route.openedOn && on < route.openedOn) {
        throw badUserInput(
          `route ${route.id} opened on ${route.openedOn}: it cannot be suspended on ${on}, before that`,
          field,
        );
      }
      if (route.resumedOn && on < route.resumedOn) {
        throw badUserInput(
          `route ${route.id} resumed on ${route.resumedOn}: it cannot be suspended again on ${on}, before that`,
          field,
        );
      }
      return { status: to, suspendedOn: on, resumedOn: null };
    case RouteStatus.RESUMED:
      if (route.suspendedOn && on < route.suspendedOn) {
        throw badUserInput(
          `route ${route.id} was suspended on ${route.suspendedOn}: it cannot resume on ${on}, before that`,
          field,
        );
      }
      return { status: to, resumedOn: on };
    default:
      // PLANNED is never a target: the state machine refuses it before this is reached.
      throw badUserInput(`a route cannot be set to ${to}`, 'input.status');
  }
}
