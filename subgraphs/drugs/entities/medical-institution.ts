import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'A Beijing medical institution (hospital) approved to use imported drugs.',
})
@Directive('@key(fields: "id")')
export class MedicalInstitution {
  @Field(() => ID, { description: 'Regulator-assigned identifier, e.g. "BJ-PUMCH".' })
  id!: string;

  @Field({ description: 'Name of the institution.' })
  name!: string;

  @Field({ description: 'Beijing district where it is located, e.g. "Dongcheng".' })
  district!: string;
}
