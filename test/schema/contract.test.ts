import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  ObjectTypeDefinitionNode,
  parse,
  print,
} from 'graphql';
import { loadApiSchema, readSupergraph } from './api-schema';

/**
 * The promise to clients: every type, field, argument, nullability, enum value and key of
 * shared/schema-contract.md (copied to contract.graphql) exists at the gateway exactly as written.
 */

const supergraphSdl = readSupergraph();
const contract = parse(readFileSync(join(__dirname, 'contract.graphql'), 'utf8'));

let api: GraphQLSchema;
beforeAll(async () => {
  api = await loadApiSchema(supergraphSdl);
});

type ContractCase = [string, string, string];

function fieldCases(): ContractCase[] {
  const cases: ContractCase[] = [];
  for (const def of contract.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION)
      continue;
    for (const field of def.fields ?? []) {
      const args =
        'arguments' in field && field.arguments?.length
          ? `(${field.arguments.map((a) => `${a.name.value}: ${print(a.type)}${a.defaultValue ? ` = ${print(a.defaultValue)}` : ''}`).join(', ')})`
          : '';
      cases.push([def.name.value, field.name.value, `${args}: ${print(field.type)}`]);
    }
  }
  return cases;
}

describe('the public schema contract at the gateway', () => {
  it.each(fieldCases())('%s.%s is %s', (typeName, fieldName, signature) => {
    const type = api.getType(typeName) as GraphQLObjectType | GraphQLInputObjectType | undefined;
    expect(type).toBeDefined();
    const field = type!.getFields()[fieldName];
    expect(field).toBeDefined();
    const expectedArgs = /^\((.*)\): /.exec(signature)?.[1]?.split(', ') ?? [];
    const actualArgs = 'args' in field ? field.args : [];
    // Every promised argument exists with its type and default (extra optional ones may follow).
    for (const expected of expectedArgs) {
      const [name] = expected.split(':');
      const arg = actualArgs.find((a) => a.name === name);
      expect(
        arg &&
          `${arg.name}: ${arg.type}${arg.defaultValue !== undefined ? ` = ${JSON.stringify(arg.defaultValue)}` : ''}`,
      ).toBe(expected.replace(/= (true|false)$/, '= $1'));
    }
    for (const extra of actualArgs.filter(
      (a) => !expectedArgs.some((e) => e.startsWith(`${a.name}:`)),
    )) {
      expect(`${extra.name} is optional: ${String(extra.type).endsWith('!')}`).toBe(
        `${extra.name} is optional: false`,
      );
    }
    expect(String(field.type)).toBe(signature.replace(/^\(.*\): /, '').replace(/^: /, ''));
  });

  it.each(
    contract.definitions.flatMap((def) =>
      def.kind === Kind.ENUM_TYPE_DEFINITION
        ? [[def.name.value, (def.values ?? []).map((v) => v.name.value)] as const]
        : [],
    ),
  )('enum %s has exactly the promised values', (name, values) => {
    const type = api.getType(name) as GraphQLEnumType;
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual([...values].sort());
  });

  it.each(
    contract.definitions.flatMap((def) => {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
      const key = (def as ObjectTypeDefinitionNode).directives?.find((d) => d.name.value === 'key');
      const fields = key?.arguments?.find((a) => a.name.value === 'fields')?.value;
      return fields && fields.kind === Kind.STRING ? [[def.name.value, fields.value] as const] : [];
    }),
  )('entity %s is keyed by "%s" in the supergraph', (typeName, key) => {
    const typeBlock = new RegExp(`type ${typeName}\\n((?:\\s+@join__type\\([^)]*\\)\\n)+)`).exec(
      supergraphSdl,
    );
    expect(typeBlock?.[1]).toContain(`key: "${key}"`);
  });

  const PROMISED_CONNECTIONS = [
    'ShipmentConnection',
    'RouteConnection',
    'DrugApprovalConnection',
    'ConsolidatedImportConnection',
  ];

  it('has every promised connection, and every connection type is checked below', () => {
    const connections = Object.keys(api.getTypeMap()).filter((name) => name.endsWith('Connection'));
    expect(connections).toEqual(expect.arrayContaining(PROMISED_CONNECTIONS));
    expect(connections.sort()).toEqual(connectionTypes().sort());
  });

  /** Every `…Connection` type the composed supergraph declares (the API schema has the same). */
  function connectionTypes(): string[] {
    return [...supergraphSdl.matchAll(/^type (\w+Connection)\b/gm)].map((m) => m[1]);
  }

  it.each(connectionTypes())(
    '%s is a Relay connection with nodes, edges, the Relay PageInfo and totalCount',
    (name) => {
      const type = api.getType(name) as GraphQLObjectType;
      const fields = type.getFields();
      const node = name.replace(/Connection$/, '');
      expect(String(fields.nodes.type)).toBe(`[${node}!]!`);
      expect(String(fields.edges.type)).toBe(`[${node}Edge!]!`);
      expect(String(fields.pageInfo.type)).toBe('PageInfo!');
      expect(String(fields.totalCount.type)).toBe('Int!');
      const edge = (api.getType(`${node}Edge`) as GraphQLObjectType).getFields();
      expect(String(edge.cursor.type)).toBe('String!');
      expect(String(edge.node.type)).toBe(`${node}!`);
      const pageInfo = (api.getType('PageInfo') as GraphQLObjectType).getFields();
      expect(
        Object.fromEntries(Object.values(pageInfo).map((f) => [f.name, String(f.type)])),
      ).toEqual({
        hasNextPage: 'Boolean!',
        hasPreviousPage: 'Boolean!',
        startCursor: 'String',
        endCursor: 'String',
      });
    },
  );

  it.each(
    contract.definitions.flatMap((def) =>
      def.kind === Kind.OBJECT_TYPE_DEFINITION && def.name.value === 'Query'
        ? (def.fields ?? [])
            .filter((f) => print(f.type).endsWith('Connection!'))
            .map((f) => f.name.value)
        : [],
    ),
  )('Query.%s pages both ways: first/after and last/before', (fieldName) => {
    const args = (api.getType('Query') as GraphQLObjectType).getFields()[fieldName].args;
    expect(Object.fromEntries(args.map((a) => [a.name, String(a.type)]))).toMatchObject({
      first: 'Int',
      after: 'String',
      last: 'Int',
      before: 'String',
    });
  });
});
