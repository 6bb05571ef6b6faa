import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PUBLIC_CACHE_HINT } from '../../kit';

@ObjectType({
  description:
    'An airline (carrier) registered with the civil aviation authority, identified by its IATA designator.',
})
@Directive('@key(fields: "iataCode")')
// Public reference data: the same for every caller (see kit/cache-hints).
@Directive(PUBLIC_CACHE_HINT)
export class Airline {
  @Field(() => ID, { description: 'Two-character IATA airline designator, e.g. "CA".' })
  iataCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Three-letter ICAO airline designator, e.g. "CCA"; null when none is assigned.',
  })
  icaoCode!: string | null;

  @Field({ description: 'Name of the airline, e.g. "Air China".' })
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country of registration, e.g. "CN".' })
  countryCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Three-digit prefix of the air waybills the airline issues, e.g. "999"; null for airlines that issue none.',
  })
  awbPrefix!: string | null;
}
