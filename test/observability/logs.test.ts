import { Writable } from 'node:stream';
import { gatewayConfig } from '../../gateway/config';
import { createLogger as gatewayLogger, logTo, textLines } from '../../gateway/logger';
import { createLogger, logSettingsFrom, otlpTracesUrl } from '../../subgraphs/kit';

/** A stream that keeps what is written to it, line by line. */
function sink(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('log settings', () => {
  it('default to JSON at info; a level or format that does not exist is refused by name', () => {
    expect(logSettingsFrom({})).toEqual({ level: 'info', format: 'json' });
    expect(logSettingsFrom({ LOG_LEVEL: 'debug', LOG_FORMAT: 'text' })).toEqual({
      level: 'debug',
      format: 'text',
    });
    expect(() => logSettingsFrom({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => logSettingsFrom({ LOG_FORMAT: 'pretty' })).toThrow(/LOG_FORMAT must be one of/);
    expect(gatewayConfig([], {}, 'd').log).toEqual({ level: 'info', format: 'json' });
    expect(() => gatewayConfig([], { LOG_LEVEL: 'loud' }, 'd')).toThrow(/LOG_LEVEL must be one of/);
  });

  it('read the OTLP endpoint as the OpenTelemetry specification does; none, no tracing', () => {
    const endpoint = 'http://collector:4318/';
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      otlpTracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other/traces',
      }),
    ).toBe('http://other/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBeUndefined();
    expect(gatewayConfig([], { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, 'd').tracesUrl).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(gatewayConfig([], {}, 'd').tracesUrl).toBeUndefined();
  });
});

describe('log lines', () => {
  it('are JSON objects with level, time, name and message, at the level asked for', () => {
    const out = sink();
    const log = logTo(gatewayLogger('gateway', { level: 'info', format: 'json' }, out.stream));
    log('ready');
    log('subgraph down', 'warn');
    log('every operation', 'debug');
    const lines = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', name: 'gateway', msg: 'ready' }),
      expect.objectContaining({ level: 'warn', name: 'gateway', msg: 'subgraph down' }),
    ]);
    expect(Number.isNaN(Date.parse(String(lines[0].time)))).toBe(false);
    // Per-request lines are made only when debug lines are written.
    expect(log.debugEnabled).toBe(false);
  });

  it("read as text, are what `npm start` prints: the program's name, the message, the request", () => {
    const out = sink();
    const logger = createLogger(
      'customs',
      { level: 'debug', format: 'text' },
      textLines(out.stream),
    );
    logger.info('subgraph ready at http://127.0.0.1:4002/graphql');
    logger.child({ requestId: 'r-1' }).error('internal error');
    // A message that names its request already is not followed by the id a second time.
    logger.child({ requestId: 'r-2' }).warn('request r-2: the drugs subgraph failed');
    expect(out.lines).toEqual([
      '[customs] subgraph ready at http://127.0.0.1:4002/graphql',
      '[customs] error: internal error (request r-1)',
      '[customs] warn: request r-2: the drugs subgraph failed',
    ]);
  });
});
