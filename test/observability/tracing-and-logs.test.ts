import { randomBytes } from 'node:crypto';
import { expectData, graphql, UNREACHABLE_URL } from '../support/graphql';
import { createDemoDatabase, TestDatabase } from '../support/test-database';
import {
  buildPrograms,
  Collector,
  ExportedSpan,
  LogLine,
  Program,
  startCollector,
  startProgram,
} from './programs';

/**
 * The gateway and the airports subgraph as the compiled programs `npm start` runs, each in a
 * process of its own (each registers its own tracer provider, as in production), exporting to a
 * real OTLP/HTTP endpoint the test runs.
 */
const AIRPORT = 'query ObsTrace($code: ID!) { airport(iataCode: $code) { iataCode name } }';
const OTHER_SUBGRAPHS = {
  CUSTOMS_URL: UNREACHABLE_URL,
  DRUGS_URL: UNREACHABLE_URL,
  ROUTES_URL: UNREACHABLE_URL,
};

async function startPair(
  db: TestDatabase,
  env: Record<string, string>,
): Promise<{ gateway: Program; airports: Program }> {
  const airports = await startProgram('subgraphs/airports/main.js', [], {
    ...env,
    AIRPORTS_DATABASE_URL: db.url,
    PORT: '0',
  });
  const gateway = await startProgram(
    'gateway/main.js',
    ['--supergraph', 'schema/supergraph.graphql', '--port', '0'],
    { ...env, ...OTHER_SUBGRAPHS, AIRPORTS_URL: airports.url },
  );
  return { gateway, airports };
}

/** A client's W3C trace context: its trace and the id of its own span. */
function clientTrace(): { traceId: string; spanId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

const linesAbout = (program: Program, requestId: string) =>
  program.lines.filter((l) => l.requestId === requestId);

describe('tracing and structured logs across processes', () => {
  let db: TestDatabase;
  let collector: Collector;
  beforeAll(async () => {
    buildPrograms();
    db = await createDemoDatabase();
    collector = await startCollector();
  }, 180_000);
  afterAll(async () => {
    await collector?.close();
    await db?.drop();
  });

  describe('with an OTLP endpoint', () => {
    const client = clientTrace();
    const requestId = 'obs-traced-request';
    let gateway: Program;
    let airports: Program;
    let spans: ExportedSpan[];
    beforeAll(async () => {
      ({ gateway, airports } = await startPair(db, {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
        LOG_LEVEL: 'debug',
      }));
      expectData(
        await graphql(
          gateway.url,
          AIRPORT,
          { code: 'PEK' },
          {
            traceparent: client.traceparent,
            'x-request-id': requestId,
          },
        ),
      );
      // Stopping flushes each exporter's batch: every span is at the collector when they exit.
      expect(await gateway.stop()).toBe(0);
      expect(await airports.stop()).toBe(0);
      spans = collector.spans.filter((s) => s.traceId === client.traceId);
    }, 120_000);

    const one = (match: (s: ExportedSpan) => boolean, what: string) => {
      const found = spans.filter(match);
      if (found.length !== 1) {
        throw new Error(`${found.length} spans ${what} in ${JSON.stringify(spans, null, 1)}`);
      }
      return found[0];
    };

    it("continues the caller's trace: gateway → subgraph fetch → subgraph → SQL, each the parent of the next", () => {
      const gatewayRequest = one(
        (s) => s.service === 'tradegraph-gateway' && s.scope === 'tradegraph-gateway',
        "of the gateway's request",
      );
      expect(gatewayRequest).toMatchObject({ name: 'POST /graphql', parentSpanId: client.spanId });
      expect(gatewayRequest.attributes['tradegraph.request_id']).toBe(requestId);

      const fetch = one(
        (s) => s.service === 'tradegraph-gateway' && s.name === 'gateway.fetch',
        'of the fetch',
      );
      // @apollo/gateway's own spans nest under the request: the fetch descends from it.
      const ancestors = (span: ExportedSpan): string[] => {
        const parent = spans.find((s) => s.spanId === span.parentSpanId);
        return parent ? [parent.spanId, ...ancestors(parent)] : [];
      };
      expect(ancestors(fetch)).toContain(gatewayRequest.spanId);

      const subgraphRequest = one(
        (s) =>
          s.service === 'tradegraph-airports' &&
          s.scope === 'tradegraph-subgraph' &&
          s.name === 'POST /graphql',
        "of the subgraph's request",
      );
      expect(subgraphRequest.parentSpanId).toBe(fetch.spanId);
      expect(subgraphRequest.attributes['tradegraph.subgraph']).toBe('airports');

      const sql = one(
        (s) => s.service === 'tradegraph-airports' && s.name.startsWith('pg.query'),
        'of SQL',
      );
      expect(sql).toMatchObject({ name: 'pg.query:SELECT', parentSpanId: subgraphRequest.spanId });
      expect(sql.attributes['db.query.text']).toContain('airports.');
      expect(sql.attributes['db.system.name']).toBe('postgresql');
    });

    it('puts the request id and trace id into the log lines of both programs', () => {
      for (const program of [gateway, airports]) {
        const about = linesAbout(program, requestId);
        expect(about.length).toBeGreaterThanOrEqual(1);
        for (const line of about) {
          expect(line.traceId).toBe(client.traceId);
          expect(Number.isNaN(Date.parse(line.time))).toBe(false);
        }
      }
      const answered = (program: Program) =>
        linesAbout(program, requestId).filter((l) => l.msg.startsWith('operation '));
      expect(answered(gateway)).toEqual([
        expect.objectContaining({
          level: 'debug',
          msg: expect.stringMatching(/^operation ObsTrace answered in \d+ ms$/),
        }),
      ]);
      expect(answered(airports)).toEqual([
        expect.objectContaining({
          level: 'debug',
          msg: expect.stringMatching(/^operation ObsTrace__airports__0 answered in \d+ ms$/),
        }),
      ]);
      // Lines not about a request carry no request id: the start and stop lines.
      expect(gateway.lines.find((l: LogLine) => l.msg === 'stopped')).toMatchObject({
        name: 'gateway',
        level: 'info',
      });
      expect(gateway.lines.find((l) => l.msg === 'stopped')?.requestId).toBeUndefined();
    });
  });

  describe('without an OTLP endpoint', () => {
    it('starts no tracing: nothing is exported, no trace id is read or logged', async () => {
      const before = collector.requests.length;
      const requestId = 'obs-untraced-request';
      const { gateway, airports } = await startPair(db, {
        // Empty counts as unset, like every other variable.
        OTEL_EXPORTER_OTLP_ENDPOINT: '',
        LOG_LEVEL: 'debug',
      });
      try {
        expectData(
          await graphql(
            gateway.url,
            AIRPORT,
            { code: 'PKX' },
            {
              traceparent: clientTrace().traceparent,
              'x-request-id': requestId,
            },
          ),
        );
      } finally {
        expect(await gateway.stop()).toBe(0);
        expect(await airports.stop()).toBe(0);
      }
      expect(collector.requests.length).toBe(before);
      for (const program of [gateway, airports]) {
        expect(program.lines.some((l) => l.msg.startsWith('exporting traces'))).toBe(false);
        const about = linesAbout(program, requestId);
        expect(about.length).toBeGreaterThanOrEqual(1);
        for (const line of about) expect(line.traceId).toBeUndefined();
      }
    }, 120_000);
  });
});
