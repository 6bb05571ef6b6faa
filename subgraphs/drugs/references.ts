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
  ConsolidatedImport: referenceBy<Context, ConsolidatedImport>('id', (id, ctx) =>
    ctx.loaders.consolidatedImportById.load(id),
  ),
  Enterprise: referenceBy<Context, Enterprise>('uscc', (uscc) => ({ uscc })),
  Shipment: referenceBy<Context, Shipment>('awb', (awb) => ({ awb })),
};
