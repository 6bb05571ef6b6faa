/**
 * The enums of `shipment.ts`, registered with type-graphql in a module of their own, so that the
 * demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';
import { ClearanceStatus } from '../rules/clearance';

// Declared with customs' clearance rule, which computes it.
export { ClearanceStatus };
registerEnumType(ClearanceStatus, {
  name: 'ClearanceStatus',
  description: 'Where a shipment stands with customs, summed up across its declarations.',
  valuesConfig: {
    NOT_DECLARED: { description: 'No declaration filed yet.' },
    IN_PROGRESS: { description: 'Declarations filed, not all settled.' },
    INSPECTION: { description: 'At least one declaration requires inspection.' },
    RELEASED: { description: 'Every declaration that was not rejected is released.' },
    REJECTED: { description: 'Every declaration was rejected.' },
  },
});
