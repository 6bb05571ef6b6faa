import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'An entry/exit health quarantine application for special goods, owned by customs (referenced by key).',
})
@Directive('@key(fields: "number", resolvable: false)')
export class SpecialGoodsApplication {
  @Field(() => ID, { description: 'Application number assigned by customs.' })
  number!: string;
}
