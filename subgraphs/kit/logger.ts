import { trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';

/** `json`: one JSON object a line, for a log collector. `text`: `[customs] message`, for a console. */
export type LogFormat = 'json' | 'text';
export const LOG_FORMATS: readonly LogFormat[] = ['json', 'text'];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The seam a subgraph (and the gateway) logs through: a line, how grave it is, and the id of the
 * request it is about when the caller has one at hand (a subgraph names it so; the gateway's log
 * also finds it on its own).
 */
export type Log = ((
  msg: string,
  level?: 'error' | 'warn' | 'info' | 'debug',
  requestId?: string,
) => void) & {
  /** True when `debug` lines are written: per-request lines are made only then. */
  debugEnabled?: boolean;
};

export interface LogSettings {
  level: string;
  format: LogFormat;
}

/** `LOG_LEVEL` (default `info`) and `LOG_FORMAT` (default `json`), checked. */
export function logSettingsFrom(env: NodeJS.ProcessEnv): LogSettings {
  const level = env.LOG_LEVEL || 'info';
  const format = env.LOG_FORMAT || 'json';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  if (!(LOG_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}, got "${format}"`);
  }
  return { level, format: format as LogFormat };
}

/**
 * A structured log (pino), a subgraph's or the gateway's: a line about a request carries its id
 * (`requestId`: given with the line, or read through `requestId`, the gateway's own way of knowing
 * the request being served) and, when it is traced, its `traceId`.
 */
export function createLogger(
  name: string,
  settings: LogSettings,
  destination: DestinationStream = settings.format === 'text'
    ? textLines(process.stdout)
    : pino.destination(1),
  requestId: () => string | undefined = () => undefined,
): Logger {
  return pino(
    {
      name,
      level: settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => requestFields(requestId()),
    },
    destination,
  );
}

/** What a line knows of the request being served: nothing outside one. */
function requestFields(requestId: string | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (requestId) fields.requestId = requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && trace.isSpanContextValid(span)) fields.traceId = span.traceId;
  return fields;
}

/** The `Log` seam over a pino logger. */
export function logTo(logger: Logger): Log {
  const log: Log = (msg, level = 'info', requestId) =>
    requestId ? logger[level]({ requestId }, msg) : logger[level](msg);
  log.debugEnabled = logger.isLevelEnabled('debug');
  return log;
}

/** `[customs] message (request id)`: the lines `npm start` prints, as readable as plain text. */
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
