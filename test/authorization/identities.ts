import type { Identity } from '../../gateway/identity';

/** Identities as the gateway holds them after authentication, for the pure authorization tests. */
export function userWith(scopes: string[], uscc?: string): Identity {
  return {
    kind: 'USER',
    sub: `user:${scopes.join('+') || uscc || 'none'}`,
    scopes: new Set(scopes),
    uscc,
  };
}

export const ENTERPRISE = userWith([], '91110000100000000A');
export const OFFICER = userWith(['trade:read']);
export const CUSTOMS_WRITER = userWith(['customs:write']);
