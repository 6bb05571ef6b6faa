import type { GatewayContext } from '../subgraph-data-source';
import { deadlineIn } from '../subgraph-client';
import type { GatewayPlugin } from './gateway-plugin';

export const DEFAULT_REQUEST_DEADLINE_MS = 30_000;

/**
 * The request deadline (`REQUEST_DEADLINE_MS`): each operation gets a time budget when Apollo
 * starts on it, and the subgraph client sends no fetch after it has run out (each fetch's own
 * timeout is cut to what is left). A plan of several fetches in sequence, each within its
 * subgraph's timeout, is then still bounded as a whole.
 */
export function requestDeadlinePlugin(budgetMs: number): GatewayPlugin {
  return {
    name: 'request-deadline',
    apolloPlugins: [
      {
        async requestDidStart({ contextValue }) {
          (contextValue as GatewayContext).deadline = deadlineIn(budgetMs);
        },
      },
    ],
  };
}
