import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Other agencies' entities, referenced by key only. Their data is resolved by the subgraph that
 * owns them; customs never copies it.
 */

@ObjectType({ description: 'An airport, owned by the airports subgraph (referenced by key).' })
@Directive('@key(fields: "iataCode", resolvable: false)')
export class Airport {
  @Field(() => ID, { description: 'IATA airport code, e.g. "PKX".' })
  iataCode!: string;
}

@ObjectType({
  description: 'An airport facility, owned by the airports subgraph (referenced by key).',
})
@Directive('@key(fields: "id", resolvable: false)')
export class Facility {
  @Field(() => ID, { description: 'Facility id, e.g. "PKX-COLD-1".' })
  id!: string;
}

@ObjectType({
  description: 'A drug import approval, owned by the drugs subgraph (referenced by key).',
})
@Directive('@key(fields: "number", resolvable: false)')
export class DrugApproval {
  @Field(() => ID, { description: 'ASCII form of the NMPA approval number, e.g. "SJ20180023".' })
  number!: string;
}

export function airportRef(iataCode: string): Airport;
export function airportRef(iataCode: string | null): Airport | null;
export function airportRef(iataCode: string | null): Airport | null {
  return iataCode === null ? null : { iataCode };
}
