import { gatewayConfig } from '../../gateway/config';
import { DEFAULT_DEMAND_CONTROL } from '../../gateway/plugins/demand-control';
import { DEFAULT_REQUEST_LIMITS } from '../../gateway/plugins/operation-limits';
import { airportsSubgraph } from '../../subgraphs/airports';
import { DEFAULT_SUBGRAPH_LIMITS, subgraphLimitsFromEnv } from '../../subgraphs/kit';
import { graphql } from '../support/graphql';
import { startSubgraphUnderTest } from '../support/subgraph';

/** The limits' settings: the gateway's from its configuration, a subgraph's from SUBGRAPH_MAX_*. */
describe('limit settings', () => {
  it("reads the gateway's limits and budgets, each defaulting", () => {
    const config = gatewayConfig([], {}, 'd');
    expect(config.limits).toEqual(DEFAULT_REQUEST_LIMITS);
    expect(config.demandControl).toEqual({
      maxCost: DEFAULT_DEMAND_CONTROL.maxCost,
      maxCostTradeRead: DEFAULT_DEMAND_CONTROL.maxCostTradeRead,
    });
    expect(config.introspection).toBeUndefined();
    const set = gatewayConfig(
      [],
      {
        MAX_BODY_BYTES: '2048',
        MAX_TOKENS: '500',
        MAX_DEPTH: '8',
        MAX_ALIASES: '3',
        MAX_ROOT_FIELDS: '2',
        MAX_QUERY_COST: '1000',
        MAX_QUERY_COST_TRADE_READ: '9000',
        INTROSPECTION: 'false',
      },
      'd',
    );
    expect(set).toMatchObject({
      limits: { maxBodyBytes: 2048, maxTokens: 500, maxDepth: 8, maxAliases: 3, maxRootFields: 2 },
      demandControl: { maxCost: 1000, maxCostTradeRead: 9000 },
      introspection: false,
    });
    expect(gatewayConfig([], { INTROSPECTION: 'true' }, 'd').introspection).toBe(true);
  });

  it('refuses a limit that is not a positive whole number, and an introspection that is not a boolean', () => {
    for (const name of ['MAX_BODY_BYTES', 'MAX_TOKENS', 'MAX_DEPTH', 'MAX_QUERY_COST']) {
      for (const bad of ['0', '-1', '1.5', 'many']) {
        expect(() => gatewayConfig([], { [name]: bad }, 'd')).toThrow(
          new RegExp(`${name} must be a whole number from 1 to`),
        );
      }
    }
    expect(() => gatewayConfig([], { INTROSPECTION: 'yes' }, 'd')).toThrow(
      /INTROSPECTION must be true or false/,
    );
  });

  describe('at a subgraph', () => {
    const saved = { ...process.env };
    afterEach(() => {
      delete process.env.SUBGRAPH_MAX_DEPTH;
      delete process.env.SUBGRAPH_MAX_TOKENS;
      delete process.env.INTROSPECTION;
      Object.assign(process.env, saved);
    });

    it('reads SUBGRAPH_MAX_*, each defaulting', () => {
      process.env.SUBGRAPH_MAX_DEPTH = '30';
      expect(subgraphLimitsFromEnv()).toEqual({ ...DEFAULT_SUBGRAPH_LIMITS, maxDepth: 30 });
      process.env.SUBGRAPH_MAX_TOKENS = 'lots';
      expect(() => subgraphLimitsFromEnv()).toThrow(/SUBGRAPH_MAX_TOKENS must be/);
    });

    it('turns introspection off with INTROSPECTION=false, and serves queries all the same', async () => {
      process.env.INTROSPECTION = 'false';
      const subgraph = await startSubgraphUnderTest(airportsSubgraph, {
        fixtures: async () => undefined,
      });
      try {
        const refused = await graphql(subgraph.url, '{ __schema { queryType { name } } }');
        expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(refused.errors?.[0].message).toMatch(/introspection/i);
        expect((await graphql(subgraph.url, '{ airports { iataCode } }')).data).toEqual({
          airports: [],
        });
      } finally {
        await subgraph.stop();
      }
    });
  });
});
