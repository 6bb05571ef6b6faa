import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * An airport as the routes subgraph sees it: only its key. The airports subgraph owns the rest;
 * this subgraph contributes `routes`.
 */
@ObjectType({
  description:
    'An airport, owned by the airports subgraph; the routes subgraph contributes the routes touching it.',
})
@Directive('@key(fields: "iataCode")')
export class Airport {
  @Field(() => ID, { description: 'Three-letter IATA airport code, e.g. "PKX".' })
  iataCode!: string;
}
