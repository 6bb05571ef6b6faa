import { explorerRouter } from '../explorer/explorer';
import { FULL_PICTURE_QUERY } from '../explorer/full-picture-query';
import type { GatewayPlugin } from './gateway-plugin';

export interface ExplorerOptions {
  /** Preloaded in the editor; the contract's full picture of a shipment by default. */
  query?: string;
  /** Preloaded as `$awb` when the query takes one. */
  awb?: string;
}

/** The AWB preloaded as `$awb` unless configured: the cell-therapy showcase shipment of the demo. */
export const DEFAULT_EXPLORER_AWB = '999-31415926';

/** The offline explorer (GraphiQL) at `GET /`, its assets under `/explorer/`. */
export function explorerPlugin(options: ExplorerOptions = {}): GatewayPlugin {
  return {
    name: 'explorer',
    routes: explorerRouter({
      query: options.query ?? FULL_PICTURE_QUERY,
      awb: options.awb ?? DEFAULT_EXPLORER_AWB,
    }),
  };
}
