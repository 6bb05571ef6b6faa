import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kit';
import { Interval } from './throughput-enums';

export { Interval };

@ObjectType({ description: 'Cargo received at an airport during one period.' })
export class ThroughputPoint {
  @Field(() => DateScalar, {
    description:
      "First local day of the period (the day, the week's Monday, or the month's 1st). It may precede `from`: only arrivals between `from` and `to` are counted.",
  })
  periodStart!: string;

  @Field(() => Int, { description: 'Shipments tallied in the period.' })
  shipments!: number;

  @Field(() => Float, {
    description: 'Total tallied weight in the period, in kilograms to 0.1 kg.',
  })
  weightKg!: number;
}
