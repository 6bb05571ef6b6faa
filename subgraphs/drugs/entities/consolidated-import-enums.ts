/**
 * The enums of `consolidated-import.ts`, registered with type-graphql in a module of their own, so
 * that the demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum ConsolidatedImportStatus {
  COLLECTING = 'COLLECTING',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  IN_TRANSIT = 'IN_TRANSIT',
  DELIVERED = 'DELIVERED',
}

registerEnumType(ConsolidatedImportStatus, {
  name: 'ConsolidatedImportStatus',
  description: 'Where a consolidated import stands, from collecting needs to delivery.',
  valuesConfig: {
    COLLECTING: { description: 'The agent is collecting the approved units’ needs.' },
    SUBMITTED: { description: 'Submitted centrally for special-goods quarantine approval.' },
    APPROVED: { description: 'Approved; awaiting shipment.' },
    IN_TRANSIT: { description: 'Goods are on their way.' },
    DELIVERED: { description: 'Delivered to the approved units.' },
  },
});
