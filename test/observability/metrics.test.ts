import { BoundedLabel, metricsPlugin } from '../../gateway/plugins/metrics';
import { startGateway } from '../../gateway/server';
import { section } from '../readme/readme';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectData, expectError, graphql, UNREACHABLE_URL } from '../support/graphql';
import { find, samplesOf, scrape, value } from './prometheus';

const AIRPORT = 'query ObsAirport($code: ID!) { airport(iataCode: $code) { iataCode name } }';

describe('Prometheus metrics of a running federation', () => {
  let fed: Federation;
  beforeAll(async () => {
    // Without the response cache: every operation here is planned and fetched (the cache's own
    // counter is test/gateway/response-cache.test.ts's).
    fed = await startFederation({ gateway: { responseCache: { enabled: false } } });
    // Two answered, one refused by the airports subgraph, one that does not parse.
    for (let i = 0; i < 2; i++) expectData(await fed.graphql(AIRPORT, { code: 'PEK' }));
    expectError(await fed.graphql(AIRPORT, { code: 'not-iata' }), 'BAD_USER_INPUT');
    expectError(await fed.graphql('query Broken { airport('), 'GRAPHQL_PARSE_FAILED');
    // The first test file of a run builds the demo template: slower on a busy machine.
  }, 180_000);
  afterAll(() => fed?.stop());

  it('counts the gateway operations by name and outcome, and times them', async () => {
    const samples = await scrape(fed.gateway.url);
    const ok = { operation: 'ObsAirport', outcome: 'ok' };
    expect(value(samples, 'tradegraph_gateway_requests_total', ok)).toBe(2);
    expect(value(samples, 'tradegraph_gateway_request_duration_seconds_count', ok)).toBe(2);
    expect(value(samples, 'tradegraph_gateway_request_duration_seconds_sum', ok)).toBeGreaterThan(
      0,
    );
    // The refused code leaves `airport: null`: data with an error.
    expect(
      value(samples, 'tradegraph_gateway_requests_total', {
        operation: 'ObsAirport',
        outcome: 'partial',
      }),
    ).toBe(1);
    // A document that does not parse has no operation: its made-up name is not a series.
    expect(
      value(samples, 'tradegraph_gateway_requests_total', {
        operation: 'invalid',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(find(samples, 'tradegraph_gateway_requests_total', { operation: 'Broken' })).toEqual([]);
  });

  it('counts the errors clients got by code', async () => {
    const samples = await scrape(fed.gateway.url);
    expect(value(samples, 'tradegraph_gateway_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(
      value(samples, 'tradegraph_gateway_errors_total', { code: 'GRAPHQL_PARSE_FAILED' }),
    ).toBe(1);
  });

  it('times subgraph fetches by subgraph and outcome', async () => {
    const samples = await scrape(fed.gateway.url);
    const fetches = 'tradegraph_gateway_subgraph_fetch_duration_seconds_count';
    expect(value(samples, fetches, { subgraph: 'airports', outcome: 'ok' })).toBe(2);
    expect(value(samples, fetches, { subgraph: 'airports', outcome: 'graphql_error' })).toBe(1);
    expect(find(samples, fetches, { subgraph: 'customs' })).toEqual([]);
  });

  it('counts query-plan cache hits and misses', async () => {
    const samples = await scrape(fed.gateway.url);
    // Same document and name three times: planned once (the unparsable one never gets there).
    expect(value(samples, 'tradegraph_gateway_query_plan_cache_total', { result: 'miss' })).toBe(1);
    expect(value(samples, 'tradegraph_gateway_query_plan_cache_total', { result: 'hit' })).toBe(2);
  });

  it("counts a subgraph's operations and errors, its pool and its statements", async () => {
    const airports = fed.subgraphs.find((s) => s.name === 'airports')!;
    const samples = await scrape(airports.url);
    const requests = find(samples, 'tradegraph_subgraph_requests_total', {
      subgraph: 'airports',
    });
    // The gateway names its fetch after the client's operation.
    expect(requests.filter((s) => s.labels.operation.startsWith('ObsAirport__airports'))).toEqual([
      expect.objectContaining({ labels: expect.objectContaining({ outcome: 'ok' }), value: 2 }),
      expect.objectContaining({
        labels: expect.objectContaining({ outcome: 'partial' }),
        value: 1,
      }),
    ]);
    expect(
      value(samples, 'tradegraph_subgraph_errors_total', {
        subgraph: 'airports',
        code: 'BAD_USER_INPUT',
      }),
    ).toBe(1);
    const pool = (state: string) =>
      value(samples, 'tradegraph_db_pool_clients', { subgraph: 'airports', state });
    expect(pool('total')).toBeGreaterThanOrEqual(1);
    expect(pool('idle')).toBeLessThanOrEqual(pool('total'));
    expect(pool('waiting')).toBe(0);
    // Two answers, one statement each; the refused code never reached SQL, nor did anything else.
    expect(
      value(samples, 'tradegraph_db_statement_duration_seconds_count', {
        subgraph: 'airports',
        outcome: 'ok',
      }),
    ).toBe(2);
    // The process's own metrics come along (once: every server here shares the process).
    expect(find(samples, 'process_cpu_user_seconds_total')).toHaveLength(1);
  });

  it('serves every metric the README lists, and the README lists every one of ours', async () => {
    const exposed = async (url: string) =>
      [
        ...(await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text()).matchAll(
          /^# TYPE (tradegraph_\w+) /gm,
        ),
      ].map((m) => m[1]);
    const served = new Set([
      ...(await exposed(fed.gateway.url)),
      ...(await exposed(fed.subgraphs[0].url)),
    ]);
    const listed = new Set(section('Metrics, traces and logs').match(/\btradegraph_\w+/g));
    expect([...listed].sort()).toEqual([...served].sort());
  });

  it('keeps each server in a registry of its own', async () => {
    const customs = fed.subgraphs.find((s) => s.name === 'customs')!;
    const samples = await scrape(customs.url);
    expect(find(samples, 'tradegraph_subgraph_requests_total')).toEqual([]);
    expect(find(samples, 'tradegraph_db_pool_clients', { subgraph: 'customs' })).toHaveLength(3);
  });
});

describe("a subgraph's circuit at the gateway", () => {
  it('is shown open once the breaker opens on failed fetches', async () => {
    const gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      subgraphUrls: { airports: UNREACHABLE_URL },
      breakerFailures: 1,
      // Stays open for the whole test, however slow the machine.
      breakerCoolDownMs: 600_000,
      subgraphRetries: 0,
      log: () => undefined,
    });
    try {
      expectError(await graphql(gateway.url, AIRPORT, { code: 'PEK' }), 'SUBGRAPH_UNAVAILABLE');
      const samples = await scrape(gateway.url);
      expect(value(samples, 'tradegraph_gateway_circuit_state', { subgraph: 'airports' })).toBe(2);
      expect(
        value(samples, 'tradegraph_gateway_subgraph_fetch_duration_seconds_count', {
          subgraph: 'airports',
          outcome: 'SUBGRAPH_UNAVAILABLE',
        }),
      ).toBe(1);
      // Refused without a fetch while the circuit is open: counted under its own outcome.
      expectError(await graphql(gateway.url, AIRPORT, { code: 'PEK' }), 'SUBGRAPH_CIRCUIT_OPEN');
      expect(
        value(
          await scrape(gateway.url),
          'tradegraph_gateway_subgraph_fetch_duration_seconds_count',
          {
            subgraph: 'airports',
            outcome: 'SUBGRAPH_CIRCUIT_OPEN',
          },
        ),
      ).toBe(1);
    } finally {
      await gateway.stop();
    }
  });
});

describe('the gateway metrics plugin', () => {
  it("shows the circuit breaker's state of each subgraph", async () => {
    const metrics = metricsPlugin();
    metrics.circuitStateChanged('customs', 'open');
    metrics.circuitStateChanged('drugs', 'half-open');
    metrics.circuitStateChanged('drugs', 'closed');
    const samples = samplesOf(await metrics.registry.metrics());
    expect(value(samples, 'tradegraph_gateway_circuit_state', { subgraph: 'customs' })).toBe(2);
    expect(value(samples, 'tradegraph_gateway_circuit_state', { subgraph: 'drugs' })).toBe(0);
    // Another gateway in the same process has its own registry.
    const other = samplesOf(await metricsPlugin().registry.metrics());
    expect(find(other, 'tradegraph_gateway_circuit_state')).toEqual([]);
  });

  it('bounds the label values clients choose', () => {
    const label = new BoundedLabel(2);
    expect(['A', 'B', 'C', 'A', 'bad name', 'x'.repeat(65)].map((v) => label.of(v))).toEqual([
      'A',
      'B',
      'other',
      'A',
      'other',
      'other',
    ]);
  });
});
