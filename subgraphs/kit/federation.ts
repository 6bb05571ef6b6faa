import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import {
  BuildSchemaOptions,
  buildSchema,
  createResolversMap,
  getMetadataStorage,
} from 'type-graphql';
import { CACHE_CONTROL_DEFINITIONS, usesCacheHints } from './cache-hints';
import { asResolverMap, ReferenceResolvers } from './references';
import { scalars } from './scalars';

// 2.9: the demand-control directives `@cost` and `@listSize`.
export const FEDERATION_VERSION = 'https://specs.apollo.dev/federation/v2.9';

const FEDERATION_DIRECTIVES = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@tag',
  '@override',
  '@cost',
  '@listSize',
  // Field authorization (federation v2.5+): declared where the data is owned, enforced by the
  // gateway (gateway/plugins/authorization.ts) or by any router that reads them.
  '@authenticated',
  '@requiresScopes',
];

/**
 * type-graphql's documented performance option, `@Field({ simple: true })`, wherever it changes
 * nothing but the cost: a plain property field is then read by graphql-js's default resolver
 * instead of through type-graphql's per-field wrapper (an object and a middleware dispatch for
 * every field of every row, most of a subgraph's resolver time on a page of pictures). Only where
 * the wrapper has no work: no middleware or `@Authorized` on the field, none global, no auth
 * checker, and the property named as the field. A field that states `simple` keeps its choice.
 */
function plainFieldsSimple(options: Omit<BuildSchemaOptions, 'skipCheck' | 'scalarsMap'>): void {
  if (options.globalMiddlewares?.length || options.authChecker) return;
  for (const field of getMetadataStorage().fields) {
    if (field.simple !== undefined || field.middlewares?.length || field.roles !== undefined)
      continue;
    if (field.name === field.schemaName) field.simple = true;
  }
}

/**
 * A field resolver's `@Root()` is the object its parent resolved, as it is. type-graphql would
 * otherwise copy it into a new instance of the declared entity class (`convertToType`) for every
 * field of every row, since the loaders return plain rows: an allocation and a copy of every
 * property per resolved field (3 % of customs' CPU on a page, and its garbage). The copy could add
 * nothing: entity classes are plain data, no methods, accessors or initial values
 * (`test/kit/federation.test.ts` checks every agency's).
 */
function rootsAsResolved(): void {
  for (const param of getMetadataStorage().params) {
    if (param.kind === 'root' && !param.propertyName) param.getType = undefined;
  }
}

/**
 * type-graphql classes → an Apollo federation v2 subgraph schema. type-graphql builds the schema
 * (skipping its own check, since `_Entity` and friends do not exist yet); its SDL is printed with
 * the `@key`/`@shareable`/... directives the classes carry, the federation `@link` is prepended,
 * and `buildSubgraphSchema` adds `_service` and `_entities`, with the `__resolveReference`
 * resolvers merged in.
 */
export async function buildFederatedSchema<C>(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'scalarsMap'>,
  referenceResolvers: ReferenceResolvers<C> = {},
): Promise<GraphQLSchema> {
  plainFieldsSimple(options);
  rootsAsResolved();
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    validate: false,
    scalarsMap: [{ type: Date, scalar: scalars.DateTime }],
  });
  const link = `extend schema @link(url: "${FEDERATION_VERSION}", import: [${FEDERATION_DIRECTIVES.map((d) => `"${d}"`).join(', ')}])`;
  const sdl = printSchemaWithDirectives(schema);
  // Only a schema that gives cache hints declares the directive: the others stay as they were.
  const hints = usesCacheHints(sdl) ? CACHE_CONTROL_DEFINITIONS : '';
  const typeDefs = parse(`${link}\n\n${hints}\n${sdl}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, fields] of Object.entries(asResolverMap(referenceResolvers))) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
