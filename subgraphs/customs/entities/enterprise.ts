import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { REQUIRES_TRADE_READ } from '../../kit';

export enum CreditRating {
  ADVANCED_CERTIFIED = 'ADVANCED_CERTIFIED',
  GENERAL_CERTIFIED = 'GENERAL_CERTIFIED',
  REGISTERED = 'REGISTERED',
  DISCREDITED = 'DISCREDITED',
}
registerEnumType(CreditRating, {
  name: 'CreditRating',
  description: "Customs' credit rating of an enterprise (AEO advanced / general certified, ...).",
});

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
