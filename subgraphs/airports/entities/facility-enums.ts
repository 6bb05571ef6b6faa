/**
 * The enums of `facility.ts`, registered with type-graphql in a module of their own, so that the
 * demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

/** What a cargo facility at a Beijing hub is for. */
export enum FacilityKind {
  INTERNATIONAL_EXPRESS_WAREHOUSE = 'INTERNATIONAL_EXPRESS_WAREHOUSE',
  CROSS_BORDER_ECOMMERCE_WAREHOUSE = 'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
  COLD_CHAIN_WAREHOUSE = 'COLD_CHAIN_WAREHOUSE',
  CONSOLIDATED_CARGO_WAREHOUSE = 'CONSOLIDATED_CARGO_WAREHOUSE',
  GENERAL_CARGO_WAREHOUSE = 'GENERAL_CARGO_WAREHOUSE',
  DESIGNATED_SITE_FRUIT = 'DESIGNATED_SITE_FRUIT',
  DESIGNATED_SITE_CHILLED_AQUATIC = 'DESIGNATED_SITE_CHILLED_AQUATIC',
}

registerEnumType(FacilityKind, {
  name: 'FacilityKind',
  description:
    'What a cargo facility is for: a specialised warehouse or a designated supervision site.',
  valuesConfig: {
    INTERNATIONAL_EXPRESS_WAREHOUSE: {
      description: 'Warehouse for international express parcels.',
    },
    CROSS_BORDER_ECOMMERCE_WAREHOUSE: {
      description: 'Warehouse for cross-border e-commerce (CBEC) goods, e.g. 9610 / 1210.',
    },
    COLD_CHAIN_WAREHOUSE: { description: 'Temperature-controlled warehouse (perishables, drugs).' },
    CONSOLIDATED_CARGO_WAREHOUSE: { description: 'Warehouse for consolidated cargo.' },
    GENERAL_CARGO_WAREHOUSE: { description: 'Warehouse for general cargo.' },
    DESIGNATED_SITE_FRUIT: {
      description: 'Customs designated supervision site for inbound fruit (PKX, approved 2024).',
    },
    DESIGNATED_SITE_CHILLED_AQUATIC: {
      description:
        'Customs designated supervision site for inbound chilled aquatic products (PKX, approved 2025).',
    },
  },
});

/** Where a facility is in its life. */
export enum FacilityStatus {
  PLANNED = 'PLANNED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  OPERATIONAL = 'OPERATIONAL',
}

registerEnumType(FacilityStatus, {
  name: 'FacilityStatus',
  description: 'Where a facility is in its life; only OPERATIONAL facilities receive cargo.',
  valuesConfig: {
    PLANNED: { description: 'Approved or planned, not yet being built.' },
    UNDER_CONSTRUCTION: { description: 'Being built or fitted out.' },
    OPERATIONAL: { description: 'Receiving cargo since `commissionedOn`.' },
  },
});
