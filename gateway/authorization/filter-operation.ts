import {
  DirectiveNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getOperationAST,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLOutputType,
  GraphQLSchema,
  InlineFragmentNode,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  NamedTypeNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
  visit,
} from 'graphql';
import type { Identity } from '../identity';
import { AccessRequirement, AccessRequirements, both, meets } from './access-requirements';

/** One step from the response's root down to a removed field: its response key and type. */
export interface ResponseStep {
  key: string;
  type: GraphQLOutputType;
}

/** A part of the operation the caller may not see, taken out before planning. */
export interface RemovedSelection {
  /** Response keys from the root; a removed fragment ends with `... on Type`. */
  path: string[];
  /**
   * True when the caller lacks what this field or type requires (the client gets an error
   * here); false for a field left with no selection because everything under it was removed.
   */
  unauthorized: boolean;
  /** What the caller did not meet, when `unauthorized`. */
  requirement?: AccessRequirement;
  /**
   * How to reach the field in the response, to answer it as null there (with null propagation
   * through non-null parents, as if it had resolved to null). Absent for a removed fragment,
   * and under a fragment that narrows an abstract type, where the response cannot tell which
   * objects the removal concerned.
   */
  responsePath?: ResponseStep[];
}

export interface FilteredOperation {
  /** The operation to plan: the original document itself when nothing was removed. */
  document: DocumentNode;
  removed: RemovedSelection[];
  /** Everything was removed: there is nothing left to execute. */
  empty: boolean;
}

