import 'reflect-metadata';
import { buildFederatedSchema, SubgraphDefinition } from '../kit';
import { Context, createContext } from './context';
import { references } from './references';
import { CustomsAccessLogResolver } from './resolvers/access-log';
import { BondedZoneResolver } from './resolvers/bonded-zone';
import { ClearanceStatsResolver } from './resolvers/clearance-stats';
import { ConsolidatedImportResolver } from './resolvers/consolidated-import';
import { DeclarationResolver } from './resolvers/declaration';
import { DeclarationDecisionMutationResolver } from './resolvers/declaration-decision-mutations';
import { DeclarationFilingMutationResolver } from './resolvers/declaration-filing-mutations';
import { EnterpriseResolver } from './resolvers/enterprise';
import { InspectionResolver } from './resolvers/inspection';
import { InspectionMutationResolver } from './resolvers/inspection-mutations';
import { ManifestResolver } from './resolvers/manifest';
import { ManifestMutationResolver } from './resolvers/manifest-mutations';
import { ReleaseMutationResolver } from './resolvers/release-mutations';
import { ShipmentResolver } from './resolvers/shipment';
import { SpecialGoodsApplicationResolver } from './resolvers/special-goods-application';
import { SpecialGoodsMutationResolver } from './resolvers/special-goods-mutations';
import { SERVICE_SCOPES } from './cross-agency';

export { summariseClearance } from './rules/clearance';
export type { ClearanceSummary, DeclarationState } from './rules/clearance';
export { ClearanceStatus, DeclarationStatus } from './rules/clearance';
export type { Context } from './context';

/**
 * Customs: the shipment register, declarations, bonded zones, enterprises, special goods (and the
 * application of each consolidated import, contributed to the drugs subgraph's entity); and
 * their writes (manifests, declarations and their lifecycle, special-goods applications).
 */
export const customsSubgraph: SubgraphDefinition<Context> = {
  name: 'customs',
  defaultPort: 4002,
  serviceScopes: SERVICE_SCOPES,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          CustomsAccessLogResolver,
          ShipmentResolver,
          ManifestResolver,
          DeclarationResolver,
          BondedZoneResolver,
          EnterpriseResolver,
          SpecialGoodsApplicationResolver,
          ConsolidatedImportResolver,
          ClearanceStatsResolver,
          InspectionResolver,
          ManifestMutationResolver,
          DeclarationFilingMutationResolver,
          DeclarationDecisionMutationResolver,
          InspectionMutationResolver,
          ReleaseMutationResolver,
          SpecialGoodsMutationResolver,
        ],
      },
      references,
    ),
  createContext,
};
