/**
 * The enums of `special-goods-application.ts`, registered with type-graphql in a module of their
 * own, so that the demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum SpecialGoodsCategory {
  MICROORGANISM = 'MICROORGANISM',
  HUMAN_TISSUE = 'HUMAN_TISSUE',
  BIOLOGICAL_PRODUCT = 'BIOLOGICAL_PRODUCT',
  BLOOD_PRODUCT = 'BLOOD_PRODUCT',
}
registerEnumType(SpecialGoodsCategory, {
  name: 'SpecialGoodsCategory',
  description: 'Category of special goods under entry/exit health quarantine.',
});

export enum SpecialGoodsRisk {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(SpecialGoodsRisk, {
  name: 'SpecialGoodsRisk',
  description: 'Risk level of special goods, which sets how long an approval is valid.',
  valuesConfig: {
    A: { description: 'Single use, valid 3 months.' },
    B: { description: 'Risk assessment, 6 months, drawn down in batches.' },
    C: { description: '12 months, multiple use.' },
    D: { description: 'Products with a drug approval, 12 months.' },
  },
});

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where a special-goods application stands.',
});
