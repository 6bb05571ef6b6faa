import { Field, InputType, Int } from 'type-graphql';

/** What every create accepts: an optional idempotency key. */
@InputType('DrugsCreateOptions')
export abstract class CreateOptions {
  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: the same key with the same input returns the first result without writing again; the same key with another input is refused (IDEMPOTENCY_CONFLICT). 1 to 200 characters.',
  })
  idempotencyKey?: string | null;
}

/** What every change of an existing record accepts: idempotency key and optimistic version. */
@InputType('DrugsChangeOptions')
export abstract class ChangeOptions extends CreateOptions {
  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` you read; the change is refused (CONFLICT) when the record has moved on since.',
  })
  expectedVersion?: number | null;
}