export interface FilterInput {
  /** The API schema the operation was validated against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  requirements: AccessRequirements;
  identity: Identity;
}

/**
 * Removes from a validated operation every field and fragment the identity may not see, with
 * Apollo Router's semantics: a field is removed when the caller does not meet its own
 * requirement or its return type's; a field selected on an interface also needs what each
 * implementation (and its field) requires; a fragment on a type the caller may not see is
 * removed; a field whose whole selection was removed goes too. Named fragments are inlined
 * first, so a fragment used in several places is judged in each, and aliases, `@skip`/`@include`
 * and variables change nothing (the requirements are the schema's, not the values'). Variable
 * definitions left unused are dropped, so the filtered operation stays valid.
 */
export function filterOperation(input: FilterInput): FilteredOperation {
  const { schema, document } = input;
  const operation = getOperationAST(document, input.operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { document, removed: [], empty: false };
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const filter = new SelectionFilter(schema, input.requirements, input.identity, fragments);
  const selectionSet = filter.selectionSet(operation.selectionSet, root, [], []);
  if (filter.removed.length === 0) return { document, removed: [], empty: false };
  if (!selectionSet) return { document, removed: filter.removed, empty: true };
  const used = variablesUsedBy({ ...operation, selectionSet });
  const filtered: OperationDefinitionNode = {
    ...operation,
    selectionSet,
    variableDefinitions: operation.variableDefinitions?.filter((definition) =>
      used.has(definition.variable.name.value),
    ),
  };
  return {
    document: { kind: Kind.DOCUMENT, definitions: [filtered] },
    removed: filter.removed,
    empty: false,
  };
}

class SelectionFilter {
  readonly removed: RemovedSelection[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly requirements: AccessRequirements,
    private readonly identity: Identity,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  /** The selection set with what the caller may not see removed; undefined when nothing is left. */
  selectionSet(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    path: string[],
    responsePath: ResponseStep[] | undefined,
  ): SelectionSetNode | undefined {
    const kept: SelectionNode[] = [];
    for (const selection of set.selections) {
      const node = this.selection(selection, parent, path, responsePath);
      if (node) kept.push(node);
    }
    return kept.length > 0 ? { ...set, selections: kept } : undefined;
  }

  private selection(
    selection: SelectionNode,
    parent: GraphQLCompositeType,
    path: string[],
    responsePath: ResponseStep[] | undefined,
  ): SelectionNode | undefined {
    if (selection.kind === Kind.FIELD) return this.field(selection, parent, path, responsePath);
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const { typeCondition, directives, selectionSet } = selection;
      return this.fragment(typeCondition, directives, selectionSet, parent, path, responsePath);
    }
    const definition = this.fragments.get(selection.name.value);
    if (!definition) return selection; // validation refuses an unknown fragment before this
    const { typeCondition, selectionSet } = definition;
    return this.fragment(
      typeCondition,
      selection.directives,
      selectionSet,
      parent,
      path,
      responsePath,
    );
  }

  private fragment(
    typeCondition: NamedTypeNode | undefined,
    directives: readonly DirectiveNode[] | undefined,
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    path: string[],
    responsePath: ResponseStep[] | undefined,
  ): InlineFragmentNode | undefined {
    const named = typeCondition ? this.schema.getType(typeCondition.name.value) : parent;
    const type = named && isCompositeType(named) ? named : parent;
    const requirement = this.requirements.types.get(type.name);
    if (!meets(this.identity, requirement)) {
      this.removed.push({
        path: [...path, `... on ${type.name}`],
        unauthorized: true,
        requirement,
      });
      return undefined;
    }
    // On an object type every fragment applies; on an abstract one, a narrower fragment applies
    // to some objects only, which the response does not say: removals below it are not nulled.
    const appliesToAll = type === parent || isObjectType(parent);
    const inner = this.selectionSet(
      selectionSet,
      type,
      path,
      appliesToAll ? responsePath : undefined,
    );
    if (!inner) return undefined;
    return { kind: Kind.INLINE_FRAGMENT, typeCondition, directives, selectionSet: inner };
  }

  private field(
    node: FieldNode,
    parent: GraphQLCompositeType,
    path: string[],
    responsePath: ResponseStep[] | undefined,
  ): FieldNode | undefined {
    const name = node.name.value;
    // __typename, and introspection, which the directives do not govern (as on Apollo Router).
    if (name.startsWith('__') || isUnionType(parent)) return node;
    const definition = parent.getFields()[name];
    if (!definition) return node; // validation refuses an unknown field before this
    const key = node.alias?.value ?? name;
    const fieldPath = [...path, key];
    const fieldResponsePath = responsePath && [...responsePath, { key, type: definition.type }];
    const requirement = this.requirementOf(parent, definition);
    if (!meets(this.identity, requirement)) {
      this.removed.push({
        path: fieldPath,
        unauthorized: true,
        requirement,
        responsePath: fieldResponsePath,
      });
      return undefined;
    }
    if (!node.selectionSet) return node;
    const type = getNamedType(definition.type) as GraphQLCompositeType;
    const inner = this.selectionSet(node.selectionSet, type, fieldPath, fieldResponsePath);
    if (!inner) {
      this.removed.push({ path: fieldPath, unauthorized: false, responsePath: fieldResponsePath });
      return undefined;
    }
    return inner === node.selectionSet ? node : { ...node, selectionSet: inner };
  }

  /**
   * The field's own requirement and its return type's; on an interface, also every
   * implementation's and its field's, since any of them may answer.
   */
  private requirementOf(
    parent: GraphQLCompositeType,
    field: GraphQLField<unknown, unknown>,
  ): AccessRequirement | undefined {
    const { types, fields } = this.requirements;
    let requirement = both(
      fields.get(`${parent.name}.${field.name}`),
      types.get(getNamedType(field.type).name),
    );
    if (isInterfaceType(parent)) {
      for (const implementation of this.schema.getPossibleTypes(parent)) {
        requirement = both(requirement, types.get(implementation.name));
        requirement = both(requirement, fields.get(`${implementation.name}.${field.name}`));
      }
    }
    return requirement;
  }
}

/** The variables an operation's selections and directives still use. */
function variablesUsedBy(operation: OperationDefinitionNode): Set<string> {
  const used = new Set<string>();
  const collect = {
    Variable: (node: { name: { value: string } }) => void used.add(node.name.value),
  };
  visit(operation.selectionSet, collect);
  for (const directive of operation.directives ?? []) visit(directive, collect);
  return used;
}
