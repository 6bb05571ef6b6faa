import type { ApolloServerPlugin } from '@apollo/server';
import type { Log } from '../logger';
import type { GatewayPlugin } from './gateway-plugin';

/**
 * One `debug` line per operation answered (`LOG_LEVEL=debug`): its name, outcome and time. The
 * logger adds the request id and trace id, so that one request can be followed through the
 * gateway's and the subgraphs' logs. At the default level nothing is written per request.
 */
export function requestLogPlugin(log: Log): GatewayPlugin {
  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : {};
          const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'no code');
          log(
            `operation ${operationName ?? '(anonymous)'} answered in ${Math.round(
              performance.now() - started,
            )} ms${codes.length ? ` with errors ${[...new Set(codes)].join(', ')}` : ''}`,
            'debug',
          );
        },
      };
    },
  };
  return { name: 'request-log', apolloPlugins: [apolloPlugin] };
}
