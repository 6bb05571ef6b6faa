import type { Identity } from './identity';

/** Who is acting: recorded in every status change's history. */
export interface Actor {
  id: string;
  kind: 'ANONYMOUS' | 'USER' | 'SERVICE';
}

/** A caller without a verified identity (the pipeline refuses its mutations). */
export const ANONYMOUS_ACTOR: Actor = { id: 'anonymous', kind: 'ANONYMOUS' };

/**
 * The actor of a request is its verified identity (the gateway's signed header), nothing the
 * caller merely claims: no one can write history in someone else's name.
 */
export function actorOf(identity: Identity): Actor {
  return identity.kind === 'ANONYMOUS'
    ? ANONYMOUS_ACTOR
    : { id: identity.sub, kind: identity.kind };
}

/** The form stored in history rows: `anonymous`, `user:<id>`, `service:<agency>`. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'ANONYMOUS' ? 'anonymous' : `${actor.kind.toLowerCase()}:${actor.id}`;
}
