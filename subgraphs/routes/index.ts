import 'reflect-metadata';
import { buildFederatedSchema, SubgraphDefinition } from '../kit';
import { Context, createContext } from './context';
import { Airline } from './entities/airline';
import { Airport } from './entities/airport';
import { Flight } from './entities/flight';
import { Route } from './entities/route';
import { Shipment } from './entities/shipment';
import { references } from './references';
import { RoutesAccessLogResolver } from './resolvers/access-log';
import { AirlineResolver } from './resolvers/airline';
import { AirportResolver } from './resolvers/airport';
import { FlightResolver } from './resolvers/flight';
import { FlightMutationsResolver } from './resolvers/flight-mutations';
import { LegMutationsResolver } from './resolvers/leg-mutations';
import { RouteResolver } from './resolvers/route';
import { RouteMutationsResolver } from './resolvers/route-mutations';
import { RouteRecoveryResolver } from './resolvers/route-recovery';
import { ShipmentLegResolver, ShipmentResolver } from './resolvers/shipment';
import { SERVICE_SCOPES } from './cross-agency';

export type { Context } from './context';

export const routesSubgraph: SubgraphDefinition<Context> = {
  name: 'routes',
  defaultPort: 4004,
  serviceScopes: SERVICE_SCOPES,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          RoutesAccessLogResolver,
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
      references,
    ),
  createContext,
};
