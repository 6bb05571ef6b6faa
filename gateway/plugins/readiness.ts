import express from 'express';
import type { CircuitState } from '../subgraph-client';
import type { SubgraphEndpoint } from '../supergraph-source';
import type { GatewayPlugin } from './gateway-plugin';

/**
 * `/ready`: ready when every subgraph of the supergraph now served answers its own `/health` (its
 * database included), for load balancers and orchestrators, which should not route to a gateway
 * whose subgraphs are down. Its JSON also says that a supergraph is loaded and where each
 * subgraph's circuit stands (`closed`, `open`, `half-open`), for whoever looks into why.
 */
export function readinessPlugin(
  subgraphs: () => SubgraphEndpoint[],
  circuits: () => Record<string, CircuitState> = () => ({}),
): GatewayPlugin {
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
    const states = circuits();
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      // The gateway does not start without one, and a reload keeps the old one when refused.
      supergraph: 'loaded',
      subgraphs: Object.fromEntries(checks.map((c) => [c.name, c.ready ? 'ok' : 'unavailable'])),
      // A subgraph not yet called has no breaker: its circuit is closed.
      circuits: Object.fromEntries(checks.map((c) => [c.name, states[c.name] ?? 'closed'])),
    });
  });
  return { name: 'readiness', routes };
}
