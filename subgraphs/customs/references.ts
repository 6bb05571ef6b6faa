import { gatedReferenceBy, normalizeAwb, referenceBy, ReferenceResolvers } from '../kit';
import type { Context } from './context';
import { BondedZone } from './entities/bonded-zone';
import { ConsolidatedImport } from './entities/consolidated-import';
import { Declaration } from './entities/declaration';
import { Enterprise } from './entities/enterprise';
import { CargoArrival, Shipment } from './entities/shipment';
import { SpecialGoodsApplication } from './entities/special-goods-application';

/** `arrival` of a representation, as the gateway sends it for `@requires(fields: "arrival { arrivedAt }")`. */
function arrivalOf(value: unknown): CargoArrival | null {
  const at = (value as { arrivedAt?: unknown } | null | undefined)?.arrivedAt;
  if (typeof at !== 'string' && !(at instanceof Date)) return null;
  const arrivedAt = new Date(at);
  return Number.isNaN(arrivedAt.getTime()) ? null : { arrivedAt };
}

/** The entities the gateway may ask customs to resolve by key (`_entities`). */
export const references: ReferenceResolvers<Context> = {
  // Either AWB form is accepted; an invalid one is an unknown shipment, and so is one the caller
  // may not read (the row rule, customs being the gatekeeper: `_entities` probing learns
  // nothing). `arrival` comes along for `clearance.hoursFromArrivalToRelease`.
  Shipment: referenceBy<Context, Shipment>('awb', async (awb, ctx, representation) => {
    const normalized = normalizeAwb(awb);
    if (normalized === null) return null;
    const row = await ctx.loaders.visibleShipmentByAwb.load(normalized);
    if (!row) return null;
    ctx.accessLog.read('Shipment', [row.awb]);
    return { ...row, arrival: arrivalOf(representation.arrival) };
  }),
  // Restricted records: the row rule applies, and each read is logged.
  Declaration: referenceBy<Context, Declaration>('number', async (number, ctx) => {
    const row = await ctx.loaders.visibleDeclarationByNumber.load(number);
    if (row) ctx.accessLog.read('Declaration', [row.number]);
    return row;
  }),
  BondedZone: referenceBy<Context, BondedZone>('code', (code, ctx) =>
    ctx.loaders.bondedZoneByCode.load(code),
  ),
  Enterprise: referenceBy<Context, Enterprise>('uscc', (uscc, ctx) =>
    ctx.loaders.enterpriseByUscc.load(uscc),
  ),
  SpecialGoodsApplication: referenceBy<Context, SpecialGoodsApplication>(
    'number',
    async (number, ctx) => {
      const row = await ctx.loaders.visibleApplicationByNumber.load(number);
      if (row) ctx.accessLog.read('SpecialGoodsApplication', [row.number]);
      return row;
    },
  ),
  // Owned by drugs; customs contributes `specialGoodsApplication`, which batches on the key. The
  // type is reachable through `SpecialGoodsApplication.consolidatedImport`, so it needs no
  // `orphanedTypes` entry (test/customs/federation.test.ts checks it is served).
  // Reached through the imports drugs lets the caller see: none for a caller with no row access.
  ConsolidatedImport: gatedReferenceBy<Context, ConsolidatedImport>(
    'ConsolidatedImport',
    'id',
    (id) => ({
      id,
    }),
  ),
};
