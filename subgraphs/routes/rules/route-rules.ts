import { badUserInput, transition, Tx } from '../../kit';
import { SetRouteStatusInput } from '../entities/inputs/route-inputs';
import { Route, RouteStatus } from '../entities/route';
import { routeLifecycle } from '../state-machines';
import { RoutesWriteRepository, RouteStatusUpdate } from '../write-repository';

/** The route id of an airline's route between two airports: "CA-PEK-FRA". */
export function routeIdOf(airline: string, origin: string, destination: string): string {
  return `${airline}-${origin}-${destination}`;
}

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

/** One status change of a route, in the mutation's transaction (kit `transition`). Returns its id. */
export async function transitionRoute(tx: Tx, input: SetRouteStatusInput): Promise<string> {
  const repo = new RoutesWriteRepository(tx);
  const id = input.routeId;
  await transition(tx, {
    entity: 'Route',
    id,
    lock: () => repo.lockRoute(id, 'UPDATE'),
    missing: { message: `no route ${id}`, field: 'input.routeId' },
    expectedVersion: input.expectedVersion,
    machine: routeLifecycle,
    to: input.status,
    apply: (route) =>
      repo.updateRouteStatus(id, routeStatusUpdate(route, input.status, input.effectiveOn)),
    reason: input.reason,
  });
  return id;
}
