import 'reflect-metadata';
import { buildFederatedSchema, SubgraphDefinition } from '../kit';
import { Context, createContext } from './context';
import { ConsolidatedImport } from './entities/consolidated-import';
import { DrugApproval } from './entities/drug-approval';
import { Enterprise } from './entities/enterprise';
import { MedicalInstitution } from './entities/medical-institution';
import { Shipment } from './entities/shipment';
import { references } from './references';
import { DrugsAccessLogResolver } from './resolvers/access-log';
import { AgentMutationResolver } from './resolvers/agent-mutations';
import { ConsolidatedImportResolver } from './resolvers/consolidated-import';
import { ConsolidatedImportMutationResolver } from './resolvers/consolidated-import-mutations';
import { ConsolidatedLineResolver } from './resolvers/consolidated-line';
import { DrugApprovalResolver } from './resolvers/drug-approval';
import { DrugApprovalMutationResolver } from './resolvers/drug-approval-mutations';
import { EnterpriseResolver } from './resolvers/enterprise';
import { MedicalInstitutionResolver } from './resolvers/medical-institution';
import { ShipmentResolver } from './resolvers/shipment';
import { SERVICE_SCOPES } from './cross-agency';

export type { Context } from './context';

export const drugsSubgraph: SubgraphDefinition<Context> = {
  name: 'drugs',
  defaultPort: 4003,
  serviceScopes: SERVICE_SCOPES,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          DrugsAccessLogResolver,
          DrugApprovalResolver,
          MedicalInstitutionResolver,
          ConsolidatedImportResolver,
          ConsolidatedLineResolver,
          EnterpriseResolver,
          ShipmentResolver,
          DrugApprovalMutationResolver,
          AgentMutationResolver,
          ConsolidatedImportMutationResolver,
        ],
        // Reached only through `_entities` / field resolvers, not from a root query's type.
        orphanedTypes: [Enterprise, Shipment, DrugApproval, MedicalInstitution, ConsolidatedImport],
      },
      references,
    ),
  createContext,
};
