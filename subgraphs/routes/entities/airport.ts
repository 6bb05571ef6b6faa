import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PUBLIC_CACHE_HINT } from '../../kit';

/**
 * An airport as the routes subgraph sees it: only its key. The airports subgraph owns the rest;
 * this subgraph contributes `routes`.
 */
@ObjectType({
  description:
    'An airport, owned by the airports subgraph; the routes subgraph contributes the routes touching it.',
})
@Directive('@key(fields: "iataCode")')
// Public reference data: the same for every caller (see kit/cache-hints).
@Directive(PUBLIC_CACHE_HINT)
export class Airport {
  @Field(() => ID, { description: 'Three-letter IATA airport code, e.g. "PKX".' })
  iataCode!: string;
}
