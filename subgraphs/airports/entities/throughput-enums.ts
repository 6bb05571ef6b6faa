/**
 * The enums of `throughput.ts`, registered with type-graphql in a module of their own, so that the
 * demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

/** Length of a throughput period. */
export enum Interval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(Interval, {
  name: 'Interval',
  description: "Length of a statistics period, in the airport's local time.",
  valuesConfig: {
    DAY: { description: 'A calendar day.' },
    WEEK: { description: 'An ISO week, Monday to Sunday.' },
    MONTH: { description: 'A calendar month.' },
  },
});
