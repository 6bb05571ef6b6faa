import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PUBLIC_CACHE_HINT } from '../../kit';

/**
 * An airport: the two Beijing hubs the operator runs (PEK, PKX) and every foreign airport a route
 * or manifest touches. Owned by the airports subgraph; other subgraphs reference it by `iataCode`.
 */
@ObjectType({
  description:
    'An airport: the Beijing hubs (PEK, PKX) and every airport a route touches. Owned by the airport operator; referenced by other agencies by IATA code.',
})
@Directive('@key(fields: "iataCode")')
// Public reference data: the same for every caller (see kit/cache-hints).
@Directive(PUBLIC_CACHE_HINT)
export class Airport {
  @Field(() => ID, { description: 'IATA location code, 3 upper-case letters, e.g. "PKX".' })
  iataCode!: string;

  @Field({ description: 'ICAO location indicator, 4 upper-case letters, e.g. "ZBAD".' })
  icaoCode!: string;

  @Field({ description: 'Official airport name, e.g. "Beijing Daxing International Airport".' })
  name!: string;

  @Field({ description: 'City the airport serves.' })
  city!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. "CN".' })
  countryCode!: string;

  @Field({
    description:
      'IANA time zone of the airport, e.g. "Asia/Shanghai". Local dates (throughput periods) are computed in it.',
  })
  timezone!: string;

  @Field({ description: 'True for Beijing Capital (PEK) and Beijing Daxing (PKX) only.' })
  isBeijingHub!: boolean;
}
