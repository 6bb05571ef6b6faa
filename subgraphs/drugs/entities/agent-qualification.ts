import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kit';
import { DrugCategory } from './drug-approval';

@ObjectType({
  description:
    "An enterprise's qualification to import drugs as an agent, consolidating the needs of approved units.",
})
export class AgentQualification {
  /** The qualified enterprise (not exposed: it is the parent Enterprise's key). */
  uscc!: string;

  @Field(() => DateScalar, { description: 'Date the enterprise was first qualified.' })
  qualifiedSince!: string;

  @Field(() => [DrugCategory], { description: 'Categories the agent may import.' })
  categories!: DrugCategory[];
}
