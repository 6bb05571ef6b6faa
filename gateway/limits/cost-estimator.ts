import {
  DirectiveNode,
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isListType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  ValueNode,
} from 'graphql';

/**
 * Static cost estimate of an operation before it runs, after the cost specification Apollo Router
 * follows (IBM's GraphQL Cost Directives): `@cost(weight)` on fields and types, `@listSize` on
 * list fields, both read from the supergraph where the subgraphs declared them.
 *
 * - A field returning an object (or interface, union) weighs 1, a scalar or enum 0, unless
 *   `@cost` on the field or its type says otherwise; a root mutation field weighs 10 more.
 * - A list multiplies its element's cost (weight plus selection) by its size: the largest of
 *   the `slicingArguments` given (inline or as variables), else `assumedSize`, else the default
 *   list size. With `sizedFields`, that size is the size of those child lists (a connection's
 *   `edges` and `nodes`), not of the field itself.
 * - Fragments count where they are spread (each spread's cost computed once); `@skip`/`@include`
 *   are ignored, and every type condition counts: an upper bound, as the specification intends.
 * - Introspection (`__schema`, `__type`) and `__typename` cost nothing: the depth limit and the
 *   `INTROSPECTION` setting bound them.
 */

/** The cost directives of a supergraph, by `Type.field` and by type. */
export interface CostDirectives {
  fieldWeight: ReadonlyMap<string, number>;
  typeWeight: ReadonlyMap<string, number>;
  listSize: ReadonlyMap<string, ListSize>;
}

export interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** A root mutation field's own weight: a write costs more than a read. */
export const MUTATION_WEIGHT = 10;

/** Names the directives may carry in a supergraph: imported, or namespaced by their spec. */
const COST = new Set(['cost', 'cost__cost', 'federation__cost']);
const LIST_SIZE = new Set(['listSize', 'cost__listSize', 'federation__listSize']);

/** Reads `@cost` and `@listSize` from a supergraph's SDL (the API schema drops them). */
export function costDirectivesOf(supergraphSdl: string): CostDirectives {
  const fieldWeight = new Map<string, number>();
  const typeWeight = new Map<string, number>();
  const listSize = new Map<string, ListSize>();
  for (const def of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue;
    const typeName = def.name.value;
    const weight = weightOf(def.directives);
    if (weight !== undefined) typeWeight.set(typeName, weight);
    if (!('fields' in def) || !def.fields) continue;
    for (const field of def.fields) {
      const key = `${typeName}.${field.name.value}`;
      const w = weightOf(field.directives);
      if (w !== undefined) fieldWeight.set(key, w);
      const size = listSizeOf(field.directives);
      if (size) listSize.set(key, size);
    }
  }
  return { fieldWeight, typeWeight, listSize };
}

function weightOf(directives: readonly DirectiveNode[] | undefined): number | undefined {
  const cost = directives?.find((d) => COST.has(d.name.value));
  const arg = cost?.arguments?.find((a) => a.name.value === 'weight');
  return arg?.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
}

function listSizeOf(directives: readonly DirectiveNode[] | undefined): ListSize | undefined {
  const d = directives?.find((x) => LIST_SIZE.has(x.name.value));
  if (!d) return undefined;
  const size: ListSize = {};
  for (const arg of d.arguments ?? []) {
    const { value } = arg;
    if (arg.name.value === 'assumedSize' && value.kind === Kind.INT) {
      size.assumedSize = Number(value.value);
    }
    const strings =
      value.kind === Kind.LIST
        ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []))
        : undefined;
    if (arg.name.value === 'slicingArguments') size.slicingArguments = strings;
    if (arg.name.value === 'sizedFields') size.sizedFields = strings;
  }
  return size;
}

export interface EstimateInput {
  /** The API schema the operation was validated against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  directives: CostDirectives;
  /** Size of a list the directives say nothing about. */
  defaultListSize: number;
}

/** The size a parent's `@listSize(sizedFields)` gives its child lists. */
interface SizedChildren {
  fields: ReadonlySet<string>;
  size: number;
}

/** The estimated cost of the operation `operationName` (or the only one) of a validated document. */
export function estimateCost(input: EstimateInput): number {
  const { schema, document, directives, defaultListSize } = input;
  const variables = input.variables ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) {
      if (!input.operationName || def.name?.value === input.operationName) operation ??= def;
    }
  }
  if (!operation) return 0;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const memo = new Map<string, number>();

  const sizeFromArguments = (
    node: { arguments?: readonly { name: { value: string }; value: ValueNode }[] },
    field: GraphQLField<unknown, unknown>,
    names: string[],
  ): number | undefined => {
    let largest: number | undefined;
    for (const name of names) {
      const given = node.arguments?.find((a) => a.name.value === name)?.value;
      let value: unknown;
      if (given?.kind === Kind.INT) value = Number(given.value);
      else if (given?.kind === Kind.VARIABLE) value = variables[given.name.value];
      else if (!given) value = field.args.find((a) => a.name === name)?.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) {
        largest = Math.max(largest ?? 0, value);
      }
    }
    return largest;
  };

  const costOf = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    sized: SizedChildren | undefined,
  ): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (isCompositeType(type)) total += costOf(sel.selectionSet, type, sized);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !isCompositeType(type)) continue;
        const key = `${fragment.name.value}|${sized ? `${[...sized.fields]}:${sized.size}` : ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          cost = costOf(fragment.selectionSet, type, sized);
          memo.set(key, cost);
        }
        total += cost;
        continue;
      }
      const name = sel.name.value;
      if (name.startsWith('__') || !('getFields' in parent)) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const key = `${parent.name}.${name}`;
      const named = getNamedType(field.type);
      let weight =
        directives.fieldWeight.get(key) ??
        directives.typeWeight.get(named.name) ??
        (isCompositeType(named) ? 1 : 0);
      if (parent === rootType && operation.operation === 'mutation') weight += MUTATION_WEIGHT;

      const listSize = directives.listSize.get(key);
      const slicedSize = listSize
        ? (sizeFromArguments(sel, field, listSize.slicingArguments ?? []) ?? listSize.assumedSize)
        : undefined;
      const childSized =
        listSize?.sizedFields?.length && slicedSize !== undefined
          ? { fields: new Set(listSize.sizedFields), size: slicedSize }
          : undefined;
      let multiplier = 1;
      if (isListType(getNullableType(field.type))) {
        multiplier = sized?.fields.has(name)
          ? sized.size
          : childSized
            ? 1
            : (slicedSize ?? defaultListSize);
      }
      const children =
        sel.selectionSet && isCompositeType(named)
          ? costOf(sel.selectionSet, named, childSized)
          : 0;
      total += multiplier * (weight + children);
    }
    return total;
  };

  return costOf(operation.selectionSet, rootType, undefined);
}
