import cors from 'cors';
import { REQUEST_ID_HEADER } from '../request-id';
import type { GatewayPlugin } from './gateway-plugin';

/**
 * Frontends on other origins call the API from browsers; Apollo's CSRF prevention still refuses
 * simple (non-JSON, header-less) cross-site requests.
 */
export function corsPlugin(origins: string[]): GatewayPlugin {
  return {
    name: 'cors',
    graphqlMiddleware: [
      cors({
        origin: origins.includes('*') ? true : origins,
        maxAge: 600,
        // A browser app reads the request id to quote it when it reports an error.
        exposedHeaders: [REQUEST_ID_HEADER],
      }),
    ],
  };
}
