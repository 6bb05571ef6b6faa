import type { Identity } from '../identity';

/**
 * What one type or field of the supergraph asks of a caller, from its `@authenticated` and
 * `@requiresScopes` directives (several when composition merged them from several subgraphs).
 */
export interface AccessRequirement {
  /** `@authenticated`: any verified identity, not an anonymous caller. */
  authenticated: boolean;
  /**
   * One entry per `@requiresScopes`, all of which must hold. Each entry is a list of scope sets:
   * the caller must hold every scope of at least one set (`[["a", "b"], ["c"]]`: a and b, or c).
   */
  scopes: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>>;
}

/** Every requirement the supergraph declares: per type name and per `Type.field` coordinate. */
export interface AccessRequirements {
  types: ReadonlyMap<string, AccessRequirement>;
  fields: ReadonlyMap<string, AccessRequirement>;
}

export const NO_REQUIREMENTS: AccessRequirements = { types: new Map(), fields: new Map() };

/** Whether the identity meets the requirement (none: everyone does). */
export function meets(identity: Identity, requirement: AccessRequirement | undefined): boolean {
  if (!requirement) return true;
  const authenticated = identity.kind !== 'ANONYMOUS';
  if (requirement.authenticated && !authenticated) return false;
  return requirement.scopes.every((anyOf) =>
    anyOf.some((allOf) => authenticated && allOf.every((scope) => identity.scopes.has(scope))),
  );
}

/** Both requirements at once (composition's AND), e.g. a type's and one of its fields'. */
export function both(
  a: AccessRequirement | undefined,
  b: AccessRequirement | undefined,
): AccessRequirement | undefined {
  if (!a) return b;
  if (!b) return a;
  return { authenticated: a.authenticated || b.authenticated, scopes: [...a.scopes, ...b.scopes] };
}
