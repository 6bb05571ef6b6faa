import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLSchema } from 'graphql';
import { splitSecurityDirectives } from '../../gateway/authorization/security-directives';
import { projectRoot } from '../../subgraphs/kit';

/** The committed supergraph, schema/supergraph.graphql. */
export function readSupergraph(): string {
  return readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
}

/**
 * The gateway's API schema: what clients see and validate against, the supergraph without its
 * join and link machinery, as @apollo/gateway derives it (from the supergraph without the
 * authorization directives, as the gateway serves it).
 */
export async function loadApiSchema(supergraphSdl = readSupergraph()): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({
    supergraphSdl: splitSecurityDirectives(supergraphSdl).gatewaySdl,
  });
  try {
    return (await gateway.load()).schema;
  } finally {
    await gateway.stop();
  }
}
