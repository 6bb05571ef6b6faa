import { gatewayConfig } from '../../gateway/config';
import { subgraphsOf, urlOverride } from '../../gateway/subgraph-urls';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../subgraphs/kit';

describe('gateway configuration', () => {
  it('takes flags over environment over defaults', () => {
    expect(gatewayConfig([], {}, 'default.graphql')).toMatchObject({
      supergraph: 'default.graphql',
      port: 4000,
      host: '127.0.0.1',
    });
    expect(gatewayConfig([], { PORT: '5000', SUPERGRAPH: 'env.graphql' }, 'd')).toMatchObject({
      supergraph: 'env.graphql',
      port: 5000,
    });
    expect(
      gatewayConfig(['--supergraph', 'flag.graphql', '--port', '6000'], { PORT: '5000' }, 'd'),
    ).toMatchObject({ supergraph: 'flag.graphql', port: 6000 });
  });

  it('takes the explorer query file from --explorer-query over EXPLORER_QUERY_FILE', () => {
    expect(gatewayConfig([], {}, 'd').explorerQueryFile).toBeUndefined();
    expect(gatewayConfig([], { EXPLORER_QUERY_FILE: 'env.graphql' }, 'd').explorerQueryFile).toBe(
      'env.graphql',
    );
    expect(
      gatewayConfig(
        ['--explorer-query', 'flag.graphql'],
        { EXPLORER_QUERY_FILE: 'env.graphql' },
        'd',
      ).explorerQueryFile,
    ).toBe('flag.graphql');
  });

  it('takes a subgraph timeout in milliseconds, minutes too, and refuses what is not one', () => {
    expect(gatewayConfig([], {}, 'd').subgraphTimeoutMs).toBe(3000);
    expect(gatewayConfig([], { SUBGRAPH_TIMEOUT_MS: '120000' }, 'd').subgraphTimeoutMs).toBe(
      120_000,
    );
    for (const bad of ['0', '-5', '2.5', 'ten']) {
      expect(() => gatewayConfig([], { SUBGRAPH_TIMEOUT_MS: bad }, 'd')).toThrow(
        /SUBGRAPH_TIMEOUT_MS must be a whole number from 1 to/,
      );
    }
  });

  it("takes a subgraph's own timeout from <NAME>_TIMEOUT_MS, and refuses what is not one", () => {
    const config = gatewayConfig(
      [],
      { CUSTOMS_TIMEOUT_MS: '1500', DRUGS_TIMEOUT_MS: '', SUBGRAPH_TIMEOUT_MS: '4000' },
      'd',
    );
    expect(config.subgraphTimeoutsMs).toEqual({ customs: 1500 });
    expect(config.subgraphTimeoutMs).toBe(4000);
    expect(() => gatewayConfig([], { ROUTES_TIMEOUT_MS: 'soon' }, 'd')).toThrow(
      /ROUTES_TIMEOUT_MS must be a whole number from 1 to/,
    );
  });

  it('takes the resilience settings, with their defaults, and refuses what is not one', () => {
    expect(gatewayConfig([], {}, 'd')).toMatchObject({
      requestDeadlineMs: 30_000,
      subgraphRetries: 2,
      breakerFailures: 5,
      breakerCoolDownMs: 2000,
      supergraphPollMs: 10_000,
    });
    expect(
      gatewayConfig(
        [],
        {
          REQUEST_DEADLINE_MS: '2500',
          SUBGRAPH_RETRIES: '0',
          SUBGRAPH_BREAKER_FAILURES: '3',
          SUBGRAPH_BREAKER_COOLDOWN_MS: '750',
          SUPERGRAPH_POLL_MS: '2000',
        },
        'd',
      ),
    ).toMatchObject({
      requestDeadlineMs: 2500,
      subgraphRetries: 0,
      breakerFailures: 3,
      breakerCoolDownMs: 750,
      supergraphPollMs: 2000,
    });
    expect(() => gatewayConfig([], { SUBGRAPH_RETRIES: '-1' }, 'd')).toThrow(/SUBGRAPH_RETRIES/);
    expect(() => gatewayConfig([], { SUBGRAPH_BREAKER_FAILURES: '0' }, 'd')).toThrow(
      /SUBGRAPH_BREAKER_FAILURES must be a whole number from 1/,
    );
    expect(() => gatewayConfig([], { REQUEST_DEADLINE_MS: '1.5' }, 'd')).toThrow(
      /REQUEST_DEADLINE_MS/,
    );
  });

  it('takes an empty variable as unset, as the rest of the project does', () => {
    expect(
      gatewayConfig(
        [],
        { PORT: '', SUPERGRAPH: '', SUBGRAPH_TIMEOUT_MS: '', CORS_ORIGINS: '' },
        'd',
      ),
    ).toMatchObject({ port: 4000, supergraph: 'd', subgraphTimeoutMs: 3000, corsOrigins: ['*'] });
  });

  it('explains a bad port or an unknown flag', () => {
    expect(() => gatewayConfig(['--port', 'abc'], {}, 'd')).toThrow(/port must be a whole number/);
    expect(() => gatewayConfig(['--nope'], {}, 'd')).toThrow(/usage: gateway/);
  });

  it('reads subgraph URLs from the committed supergraph, overridable per subgraph', () => {
    const sdl = readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
    const subgraphs = subgraphsOf(sdl);
    expect(subgraphs.map((s) => s.name).sort()).toEqual(['airports', 'customs', 'drugs', 'routes']);
    expect(subgraphs.find((s) => s.name === 'customs')?.url).toBe('http://127.0.0.1:4002/graphql');
    expect(urlOverride('customs', { CUSTOMS_URL: 'http://customs:4002/graphql' })).toBe(
      'http://customs:4002/graphql',
    );
    expect(urlOverride('customs', {})).toBeUndefined();
  });
});
