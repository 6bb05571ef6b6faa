import type { AccessRecorder } from './access-log';
import { rowAccess } from './authorization';
import type { Identity } from './identity';
import { referenceBy, ReferenceResolver, Representation } from './references';

/** What a gated reference needs of an agency's context. */
export interface GatedContext {
  identity: Identity;
  accessLog: AccessRecorder;
}

/**
 * The reference of restricted data this agency holds about another agency's gatekept entity (an
 * airport's arrival of a shipment, a shipment's flight legs): customs alone knows a shipment's
 * parties, so the gateway reaches these only through the entities customs let the caller see.
 * A caller with no row access at all (anonymous, a service without `trade:read`) gets the entity
 * as unknown (null), so `_entities` on this subgraph is no way around customs; every read is
 * recorded in this agency's access log under `entityType`.
 */
export function gatedReferenceBy<C extends GatedContext, T>(
  entityType: string,
  keyField: string,
  resolve: (key: string, ctx: C, representation: Representation) => Promise<T | null> | T | null,
): ReferenceResolver<C, T> {
  return referenceBy<C, T>(keyField, async (key, ctx, representation) => {
    if (rowAccess(ctx.identity).kind === 'NONE') return null;
    const entity = await resolve(key, ctx, representation);
    if (entity !== null) ctx.accessLog.read(entityType, [key]);
    return entity;
  });
}
