import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../kit';

@ObjectType({ description: 'An amount of money: an exact decimal string and its currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'Exact amount as a decimal string, e.g. "1234.50".' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "USD".' })
  currency!: string;
}
