import {
  Database,
  groupedLoader,
  Identity,
  keyedLoader,
  rowAccess,
  statusHistoryLoader,
} from '../kit';
import { DrugsRepository } from './repository';
import { APPROVAL_ENTITY, CONSOLIDATED_IMPORT_ENTITY } from './state-machines';

/**
 * One DataLoader per entity lookup and per per-parent list, created fresh for every request: N
 * parents asking for the same field in one tick cost one SQL statement.
 * The ways into consolidated imports from outside (`consolidatedImport`, `_entities`, a shipment's
 * import) apply the caller's row rule in SQL; `consolidatedImportById` serves a write's re-read.
 */
export function createLoaders(repository: DrugsRepository, db: Database, identity: Identity) {
  const access = rowAccess(identity);
  const approvalByNumber = keyedLoader(
    (numbers: readonly string[]) => repository.approvalsByNumbers(numbers),
    (row) => row.number,
  );
  const institutionById = keyedLoader(
    (ids: readonly string[]) => repository.institutionsByIds(ids),
    (row) => row.id,
  );
  const consolidatedImportById = keyedLoader(
    (ids: readonly string[]) => repository.consolidatedImportsByIds(ids),
    (row) => row.id,
  );
  const visibleConsolidatedImportById = keyedLoader(
    async (ids: readonly string[]) => {
      const rows = await repository.visibleConsolidatedImportsByIds(ids, access);
      for (const row of rows) consolidatedImportById.prime(row.id, row);
      return rows;
    },
    (row) => row.id,
  );
  const agentQualificationByUscc = keyedLoader(
    (usccs: readonly string[]) => repository.agentQualificationsByUsccs(usccs),
    (row) => row.uscc,
  );
  const consolidatedImportByAwb = keyedLoader(
    (awbs: readonly string[]) => repository.consolidatedImportsByAwbs(awbs, access),
    (row) => row.awb,
  );

  const approvedUnitsByApproval = groupedLoader(
    async (numbers: readonly string[]) => {
      const rows = await repository.approvedUnitsByApprovals(numbers);
      for (const { id, name, district } of rows) {
        institutionById.prime(id, { id, name, district });
      }
      return rows;
    },
    (row) => row.approvalNumber,
  );
  const approvalsByInstitution = groupedLoader(
    async (ids: readonly string[]) => {
      const rows = await repository.approvalsByInstitutions(ids);
      for (const row of rows) approvalByNumber.prime(row.number, row);
      return rows;
    },
    (row) => row.institutionId,
  );
  const linesByConsolidatedImport = groupedLoader(
    (ids: readonly string[]) => repository.linesByConsolidatedImports(ids),
    (row) => row.consolidatedImportId,
  );
  const shipmentsByConsolidatedImport = groupedLoader(
    (ids: readonly string[]) => repository.shipmentsByConsolidatedImports(ids),
    (row) => row.consolidatedImportId,
  );

  return {
    approvalByNumber,
    institutionById,
    consolidatedImportById,
    visibleConsolidatedImportById,
    agentQualificationByUscc,
    consolidatedImportByAwb,
    approvedUnitsByApproval,
    approvalsByInstitution,
    linesByConsolidatedImport,
    shipmentsByConsolidatedImport,
    approvalHistory: statusHistoryLoader(db, 'drugs', APPROVAL_ENTITY),
    consolidatedImportHistory: statusHistoryLoader(db, 'drugs', CONSOLIDATED_IMPORT_ENTITY),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
