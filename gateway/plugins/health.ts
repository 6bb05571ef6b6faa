import express from 'express';
import type { GatewayPlugin } from './gateway-plugin';

/** Liveness: the process answers. Says nothing about the subgraphs (that is `/ready`). */
export function healthPlugin(): GatewayPlugin {
  const routes = express.Router();
  routes.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return { name: 'health', routes };
}
