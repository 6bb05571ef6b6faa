import 'reflect-metadata';
import { buildFederatedSchema, ReferenceResolvers, SubgraphDefinition } from '../kit';
import { Context, createContext } from './context';
import { Airline } from './entities/airline';
import { Airport } from './entities/airport';
import { Flight } from './entities/flight';
import { Route } from './entities/route';
import { Shipment } from './entities/shipment';
import { AirlineResolver } from './resolvers/airline';
import { AirportResolver } from './resolvers/airport';
import { FlightResolver } from './resolvers/flight';
import { FlightMutationsResolver } from './resolvers/flight-mutations';
import { LegMutationsResolver } from './resolvers/leg-mutations';
import { RouteResolver } from './resolvers/route';
import { RouteMutationsResolver } from './resolvers/route-mutations';
import { RouteRecoveryResolver } from './resolvers/route-recovery';
import { ShipmentLegResolver, ShipmentResolver } from './resolvers/shipment';
import { isFlightKey } from './validation';

export type { Context } from './context';

/**
 * `_entities` lookups. Owned entities go through the request's loaders, so N representations of
 * one type cost one statement; an unknown (or malformed) key resolves to null. Contributed
 * entities (Shipment, Airport) are their key: their fields are resolved from it.
 */
const referenceResolvers: ReferenceResolvers = {
  Airline: {
    __resolveReference: (ref: { iataCode: string }, ctx: Context) =>
      typeof ref.iataCode === 'string' ? ctx.loaders.airline.load(ref.iataCode) : null,
  },
  Route: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      typeof ref.id === 'string' ? ctx.loaders.route.load(ref.id) : null,
  },
  Flight: {
    __resolveReference: (ref: { number: string; date: string }, ctx: Context) =>
      isFlightKey(ref.number, ref.date) ? ctx.loaders.flight.load([ref.number, ref.date]) : null,
  },
  Shipment: {
    __resolveReference: (ref: { awb: string }): Shipment => ({ awb: ref.awb }),
  },
  Airport: {
    __resolveReference: (ref: { iataCode: string }): Airport => ({ iataCode: ref.iataCode }),
  },
};

export const routesSubgraph: SubgraphDefinition<Context> = {
  name: 'routes',
  defaultPort: 4004,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          AirlineResolver,
          RouteResolver,
          FlightResolver,
          RouteRecoveryResolver,
          ShipmentResolver,
          ShipmentLegResolver,
          AirportResolver,
          RouteMutationsResolver,
          FlightMutationsResolver,
          LegMutationsResolver,
        ],
        // Reached only through `_entities` (or kept explicit for clarity).
        orphanedTypes: [Shipment, Airport, Airline, Route, Flight],
      },
      referenceResolvers,
    ),
  createContext: (db, req, services) => createContext(db, req, services),
};
