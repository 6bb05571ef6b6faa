import 'reflect-metadata';
import { buildFederatedSchema, SubgraphDefinition } from '../kit';
import { Context, createContext } from './context';
import { Shipment } from './entities/shipment';
import { references } from './references';
import { AirportsAccessLogResolver } from './resolvers/access-log';
import { AirportResolver } from './resolvers/airport';
import { FacilityResolver } from './resolvers/facility';
import { FacilityMutationResolver } from './resolvers/facility-mutations';
import {
  CargoArrivalResolver,
  HandlingEventResolver,
  ShipmentResolver,
} from './resolvers/shipment';
import { ShipmentMutationResolver } from './resolvers/shipment-mutations';
import { ThroughputResolver } from './resolvers/throughput';
import { SERVICE_SCOPES } from './cross-agency';

/**
 * The airport operator's subgraph: airports (PEK, PKX and every airport a route touches), cargo
 * facilities at the Beijing hubs, and what happens to a shipment's cargo once it arrives there.
 */
export const airportsSubgraph: SubgraphDefinition<Context> = {
  name: 'airports',
  defaultPort: 4001,
  serviceScopes: SERVICE_SCOPES,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          AirportsAccessLogResolver,
          AirportResolver,
          FacilityResolver,
          ShipmentResolver,
          CargoArrivalResolver,
          HandlingEventResolver,
          ThroughputResolver,
          FacilityMutationResolver,
          ShipmentMutationResolver,
        ],
        // Shipment is reached only through `_entities` (customs owns the register).
        orphanedTypes: [Shipment],
      },
      references,
    ),
  createContext,
};
