import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'An air cargo shipment, owned by customs; the drug regulator contributes the consolidated import it carries.',
})
@Directive('@key(fields: "awb")')
export class Shipment {
  @Field(() => ID, { description: 'Air waybill number, "PPP-SSSSSSSC".' })
  awb!: string;
}
