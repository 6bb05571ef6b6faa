/**
 * The enums of `enterprise.ts`, registered with type-graphql in a module of their own, so that the
 * demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

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
