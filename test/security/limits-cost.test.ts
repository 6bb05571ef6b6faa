import { buildSchema, Kind, parse, TypeNode } from 'graphql';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import {
  costDirectivesOf,
  estimateCost,
  MUTATION_WEIGHT,
} from '../../gateway/limits/cost-estimator';
import { COST_HEADER, DEFAULT_DEMAND_CONTROL } from '../../gateway/plugins/demand-control';
import { RunningGateway, startGateway } from '../../gateway/server';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { exampleOperations, fencedBlocks, section } from '../readme/readme';
import { committedSupergraph } from '../support/federation';
import { expectData, graphql, Json, UNREACHABLE_URL } from '../support/graphql';

/**
 * Demand control: the static cost estimate (the cost specification Apollo Router follows) from the
 * supergraph's @cost/@listSize, the budgets, and `extensions.cost` on request.
 */

describe('the cost estimator', () => {
  const SDL = `
    directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT | SCALAR | ENUM | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
    directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
    type Query {
      thing: Thing
      things: [Thing!]!
      sized(first: Int, last: Int): [Thing!]! @listSize(slicingArguments: ["first", "last"])
      assumed: [Thing!]! @listSize(assumedSize: 3)
      page(first: Int = 20): Page! @listSize(slicingArguments: ["first"], sizedFields: ["nodes", "edges"])
      expensive: Int @cost(weight: 7)
    }
    type Mutation { touch: Thing }
    type Page { nodes: [Thing!]! edges: [Edge!]! total: Int }
    type Edge { node: Thing! }
    type Thing { id: ID! name: String heavy: Heavy tags: [String!]! }
    type Heavy @cost(weight: 5) { id: ID! }
  `;
  const schema = buildSchema(SDL);
  const directives = costDirectivesOf(SDL);
  const cost = (query: string, variables?: Record<string, unknown>) =>
    estimateCost({ schema, document: parse(query), variables, directives, defaultListSize: 10 });

  it('weighs objects 1 and leaves 0, unless @cost on the field or the type says otherwise', () => {
    expect(cost('{ thing { id name } }')).toBe(1);
    expect(cost('{ thing { heavy { id } } }')).toBe(1 + 5);
    expect(cost('{ expensive }')).toBe(7);
  });

  it('multiplies a list by its size: slicing argument (inline or variable), assumedSize, or the default', () => {
    expect(cost('{ things { id } }')).toBe(10);
    expect(cost('{ sized(first: 50) { id } }')).toBe(50);
    expect(cost('query($n: Int) { sized(last: $n) { id } }', { n: 7 })).toBe(7);
    expect(cost('{ assumed { heavy { id } } }')).toBe(3 * (1 + 5));
    // A list of leaves costs nothing.
    expect(cost('{ thing { tags } }')).toBe(1);
  });

  it("sizes a connection's sized fields by its slicing argument, or the argument's default", () => {
    expect(cost('{ page(first: 100) { total nodes { id } } }')).toBe(1 + 100);
    expect(cost('{ page(first: 100) { edges { node { id } } } }')).toBe(1 + 100 * (1 + 1));
    expect(cost('{ page { nodes { id } } }')).toBe(1 + 20);
  });

  it('counts fragments where they are spread, a mutation field 10 more, introspection nothing', () => {
    expect(
      cost('{ a: thing { ...F } b: thing { ...F } } fragment F on Thing { heavy { id } }'),
    ).toBe(2 * (1 + 5));
    expect(cost('mutation { touch { id } }')).toBe(MUTATION_WEIGHT + 1);
    expect(cost('{ __schema { types { fields { name } } } __typename }')).toBe(0);
  });

  it('estimates the operation named in the request', () => {
    const document = parse('query A { thing { id } } query B { things { id } }');
    const of = (operationName: string) =>
      estimateCost({ schema, document, operationName, directives, defaultListSize: 10 });
    expect([of('A'), of('B')]).toEqual([1, 10]);
  });
});

/** The full picture's selection on a page of shipments, as the analysts' export sends it. */
const EXPORT_QUERY = FULL_PICTURE_QUERY.replace(/^#.*\n/, '')
  .replace('query Picture($awb: ID!)', 'query Export($first: Int!, $after: String)')
  .replace(
    'shipment(awb: $awb) {',
    'shipments(first: $first, after: $after) { pageInfo { endCursor } nodes {',
  )
  .replace(/\n}\n$/, '\n} }\n');

