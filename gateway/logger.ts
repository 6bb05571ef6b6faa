import type { DestinationStream, Logger } from 'pino';
import { createLogger as createKitLogger, LogSettings } from '../subgraphs/kit/logger';
import { currentRequestId } from './request-id';

// One structured log for the gateway and the subgraphs (the kit's, domain-free): the same line
// format, levels and settings everywhere.
export { LOG_FORMATS, LOG_LEVELS, logTo, textLines } from '../subgraphs/kit/logger';
export type { Log, LogFormat, LogSettings } from '../subgraphs/kit/logger';

/**
 * The gateway's structured log: each line carries the id of the request it is about (the
 * gateway's own `x-request-id`) and, when the request is traced, its `traceId`, so that a line, a
 * client's error report and a trace can be matched.
 */
export function createLogger(
  name: string,
  settings: LogSettings,
  destination?: DestinationStream,
): Logger {
  return createKitLogger(name, settings, destination, currentRequestId);
}
