import {
  Database,
  groupedLoader,
  Identity,
  keyedLoader,
  rowAccess,
  statusHistoryLoader,
} from '../kit';
import { CustomsRepository } from './repository';

/**
 * Per-request DataLoaders: one per entity lookup and one per per-parent list. Every key asked
 * for in one tick goes to the repository as one batch, which is one SQL statement.
 * The `visible…` loaders are the ways in from outside (`shipment`, `declaration`,
 * `specialGoodsApplication`, `_entities`): they apply the caller's row rule in SQL; the others
 * serve records already let in (their fields, a write's re-read).
 */
export function createLoaders(repo: CustomsRepository, db: Database, identity: Identity) {
  const shipmentByAwb = keyedLoader(repo.shipmentsByAwb.bind(repo), (s) => s.awb);
  const access = rowAccess(identity);
  const visibleShipmentByAwb = keyedLoader(
    async (awbs: readonly string[]) => {
      const shipments = await repo.visibleShipmentsByAwb(awbs, access);
      for (const s of shipments) shipmentByAwb.prime(s.awb, s);
      return shipments;
    },
    (s) => s.awb,
  );
  const declarationByNumber = keyedLoader(repo.declarationsByNumber.bind(repo), (d) => d.number);
  const applicationByNumber = keyedLoader(repo.applicationsByNumber.bind(repo), (a) => a.number);
  const visibleDeclarationByNumber = keyedLoader(
    async (numbers: readonly string[]) => {
      const declarations = await repo.visibleDeclarationsByNumber(numbers, access);
      for (const d of declarations) declarationByNumber.prime(d.number, d);
      return declarations;
    },
    (d) => d.number,
  );
  const visibleApplicationByNumber = keyedLoader(
    async (numbers: readonly string[]) => {
      const applications = await repo.visibleApplicationsByNumber(numbers, access);
      for (const a of applications) applicationByNumber.prime(a.number, a);
      return applications;
    },
    (a) => a.number,
  );
  return {
    shipmentByAwb,
    visibleShipmentByAwb,
    declarationByNumber,
    visibleDeclarationByNumber,
    visibleApplicationByNumber,
    declarationsByAwb: groupedLoader(
      async (awbs: readonly string[]) => {
        const declarations = await repo.declarationsByAwb(awbs);
        for (const d of declarations) declarationByNumber.prime(d.number, d);
        return declarations;
      },
      (d) => d.awb,
    ),
    itemsByDeclaration: groupedLoader(
      repo.itemsByDeclaration.bind(repo),
      (i) => i.declarationNumber,
    ),
    licencesByDeclaration: groupedLoader(
      repo.licencesByDeclaration.bind(repo),
      (l) => l.declarationNumber,
    ),
    customsOfficeByCode: keyedLoader(repo.customsOffices.bind(repo), (o) => o.code),
    supervisionModeByCode: keyedLoader(repo.supervisionModes.bind(repo), (m) => m.code),
    enterpriseByUscc: keyedLoader(repo.enterprisesByUscc.bind(repo), (e) => e.uscc),
    bondedZoneByCode: keyedLoader(repo.bondedZonesByCode.bind(repo), (z) => z.code),
    applicationByNumber,
    applicationByConsolidatedImport: keyedLoader(
      async (ids: readonly string[]) => {
        const applications = await repo.applicationsByConsolidatedImport(ids);
        for (const a of applications) applicationByNumber.prime(a.number, a);
        return applications;
      },
      (a) => a.consolidatedImportId,
    ),
    applicationsByAwb: groupedLoader(repo.applicationsByAwb.bind(repo), (a) => a.awb),
    shipmentsByApplication: groupedLoader(
      async (numbers: readonly string[]) => {
        const shipments = await repo.shipmentsByApplication(numbers);
        for (const s of shipments) shipmentByAwb.prime(s.awb, s);
        return shipments;
      },
      (s) => s.applicationNumber,
    ),
    declarationHistory: statusHistoryLoader(db, 'customs', 'Declaration'),
    inspectionHistory: statusHistoryLoader(db, 'customs', 'Inspection'),
    applicationHistory: statusHistoryLoader(db, 'customs', 'SpecialGoodsApplication'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