describe('demand control at the gateway', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    // Subgraphs down: the estimate and the refusal come before any fetch.
    gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      log: () => undefined,
    });
  });
  afterAll(() => gateway?.stop());

  async function send(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
    headers: Record<string, string> = { [COST_HEADER]: 'true' },
  ): Promise<{ status: number; body: Json }> {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return { status: res.status, body: await res.json() };
  }

  it('reports the estimate and the budget in extensions.cost when asked, and only then', async () => {
    const asked = await send(FULL_PICTURE_QUERY, { awb: '999-31415926' });
    expect(asked.body.extensions.cost).toEqual({
      estimated: expect.any(Number),
      max: DEFAULT_DEMAND_CONTROL.maxCost,
    });
    expect(asked.body.extensions.cost.estimated).toBeGreaterThan(100);
    const unasked = await send(FULL_PICTURE_QUERY, { awb: '999-31415926' }, undefined, {});
    expect(unasked.body.extensions?.cost).toBeUndefined();
  });

  it('sizes a page by its first: 1,000 full pictures cost about 1,000 times one', async () => {
    const one = (await send(FULL_PICTURE_QUERY, { awb: '999-31415926' })).body.extensions.cost;
    const page = (await send(EXPORT_QUERY, { first: 1000 })).body;
    // Refused for a caller without trade:read, with the estimate and the budget.
    expect(page.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'COST_ESTIMATED_TOO_EXPENSIVE',
          cost: { estimated: expect.any(Number), max: DEFAULT_DEMAND_CONTROL.maxCost },
        }),
      }),
    ]);
    const { estimated } = page.errors[0].extensions.cost;
    expect(estimated).toBeGreaterThanOrEqual(1000 * one.estimated);
    expect(estimated).toBeLessThan(1001 * one.estimated);
    // The export fits the budget of trade:read.
    expect(estimated).toBeLessThanOrEqual(DEFAULT_DEMAND_CONTROL.maxCostTradeRead);
  });

  it('refuses an over-cost query with 400 before any subgraph is asked, and goes on serving', async () => {
    const bomb = `{ ${Array.from({ length: 5 }, (_, i) => `r${i}: routes(first: 1000) { nodes { origin { routes { origin { routes { airline { name } } } } } } }`).join(' ')} }`;
    const res = await send(bomb);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      {
        message: expect.stringMatching(/estimated cost is \d+, over your budget of 300000/),
        extensions: {
          code: 'COST_ESTIMATED_TOO_EXPENSIVE',
          cost: { estimated: expect.any(Number), max: DEFAULT_DEMAND_CONTROL.maxCost },
          requestId: expect.any(String),
        },
      },
    ]);
    // Refused before planning: no subgraph error, though every subgraph is down.
    expect(JSON.stringify(res.body)).not.toMatch(/SUBGRAPH_/);
    expect(expectData(await graphql(gateway.url, '{ __typename }'))).toEqual({
      __typename: 'Query',
    });
  });

  it("admits the schema contract's full picture and every README example within any caller's budget", async () => {
    const examples = exampleOperations();
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) {
      const { body } = await send(example.document, example.variables, example.name);
      expect({ name: example.name, cost: body.extensions?.cost?.estimated }).toEqual({
        name: example.name,
        cost: expect.any(Number),
      });
      expect(body.extensions.cost.estimated).toBeLessThanOrEqual(DEFAULT_DEMAND_CONTROL.maxCost);
    }
  });
});

describe("the README's demand control", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      log: () => undefined,
    });
  });
  afterAll(() => gateway?.stop());

  it('answers its cost recipe as it says', async () => {
    const configuration = section('Configuration');
    const text = configuration.slice(configuration.indexOf('### Demand control'));
    const [recipe] = fencedBlocks(text).filter((b) => b.lang === 'sh');
    expect(recipe.text).toContain(`-H '${COST_HEADER}: true'`);
    const body = /-d '(\{.*\})'/.exec(recipe.text)![1];
    const claimed = JSON.parse(/answers `(\{.*\})`/.exec(text)![1]);
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [COST_HEADER]: 'true' },
      body,
    });
    expect(((await res.json()) as Json).extensions).toEqual(claimed);
  });
});

describe("the supergraph's @listSize", () => {
  it('sizes every page by first and last, so that no page is estimated at the default size', () => {
    const sdl = committedSupergraph();
    const { listSize } = costDirectivesOf(sdl);
    const named = (type: TypeNode): string =>
      type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type);
    const pages = parse(sdl).definitions.flatMap((def) =>
      def.kind === Kind.OBJECT_TYPE_DEFINITION
        ? (def.fields ?? [])
            .filter((f) => named(f.type).endsWith('Connection'))
            .map((f) => `${def.name.value}.${f.name.value}`)
        : [],
    );
    expect(pages).toEqual(expect.arrayContaining(['Query.shipments', 'Query.routes']));
    for (const page of pages) {
      expect({ page, listSize: listSize.get(page) }).toEqual({
        page,
        listSize: {
          assumedSize: 20,
          slicingArguments: ['first', 'last'],
          sizedFields: ['edges', 'nodes'],
        },
      });
    }
  });
});

describe('configured budgets', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      demandControl: { maxCost: 50 },
      log: () => undefined,
    });
  });
  afterAll(() => gateway?.stop());

  it('applies MAX_QUERY_COST as configured', async () => {
    const over = await graphql(
      gateway.url,
      '{ routes(first: 60) { nodes { id airline { name } } } }',
    );
    expect(over.errors?.[0].extensions?.code).toBe('COST_ESTIMATED_TOO_EXPENSIVE');
    const under = await graphql(gateway.url, '{ routes(first: 10) { nodes { id } } }');
    expect(under.errors?.map((e) => e.extensions?.code)).not.toContain(
      'COST_ESTIMATED_TOO_EXPENSIVE',
    );
  });
});
