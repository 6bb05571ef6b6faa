import { Federation, startFederation } from '../support/federation';
import { expectData, expectError, Json } from '../support/graphql';

/**
 * Every connection of the gateway pages both ways as the Relay cursor connections spec says,
 * through one implementation (the kit's keyset pages): forward with `first`/`after`, backward
 * with `last`/`before`, both cursors bounding a window, `first: 0` as an honest "is there
 * more?", and the same SQL statement count whichever the direction.
 */

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface Page {
  edges: { cursor: string; key: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Each connection of the API schema, with the key its nodes are told apart by. */
const CONNECTIONS: [field: string, key: string][] = [
  ['shipments', 'awb'],
  ['routes', 'id'],
  ['drugApprovals', 'number'],
  ['consolidatedImports', 'id'],
  ['facilities', 'id'],
];

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.stop());

describe.each(CONNECTIONS)('%s', (field, key) => {
  const QUERY = `query($first: Int, $after: String, $last: Int, $before: String) {
    ${field}(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { ${key} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      totalCount
    }
  }`;

  async function page(variables: Record<string, unknown>): Promise<Page> {
    const data: Json = expectData(await fed.graphql(QUERY, variables));
    const connection = data[field];
    const edges = connection.edges.map((e: Json) => ({ cursor: e.cursor, key: e.node[key] }));
    // startCursor and endCursor are the first and last edge's, or null on an empty page.
    expect(connection.pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
    expect(connection.pageInfo.endCursor).toBe(edges[edges.length - 1]?.cursor ?? null);
    return { ...connection, edges };
  }

  /** The whole list, in one page. */
  let all: { cursor: string; key: string }[];
  beforeAll(async () => {
    const one = await page({ first: 1000 });
    all = one.edges;
    expect(one.totalCount).toBe(all.length);
  });

  it('walks forward and backward through the same list, in the same order', async () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
    const size = Math.ceil(all.length / 4);

    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; ; i++) {
      const p = await page({ first: size, after });
      expect(p.pageInfo.hasPreviousPage).toBe(i > 0);
      forward.push(...p.edges.map((e) => e.key));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }

    const backward: string[][] = [];
    let before: string | null = null;
    for (let i = 0; ; i++) {
      const p = await page({ last: size, before });
      expect(p.pageInfo.hasNextPage).toBe(i > 0);
      backward.unshift(p.edges.map((e) => e.key));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }

    const keys = all.map((e) => e.key);
    expect(forward).toEqual(keys);
    expect(backward.flat()).toEqual(keys);
    // Paging backward ends on the first rows of the list, at most `size` of them.
    expect(backward[0].length).toBeLessThanOrEqual(size);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers `last` alone with the end of the list, and `before` alone with the rows before it', async () => {
    const end = await page({ last: 3 });
    expect(end.edges).toEqual(all.slice(-3));
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const beforeSixth = await page({ before: all[5].cursor });
    expect(beforeSixth.edges).toEqual(all.slice(0, 5));
    expect(beforeSixth.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('pages inside a window when given both `after` and `before`', async () => {
    const window = { after: all[0].cursor, before: all[5].cursor };
    const inside = await page({ ...window, first: 100 });
    expect(inside.edges).toEqual(all.slice(1, 5));
    expect(inside.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const head = await page({ ...window, first: 2 });
    expect(head.edges).toEqual(all.slice(1, 3));
    expect(head.pageInfo.hasNextPage).toBe(true);
    const tail = await page({ ...window, last: 2 });
    expect(tail.edges).toEqual(all.slice(3, 5));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('answers `first: 0` and `last: 0` with no edges, null cursors and whether more lie beyond', async () => {
    const empty = { edges: [], startCursor: null, endCursor: null };
    const start = await page({ first: 0 });
    expect({ edges: start.edges, ...start.pageInfo }).toEqual({
      ...empty,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(start.totalCount).toBe(all.length);
    const atEnd = await page({ first: 0, after: all[all.length - 1].cursor });
    expect({ edges: atEnd.edges, ...atEnd.pageInfo }).toEqual({
      ...empty,
      hasNextPage: false,
      hasPreviousPage: true,
    });
    const beforeFirst = await page({ last: 0, before: all[0].cursor });
    expect({ edges: beforeFirst.edges, ...beforeFirst.pageInfo }).toEqual({
      ...empty,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const fromEnd = await page({ last: 0 });
    expect(fromEnd.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('runs one SQL statement for a page, backward as forward', async () => {
    // Without totalCount, which costs its own statement whichever the direction.
    const LEAN = `query($first: Int, $after: String, $last: Int, $before: String) {
      ${field}(first: $first, after: $after, last: $last, before: $before) { nodes { ${key} } }
    }`;
    const forward = await fed.statementsOf(() =>
      fed.graphql(LEAN, { first: 3, after: all[0].cursor }),
    );
    const backward = await fed.statementsOf(() =>
      fed.graphql(LEAN, { last: 3, before: all[5].cursor }),
    );
    expect(expectData(forward.result)[field].nodes).toHaveLength(3);
    expect(expectData(backward.result)[field].nodes).toHaveLength(3);
    expect(forward.statements).toBe(1);
    expect(backward.statements).toBe(1);
  });

  it('refuses `first` with `last`, bad sizes and foreign cursors, naming the argument', async () => {
    const both = await fed.graphql(QUERY, { first: 2, last: 2 });
    expectError(both, 'BAD_USER_INPUT', { field: 'last', message: /not both/ });
    expectError(await fed.graphql(QUERY, { last: 1001 }), 'BAD_USER_INPUT', {
      field: 'last',
      message: /between 0 and 1000/,
    });
    expectError(await fed.graphql(QUERY, { last: -1 }), 'BAD_USER_INPUT', { field: 'last' });
    expectError(await fed.graphql(QUERY, { before: 'bm90LWEtY3Vyc29y' }), 'BAD_USER_INPUT', {
      field: 'before',
      message: /not a cursor of this list: pass a `pageInfo.startCursor`/,
    });
  });
});
