import 'reflect-metadata';
import { buildFederatedSchema, ReferenceResolvers, SubgraphDefinition } from '../kit';
import { Context, createContext } from './context';
import { ConsolidatedImport } from './entities/consolidated-import';
import { DrugApproval } from './entities/drug-approval';
import { Enterprise } from './entities/enterprise';
import { MedicalInstitution } from './entities/medical-institution';
import { Shipment } from './entities/shipment';
import { normalizeApprovalNumber } from './identifiers';
import { AgentMutationResolver } from './resolvers/agent-mutations';
import { ConsolidatedImportResolver } from './resolvers/consolidated-import';
import { ConsolidatedImportMutationResolver } from './resolvers/consolidated-import-mutations';
import { ConsolidatedLineResolver } from './resolvers/consolidated-line';
import { DrugApprovalResolver } from './resolvers/drug-approval';
import { DrugApprovalMutationResolver } from './resolvers/drug-approval-mutations';
import { EnterpriseResolver } from './resolvers/enterprise';
import { MedicalInstitutionResolver } from './resolvers/medical-institution';
import { ShipmentResolver } from './resolvers/shipment';

export type { Context } from './context';

/**
 * `_entities` lookups. Owned entities go through the request's loaders (N representations = one
 * statement); contributed entities (Enterprise, Shipment) are just their key, and their fields
 * batch in turn. A malformed approval number cannot exist, so it resolves to null.
 */
const referenceResolvers = {
  DrugApproval: {
    __resolveReference: (ref: { number: string }, ctx: Context) => {
      const number = normalizeApprovalNumber(String(ref.number));
      return number ? ctx.loaders.approvalByNumber.load(number) : null;
    },
  },
  MedicalInstitution: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      ctx.loaders.institutionById.load(String(ref.id)),
  },
  ConsolidatedImport: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      ctx.loaders.consolidatedImportById.load(String(ref.id)),
  },
  Enterprise: {
    __resolveReference: (ref: { uscc: string }): Enterprise => ({ uscc: ref.uscc }),
  },
  Shipment: {
    __resolveReference: (ref: { awb: string }): Shipment => ({ awb: ref.awb }),
  },
} as unknown as ReferenceResolvers;

export const drugsSubgraph: SubgraphDefinition<Context> = {
  name: 'drugs',
  defaultPort: 4003,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
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
      referenceResolvers,
    ),
  createContext,
};
