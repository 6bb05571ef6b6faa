import {
  DirectiveNode,
  DefinitionNode,
  DocumentNode,
  Kind,
  parse,
  print,
  valueFromASTUntyped,
} from 'graphql';
import type { AccessRequirement, AccessRequirements } from './access-requirements';

/** The federation authorization specs the gateway enforces itself. */
const SECURITY_SPECS = {
  authenticated: /^https:\/\/specs\.apollo\.dev\/authenticated\/v\d+\.\d+$/,
  requiresScopes: /^https:\/\/specs\.apollo\.dev\/requiresScopes\/v\d+\.\d+$/,
} as const;

export interface SplitSupergraph {
  /** Who may read what, per type and per field. */
  requirements: AccessRequirements;
  /**
   * The same supergraph without the authorization specs (their `@link`, definitions and uses):
   * `@apollo/gateway` refuses to load a supergraph linking them ("for: SECURITY but is
   * unsupported"), so it gets this one while the authorization plugin enforces `requirements`.
   * A supergraph that links neither is returned as it is.
   */
  gatewaySdl: string;
}

/**
 * Takes the `@authenticated` / `@requiresScopes` declarations out of a supergraph. Names follow
 * the `@link`s (`as:` renames a directive), so a supergraph composed elsewhere reads the same.
 */
export function splitSecurityDirectives(supergraphSdl: string): SplitSupergraph {
  const document = parse(supergraphSdl);
  const names = linkedSecurityDirectives(document);
  if (!names.authenticated && !names.requiresScopes) {
    return {
      requirements: { types: new Map(), fields: new Map() },
      gatewaySdl: supergraphSdl,
    };
  }
  const types = new Map<string, AccessRequirement>();
  const fields = new Map<string, AccessRequirement>();
  const requirementOf = (directives: readonly DirectiveNode[] | undefined) => {
    let authenticated = false;
    const scopes: string[][][] = [];
    for (const directive of directives ?? []) {
      if (directive.name.value === names.authenticated) authenticated = true;
      if (directive.name.value === names.requiresScopes) scopes.push(scopesArgument(directive));
    }
    return authenticated || scopes.length > 0 ? { authenticated, scopes } : undefined;
  };
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    const own = requirementOf(definition.directives);
    if (own) types.set(typeName, own);
    if ('fields' in definition && definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) {
        const requirement = requirementOf(field.directives);
        if (requirement) fields.set(`${typeName}.${field.name.value}`, requirement);
      }
    }
  }
  const security = new Set([names.authenticated, names.requiresScopes].filter(Boolean));
  return {
    requirements: { types, fields },
    gatewaySdl: print(withoutDirectives(document, security)),
  };
}

interface SecurityNames {
  authenticated?: string;
  requiresScopes?: string;
}

/** The local names of the linked authorization directives (`@link(url: …, as: …)`). */
function linkedSecurityDirectives(document: DocumentNode): SecurityNames {
  const names: SecurityNames = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const args = Object.fromEntries(
        (link.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]),
      ) as { url?: string; as?: string };
      for (const [spec, url] of Object.entries(SECURITY_SPECS)) {
        if (args.url && url.test(args.url)) names[spec as keyof SecurityNames] = args.as ?? spec;
      }
    }
  }
  return names;
}

/** `scopes: [["a", "b"], ["c"]]` → `[["a", "b"], ["c"]]`. */
function scopesArgument(directive: DirectiveNode): string[][] {
  const arg = directive.arguments?.find((a) => a.name.value === 'scopes');
  const value = arg ? (valueFromASTUntyped(arg.value) as unknown) : [];
  if (!Array.isArray(value) || !value.every((set) => Array.isArray(set))) {
    throw new Error(`@${directive.name.value} needs scopes: [[String!]!]!`);
  }
  return value.map((set: unknown[]) => set.map(String));
}

/** The document without the security `@link`s, the directives' definitions and their uses. */
function withoutDirectives(document: DocumentNode, security: Set<string | undefined>) {
  const isSecurityLink = (d: DirectiveNode) => {
    if (d.name.value !== 'link') return false;
    const url = d.arguments?.find((a) => a.name.value === 'url');
    const value = url ? valueFromASTUntyped(url.value) : undefined;
    return Object.values(SECURITY_SPECS).some(
      (spec) => typeof value === 'string' && spec.test(value),
    );
  };
  const keep = (directives: readonly DirectiveNode[] | undefined) =>
    directives?.filter((d) => !security.has(d.name.value) && !isSecurityLink(d));
  const definitions = document.definitions
    .filter(
      (d) =>
        !(d.kind === Kind.DIRECTIVE_DEFINITION && security.has(d.name.value)) &&
        !(d.kind === Kind.SCALAR_TYPE_DEFINITION && /^requiresScopes__/.test(d.name.value)),
    )
    .map((definition): DefinitionNode => {
      if (!('directives' in definition)) return definition;
      const stripped = { ...definition, directives: keep(definition.directives) };
      if ('fields' in definition && definition.fields) {
        return {
          ...stripped,
          fields: definition.fields.map((f) => ({ ...f, directives: keep(f.directives) })),
        } as DefinitionNode;
      }
      return stripped as DefinitionNode;
    });
  return { ...document, definitions } as DocumentNode;
}
