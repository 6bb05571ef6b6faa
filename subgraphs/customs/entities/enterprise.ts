import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { REQUIRES_TRADE_READ } from '../../kit';
import { CreditRating } from './enterprise-enums';

export { CreditRating };

@ObjectType({
  description: 'An enterprise registered with customs: consignee, declarant or applicant.',
})
@Directive('@key(fields: "uscc")')
export class Enterprise {
  @Field(() => ID, { description: '18-character unified social credit code (GB 32100-2015).' })
  uscc!: string;

  @Field({ description: 'Registered name.' })
  name!: string;

  @Field(() => CreditRating, { description: "Customs' credit rating." })
  @Directive(REQUIRES_TRADE_READ)
  customsCreditRating!: CreditRating;
}
