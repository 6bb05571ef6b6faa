import type { ApolloServerPlugin } from '@apollo/server';
import type { Log } from './logger';
import { requestIdOf } from './request-id';

/**
 * One `debug` line per operation a subgraph answers (`LOG_LEVEL=debug`): its name (the
 * gateway's, e.g. `Picture__customs__0`), outcome and time, under the request id and trace id.
 * At the default level nothing is written per request.
 */
export function requestLogPlugin(log: Log): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
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
            requestIdOf(request.http?.headers),
          );
        },
      };
    },
  };
}
