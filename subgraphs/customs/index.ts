import 'reflect-metadata';
import { buildFederatedSchema, normalizeAwb, SubgraphDefinition } from '../kit';
import { Context, createContext } from './context';
import { ConsolidatedImport } from './entities/consolidated-import';
import { CargoArrival, Shipment } from './entities/shipment';
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

export { summariseClearance } from './clearance';
export type { ClearanceSummary, DeclarationState } from './clearance';
export { ClearanceStatus, DeclarationStatus } from './clearance';
export type { Context } from './context';

/** `arrival` of a representation, as the gateway sends it for `@requires(fields: "arrival { arrivedAt }")`. */
function arrivalOf(value: unknown): CargoArrival | null {
  const at = (value as { arrivedAt?: unknown } | null | undefined)?.arrivedAt;
  if (typeof at !== 'string' && !(at instanceof Date)) return null;
  const arrivedAt = new Date(at);
  return Number.isNaN(arrivedAt.getTime()) ? null : { arrivedAt };
}

/** A reference's key, or null when it is not a string (an unknown key, never an error). */
function keyOf(ref: Record<string, unknown>, field: string): string | null {
  const value = ref[field];
  return typeof value === 'string' ? value : null;
}

const referenceResolvers = {
  Shipment: {
    async __resolveReference(
      ref: Record<string, unknown>,
      ctx: Context,
    ): Promise<(Shipment & { arrival: CargoArrival | null }) | null> {
      const awb = keyOf(ref, 'awb');
      const normalized = awb === null ? null : normalizeAwb(awb);
      if (normalized === null) return null;
      const row = await ctx.loaders.shipmentByAwb.load(normalized);
      return row && { ...row, arrival: arrivalOf(ref.arrival) };
    },
  },
  Declaration: {
    __resolveReference(ref: Record<string, unknown>, ctx: Context) {
      const number = keyOf(ref, 'number');
      return number === null ? null : ctx.loaders.declarationByNumber.load(number);
    },
  },
  BondedZone: {
    __resolveReference(ref: Record<string, unknown>, ctx: Context) {
      const code = keyOf(ref, 'code');
      return code === null ? null : ctx.loaders.bondedZoneByCode.load(code);
    },
  },
  Enterprise: {
    __resolveReference(ref: Record<string, unknown>, ctx: Context) {
      const uscc = keyOf(ref, 'uscc');
      return uscc === null ? null : ctx.loaders.enterpriseByUscc.load(uscc);
    },
  },
  SpecialGoodsApplication: {
    __resolveReference(ref: Record<string, unknown>, ctx: Context) {
      const number = keyOf(ref, 'number');
      return number === null ? null : ctx.loaders.applicationByNumber.load(number);
    },
  },
  // Owned by drugs; customs contributes `specialGoodsApplication`, which batches on the key. The
  // type is reachable through `SpecialGoodsApplication.consolidatedImport`, so it needs no
  // `orphanedTypes` entry (test/customs/federation.test.ts checks it is served).
  ConsolidatedImport: {
    __resolveReference(ref: Record<string, unknown>): ConsolidatedImport | null {
      const id = keyOf(ref, 'id');
      return id === null ? null : { id };
    },
  },
};

/**
 * Customs: the shipment register, declarations, bonded zones, enterprises, special goods (and the
 * application of each consolidated import, contributed to the drugs subgraph's entity); and
 * their writes (manifests, declarations and their lifecycle, special-goods applications).
 */
export const customsSubgraph: SubgraphDefinition<Context> = {
  name: 'customs',
  defaultPort: 4002,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
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
      referenceResolvers as never,
    ),
  createContext: (db, req, services) => createContext(db, req, services),
};
