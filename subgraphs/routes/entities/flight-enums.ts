/**
 * The enums of `flight.ts`, in a module of their own: the demo seeder writes their values and loads
 * them without loading the subgraph.
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
