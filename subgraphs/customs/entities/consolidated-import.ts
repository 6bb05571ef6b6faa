import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * An agent's consolidated import: owned by the drugs subgraph, which resolves its own fields.
 * Customs CONTRIBUTES the fact it records itself, the special-goods application submitted for it
 * (`specialGoodsApplication`, see resolvers/consolidated-import.ts), so the key is resolvable
 * here; customs holds nothing else of it.
 */
@ObjectType({
  description:
    "A qualified agent's consolidated import, owned by the drugs subgraph; customs contributes the special-goods application submitted for it.",
})
@Directive('@key(fields: "id")')
export class ConsolidatedImport {
  @Field(() => ID, { description: 'Consolidated import id, e.g. "CI-2025-000001".' })
  id!: string;
}
