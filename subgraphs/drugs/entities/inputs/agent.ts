import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../kit';
import { DrugCategory } from '../drug-approval';
import { CreateOptions } from './common';

@InputType({
  description:
    'Qualifies an enterprise of the customs register as a drug import agent, or replaces its qualification.',
})
export class QualifyAgentInput extends CreateOptions {
  @Field(() => ID, {
    description:
      'Unified social credit code of the enterprise; it must be in the customs register and not DISCREDITED.',
  })
  uscc!: string;

  @Field(() => DateScalar, {
    description: 'Date the qualification takes effect; not in the future.',
  })
  qualifiedSince!: string;

  @Field(() => [DrugCategory], {
    description: 'Categories the agent may import; at least one (duplicates are ignored).',
  })
  categories!: DrugCategory[];
}
