/**
 * The enums of `route.ts`, registered with type-graphql in a module of their own, so that the demo
 * seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum Region {
  EUROPE = 'EUROPE',
  NORTH_AMERICA = 'NORTH_AMERICA',
  ASIA = 'ASIA',
  MIDDLE_EAST = 'MIDDLE_EAST',
  OCEANIA = 'OCEANIA',
  AFRICA = 'AFRICA',
  LATIN_AMERICA = 'LATIN_AMERICA',
}
registerEnumType(Region, {
  name: 'Region',
  description: 'World region of the non-Beijing end of a route.',
});

export enum RouteStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  RESUMED = 'RESUMED',
}
registerEnumType(RouteStatus, {
  name: 'RouteStatus',
  description: 'Operating status of a route.',
  valuesConfig: {
    PLANNED: { description: 'Approved or announced, not yet operated.' },
    ACTIVE: { description: 'Operating without interruption since it opened.' },
    SUSPENDED: { description: 'Operations suspended (see `suspendedOn`), not yet resumed.' },
    RESUMED: { description: 'Operating again after a suspension (see `resumedOn`).' },
  },
});
