/**
 * The enums of `drug-approval.ts`, registered with type-graphql in a module of their own, so that
 * the demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum DrugCategory {
  CELL_THERAPY = 'CELL_THERAPY',
  GENE_THERAPY = 'GENE_THERAPY',
  CLINICALLY_URGENT_DRUG = 'CLINICALLY_URGENT_DRUG',
  REGISTERED_DRUG = 'REGISTERED_DRUG',
}

registerEnumType(DrugCategory, {
  name: 'DrugCategory',
  description: 'What kind of product a drug approval covers.',
  valuesConfig: {
    CELL_THERAPY: { description: 'Cell therapy product (e.g. CAR-T).' },
    GENE_THERAPY: { description: 'Gene therapy product.' },
    CLINICALLY_URGENT_DRUG: {
      description: 'Clinically urgent drug imported for designated medical institutions.',
    },
    REGISTERED_DRUG: { description: 'Drug registered for general import.' },
  },
});

export enum ApprovalStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(ApprovalStatus, {
  name: 'ApprovalStatus',
  description: 'Standing of a drug approval.',
  valuesConfig: {
    VALID: { description: 'In force: imports under it may be cleared.' },
    SUSPENDED: { description: 'Temporarily suspended by the regulator.' },
    EXPIRED: { description: 'Past its validity date and not renewed.' },
    REVOKED: { description: 'Withdrawn by the regulator.' },
  },
});
