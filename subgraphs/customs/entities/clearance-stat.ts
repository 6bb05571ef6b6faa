import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

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
