import { Router } from 'express';
import type { IdentitySigner } from '../identity-signer';
import type { GatewayPlugin } from './gateway-plugin';

export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * Publishes the public key the gateway signs subgraph identity headers with, so that a subgraph
 * configured with GATEWAY_JWKS_URL can verify them (and pick up a new key after a rotation).
 */
export function identityKeysPlugin(signer: IdentitySigner): GatewayPlugin {
  const routes = Router();
  routes.get(JWKS_PATH, (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(signer.jwks());
  });
  return { name: 'identity-keys', routes };
}
