import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GatewayPlugin } from './gateway-plugin';

type GatewayInterface = ApolloServerOptionsWithGateway<never>['gateway'];

/**
 * The gateway as Apollo Server sees it, with the plugins' executor wrappers around the executor
 * each (re)load returns; the gateway itself when no plugin wraps it.
 */
export function withExecutorWrappers(
  gateway: ApolloGateway,
  plugins: readonly GatewayPlugin[],
): GatewayInterface {
  const wrappers = plugins.flatMap((p) => (p.wrapExecutor ? [p.wrapExecutor] : []));
  if (wrappers.length === 0) return gateway;
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    load: async (options) => {
      const { executor } = await gateway.load(options);
      return { executor: wrappers.reduceRight((next, wrap) => wrap(next), executor) };
    },
  };
}
