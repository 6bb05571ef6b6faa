import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Identity } from '../identity';
import { CostDirectives, costDirectivesOf, estimateCost } from '../limits/cost-estimator';
import type { GatewayContext } from '../subgraph-data-source';
import type { GatewayPlugin } from './gateway-plugin';

/** The request header that asks for the estimate in the response's `extensions.cost`. */
export const COST_HEADER = 'x-tradegraph-cost';

export const COST_ESTIMATED_TOO_EXPENSIVE = 'COST_ESTIMATED_TOO_EXPENSIVE';

/** The scope whose holders (officers, agency analysts) get the larger budget. */
export const TRADE_READ_SCOPE = 'trade:read';

export interface DemandControlOptions {
  /** The budget of any caller: estimates above it are refused before planning. */
  maxCost: number;
  /** The budget of a caller holding `trade:read`, who may export pages of full pictures. */
  maxCostTradeRead: number;
  /** Size of a list the supergraph's `@listSize` says nothing about. */
  defaultListSize: number;
}

/**
 * Budgets sized on this schema's estimates (`test/security/limits-cost.test.ts` holds them): one
 * full picture is about 1,400, a page of 1,000 full pictures (the analysts' export) about 1.4
 * million, the README's other queries at most a few hundred. Any caller may ask for a page of 200
 * full pictures (of the shipments it may see); `trade:read` for two 1,000-picture exports. Lists
 * the subgraphs give no `@listSize` (a shipment's legs, declarations, items) count 10 elements.
 */
export const DEFAULT_DEMAND_CONTROL: DemandControlOptions = {
  maxCost: 300_000,
  maxCostTradeRead: 3_000_000,
  defaultListSize: 10,
};

const NO_DIRECTIVES: CostDirectives = {
  fieldWeight: new Map(),
  typeWeight: new Map(),
  listSize: new Map(),
};

/**
 * Demand control: every operation's cost is estimated from the supergraph's `@cost`/`@listSize`
 * (read again on every supergraph reload) after validation and before the query plan runs, and
 * refused with COST_ESTIMATED_TOO_EXPENSIVE over the caller's budget, so no subgraph does any of
 * its work. A client that sends `x-tradegraph-cost: true` gets `extensions.cost` with the estimate
 * and its budget, to size its queries before they are refused.
 */
export function demandControlPlugin(options: DemandControlOptions): GatewayPlugin {
  let directives = NO_DIRECTIVES;
  const budgetOf = (identity: Identity | undefined) =>
    identity?.scopes.has(TRADE_READ_SCOPE) ? options.maxCostTradeRead : options.maxCost;

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          directives = coreSupergraphSdl ? costDirectivesOf(coreSupergraphSdl) : NO_DIRECTIVES;
        },
      };
    },
    async requestDidStart({ request }) {
      const asked = request.http?.headers.get(COST_HEADER) === 'true';
      let cost: { estimated: number; max: number } | undefined;
      return {
        async didResolveOperation({ schema, document, operationName, contextValue }) {
          const estimated = estimateCost({
            schema,
            document,
            operationName,
            variables: request.variables,
            directives,
            defaultListSize: options.defaultListSize,
          });
          cost = { estimated, max: budgetOf(contextValue.identity) };
          if (estimated > cost.max) {
            throw new GraphQLError(
              `the query's estimated cost is ${estimated}, over your budget of ${cost.max}: ask for smaller pages (first), fewer nested lists or fewer fields` +
                (cost.max < options.maxCostTradeRead ? ', or use a token with trade:read' : ''),
              {
                extensions: {
                  code: COST_ESTIMATED_TOO_EXPENSIVE,
                  cost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
        async willSendResponse({ response }) {
          if (!asked || !cost || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
  return { name: 'demand-control', apolloPlugins: [plugin] };
}
