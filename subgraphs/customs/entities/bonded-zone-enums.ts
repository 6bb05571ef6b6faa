/**
 * The enums of `bonded-zone.ts`, registered with type-graphql in a module of their own, so that the
 * demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum ZoneSupervisionModel {
  ZONE_PORT_INTEGRATION = 'ZONE_PORT_INTEGRATION',
  SMART_SUPERVISION = 'SMART_SUPERVISION',
  STANDARD = 'STANDARD',
}
registerEnumType(ZoneSupervisionModel, {
  name: 'ZoneSupervisionModel',
  description: 'How customs supervises a bonded zone.',
  valuesConfig: {
    ZONE_PORT_INTEGRATION: { description: 'Zone-port integration (Daxing Airport CBZ).' },
    SMART_SUPERVISION: { description: 'Smart supervision, "3+1" (Zhongguancun CBZ).' },
    STANDARD: { description: 'Standard bonded-zone supervision.' },
  },
});
