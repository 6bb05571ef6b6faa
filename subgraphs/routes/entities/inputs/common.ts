import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars';

/** What every mutation input may carry: a key that makes a retry safe. */
@InputType()
export abstract class RoutesIdempotentInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: the same key with the same input returns the first result without writing again; the same key with another input is refused with IDEMPOTENCY_CONFLICT. 1 to 200 characters, unique per mutation.',
  })
  idempotencyKey?: string | null;
}

/** What a status change's input may carry: an idempotency key and the version it was read at. */
@InputType()
export abstract class RoutesTransitionInput extends RoutesIdempotentInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` the caller read: the change is refused with CONFLICT if the record has changed since. Without it, the change applies to the current state.',
  })
  expectedVersion?: number | null;
}

/** A status change of one flight, named by its key. */
@InputType()
export abstract class FlightTransitionInput extends RoutesTransitionInput {
  @Field({ description: 'Flight number, e.g. "CA931".' })
  flightNumber!: string;

  @Field(() => DateScalar, { description: 'Local departure date of the flight at its origin.' })
  flightDate!: string;
}
