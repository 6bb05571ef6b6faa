import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ClearanceGroupBy } from './clearance-stat-enums';

export { ClearanceGroupBy };

@ObjectType({
  description:
    "Clearance times of one group of declarations. Hours run from filing to release (customs' own clock), not from the cargo's arrival.",
})
export class ClearanceStat {
  @Field({
    description: 'Group: IATA code, supervision mode code, zone code or "NONE", or YYYY-MM.',
  })
  key!: string;

  @Field(() => Int, { description: 'Declarations filed in the period.' })
  declarations!: number;

  @Field(() => Int, { description: 'Of those, declarations released.' })
  released!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median hours from filing to release over the released declarations (2 decimals); null if none released.',
  })
  medianHours!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '90th percentile of hours from filing to release over the released declarations (2 decimals); null if none released.',
  })
  p90Hours!: number | null;
}
