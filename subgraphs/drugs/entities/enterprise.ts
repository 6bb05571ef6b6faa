import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'An enterprise, owned by customs; the drug regulator contributes its import-agent qualification.',
})
@Directive('@key(fields: "uscc")')
export class Enterprise {
  @Field(() => ID, { description: '18-character unified social credit code.' })
  uscc!: string;
}
