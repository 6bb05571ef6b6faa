import express from 'express';
import type { SubgraphEndpoint } from '../supergraph-source';
import type { GatewayPlugin } from './gateway-plugin';

/**
 * `/ready`: ready when every subgraph of the supergraph now served answers its own `/health` (its
 * database included), for load balancers and orchestrators, which should not route to a gateway
 * whose subgraphs are down.
 */
export function readinessPlugin(subgraphs: () => SubgraphEndpoint[]): GatewayPlugin {
  const routes = express.Router();
  routes.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      subgraphs().map(async ({ name, url }) => {
        try {
          const health = await fetch(url.replace(/\/graphql$/, '/health'), {
            signal: AbortSignal.timeout(2000),
          });
          return { name, ready: health.ok };
        } catch {
          return { name, ready: false };
        }
      }),
    );
    const ready = checks.every((c) => c.ready);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      subgraphs: Object.fromEntries(checks.map((c) => [c.name, c.ready ? 'ok' : 'unavailable'])),
    });
  });
  return { name: 'readiness', routes };
}
