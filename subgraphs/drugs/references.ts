import { referenceBy, ReferenceResolvers } from '../kit';
import { Context } from './context';
import { ConsolidatedImport } from './entities/consolidated-import';
import { DrugApproval } from './entities/drug-approval';
import { Enterprise } from './entities/enterprise';
import { MedicalInstitution } from './entities/medical-institution';
import { Shipment } from './entities/shipment';
import { normalizeApprovalNumber } from './validation';

/**
 * `_entities` lookups. Owned entities go through the request's loaders (N representations = one
 * statement); contributed entities (Enterprise, Shipment) are just their key, and their fields
 * batch in turn. A malformed approval number cannot exist, so it resolves to null.
 */
export const references: ReferenceResolvers<Context> = {
  DrugApproval: referenceBy<Context, DrugApproval>('number', (number, ctx) => {
    const ascii = normalizeApprovalNumber(number);
    return ascii ? ctx.loaders.approvalByNumber.load(ascii) : null;
  }),
  MedicalInstitution: referenceBy<Context, MedicalInstitution>('id', (id, ctx) =>
    ctx.loaders.institutionById.load(id),
  ),
  // The row rule applies: one the caller may not read is an unknown entity (null).
  ConsolidatedImport: referenceBy<Context, ConsolidatedImport>('id', async (id, ctx) => {
    const row = await ctx.loaders.visibleConsolidatedImportById.load(id);
    if (row) ctx.accessLog.read('ConsolidatedImport', [row.id]);
    return row;
  }),
  Enterprise: referenceBy<Context, Enterprise>('uscc', (uscc) => ({ uscc })),
  Shipment: referenceBy<Context, Shipment>('awb', (awb) => ({ awb })),
};
