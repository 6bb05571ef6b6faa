import type express from 'express';

/** Who is acting: recorded in every status change's history. */
export interface Actor {
  id: string;
  kind: 'ANONYMOUS' | 'USER' | 'SERVICE';
}

/**
 * Until identities are verified (JWTs at the gateway, a signed identity header to the
 * subgraphs), every caller is this clearly marked anonymous actor. Unverified headers are not
 * trusted: a caller must not be able to write history in someone else's name.
 */
export const ANONYMOUS_ACTOR: Actor = { id: 'anonymous', kind: 'ANONYMOUS' };

export function actorOf(_req: express.Request | undefined): Actor {
  return ANONYMOUS_ACTOR;
}

/** The form stored in history rows: `anonymous`, `user:<id>`, `service:<agency>`. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'ANONYMOUS' ? 'anonymous' : `${actor.kind.toLowerCase()}:${actor.id}`;
}
