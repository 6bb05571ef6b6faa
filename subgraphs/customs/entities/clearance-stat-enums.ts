/**
 * The enums of `clearance-stat.ts`, registered with type-graphql in a module of their own, so that
 * the demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum ClearanceGroupBy {
  AIRPORT = 'AIRPORT',
  SUPERVISION_MODE = 'SUPERVISION_MODE',
  BONDED_ZONE = 'BONDED_ZONE',
  MONTH = 'MONTH',
}
registerEnumType(ClearanceGroupBy, {
  name: 'ClearanceGroupBy',
  description: 'How `clearanceStats` groups declarations.',
  valuesConfig: {
    AIRPORT: { description: "By the shipment's port of entry (IATA code)." },
    SUPERVISION_MODE: { description: 'By supervision mode code, e.g. "1210".' },
    BONDED_ZONE: {
      description: 'By bonded zone code; declarations outside any zone under "NONE".',
    },
    MONTH: { description: 'By month of filing, "YYYY-MM" in Asia/Shanghai time.' },
  },
});
