import { trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';
import { currentRequestId } from './request-id';

/** `json`: one JSON object a line, for a log collector. `text`: `[gateway] message`, for a console. */
export type LogFormat = 'json' | 'text';
export const LOG_FORMATS: readonly LogFormat[] = ['json', 'text'];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The seam every part of the gateway logs through: a line, and how grave it is. */
export type Log = ((msg: string, level?: 'error' | 'warn' | 'info' | 'debug') => void) & {
  /** True when `debug` lines are written: per-request lines are made only then. */
  debugEnabled?: boolean;
};

export interface LogSettings {
  level: string;
  format: LogFormat;
}

/**
 * The gateway's structured log (pino): each line carries the id of the request it is about
 * (`requestId`) and, when the request is traced, its `traceId`, so that a line, a client's error
 * report and a trace can be matched.
 */
export function createLogger(
  name: string,
  settings: LogSettings,
  destination: DestinationStream = settings.format === 'text'
    ? textLines(process.stdout)
    : pino.destination(1),
): Logger {
  return pino(
    {
      name,
      level: settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: requestFields,
    },
    destination,
  );
}

/** What a line knows of the request being served: nothing outside one. */
function requestFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) fields.requestId = requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && trace.isSpanContextValid(span)) fields.traceId = span.traceId;
  return fields;
}

/** The `Log` seam over a pino logger. */
export function logTo(logger: Logger): Log {
  const log: Log = (msg, level = 'info') => logger[level](msg);
  log.debugEnabled = logger.isLevelEnabled('debug');
  return log;
}

/**
 * `[gateway] message (request id)`: the lines `npm start` prints, as readable as before the log
 * was structured. Everything else a line holds is in the JSON format.
 */
export function textLines(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as {
        name: string;
        level: string;
        msg: string;
        requestId?: string;
      };
      const grave = entry.level === 'error' || entry.level === 'fatal' || entry.level === 'warn';
      out.write(
        `[${entry.name}] ${grave ? `${entry.level}: ` : ''}${entry.msg}${entry.requestId && !entry.msg.includes(entry.requestId) ? ` (request ${entry.requestId})` : ''}\n`,
      );
    },
  };
}
