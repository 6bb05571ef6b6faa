/**
 * The enums of `flight.ts`, registered with type-graphql in a module of their own, so that the demo
 * seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum FlightStatus {
  SCHEDULED = 'SCHEDULED',
  DEPARTED = 'DEPARTED',
  ARRIVED = 'ARRIVED',
  CANCELLED = 'CANCELLED',
  DIVERTED = 'DIVERTED',
}
registerEnumType(FlightStatus, {
  name: 'FlightStatus',
  description: 'Where a flight stands in its operation.',
  valuesConfig: {
    SCHEDULED: { description: 'Not yet departed.' },
    DEPARTED: { description: 'Airborne: departed, not yet arrived.' },
    ARRIVED: { description: 'Arrived at the destination of its route.' },
    CANCELLED: { description: 'Will not operate.' },
    DIVERTED: { description: 'Landed somewhere other than the destination of its route.' },
  },
});
