import { forbidden } from './errors';
import { hasScope, Identity } from './identity';

/**
 * The scopes every agency's rules read (issue 7's access model). Write scopes are per agency:
 * `writeScope('customs')` is `customs:write`.
 */
export const Scope = {
  /** Officers and agency analysts: every shipment-level record. */
  TRADE_READ: 'trade:read',
  /** The access logs. */
  AUDIT_READ: 'audit:read',
} as const;

export function writeScope(agency: string): string {
  return `${agency}:write`;
}

/**
 * Which shipment-level rows a caller may read, decided once from its identity and applied in SQL
 * by the repository that owns the rows:
 * - ALL: `trade:read`;
 * - PARTY: an enterprise (a `uscc`, no `trade:read`): only the rows it is a party to (consignee,
 *   declarant, agent: the owning agency says which columns);
 * - NONE: anyone else (anonymous, a service without `trade:read`).
 * A row outside the caller's access is answered exactly as a row that does not exist.
 */
export type RowAccess =
  | { readonly kind: 'ALL' }
  | { readonly kind: 'PARTY'; readonly uscc: string }
  | { readonly kind: 'NONE' };

export function rowAccess(identity: Identity): RowAccess {
  if (hasScope(identity, Scope.TRADE_READ)) return { kind: 'ALL' };
  if (identity.kind === 'USER' && identity.uscc) return { kind: 'PARTY', uscc: identity.uscc };
  return { kind: 'NONE' };
}

/**
 * How an agency authorizes one mutation (`ctx.mutations.run({ authorize, … })`). The agency's
 * write scope is always enough. Without it, `actingFor` names the enterprise the write is done
 * for (the declarant of a declaration, the agent of a consolidated import), or null when the
 * write is not one an enterprise may do for itself: the caller's own `uscc` must be that one.
 */
export interface WriteAuthorization {
  /** What the caller could not do, for the error: `file declarations for enterprise X`. */
  what?: string;
  actingFor?: () => string | null | Promise<string | null>;
}

/**
 * The write check of the kit's pipeline, before anything is read or written: FORBIDDEN unless
 * the caller holds the agency's write scope or is the enterprise the write is done for. Anonymous
 * callers are refused before this (UNAUTHENTICATED) by the identity verification; here they are
 * FORBIDDEN like any caller without the right, so that no path lets them write.
 */
export async function authorizeWrite(
  identity: Identity,
  agency: string,
  operation: string,
  rule: WriteAuthorization = {},
): Promise<void> {
  const scope = writeScope(agency);
  if (hasScope(identity, scope)) return;
  if (identity.kind === 'USER' && identity.uscc && rule.actingFor) {
    const party = await rule.actingFor();
    if (party !== null && party === identity.uscc) return;
    throw forbidden(
      `${operation} needs the \`${scope}\` scope, or to be done by the enterprise it is for${
        rule.what ? ` (${rule.what})` : ''
      }: enterprise ${identity.uscc} may not`,
    );
  }
  throw forbidden(`${operation} needs the \`${scope}\` scope, which your token does not carry`);
}

/** A read that needs a scope (e.g. `audit:read`), checked in the resolver for direct calls. */
export function requireScope(identity: Identity, scope: string, what: string): void {
  if (!hasScope(identity, scope)) {
    throw forbidden(`${what} needs the \`${scope}\` scope, which your token does not carry`);
  }
}
