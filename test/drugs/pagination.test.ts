import pg from 'pg';
import { drugsSubgraph } from '../../subgraphs/drugs';
import { expectData, expectError, GraphQLResponse } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import {
  AGENT_GENE,
  approvals,
  consolidatedImports,
  ImportRow,
  insertConsolidatedImport,
  insertFixtures,
} from './fixtures';

let drugs: SubgraphUnderTest;
beforeAll(async () => {
  drugs = await startSubgraphUnderTest(drugsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => drugs?.stop());

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id?: string; number?: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Follows `endCursor` until `hasNextPage` is false; returns every page. */
async function allPages(
  query: string,
  field: string,
  variables: Record<string, unknown>,
  beforeEachPage?: (pageIndex: number) => Promise<void>,
): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    await beforeEachPage?.(i);
    const data = expectData(await drugs.graphql(query, { ...variables, after }));
    const page = data[field] as Page;
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

const APPROVALS = `query($category: DrugCategory, $status: ApprovalStatus, $first: Int, $after: String) {
  drugApprovals(category: $category, status: $status, first: $first, after: $after) {
    totalCount edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }`;

const IMPORTS = `query($agent: ID, $status: ConsolidatedImportStatus, $first: Int, $after: String) {
  consolidatedImports(agent: $agent, status: $status, first: $first, after: $after) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

describe('drugApprovals pagination', () => {
  it.each([
    [{}, 5],
    [{ category: 'CELL_THERAPY' }, 2],
    [{ status: 'VALID' }, 3],
    [{ category: 'REGISTERED_DRUG', status: 'EXPIRED' }, 1],
  ])('pages through %j with first=%i without duplicates or gaps', async (filter, first) => {
    const f = filter as { category?: string; status?: string };
    const expected = approvals
      .filter(
        (a) => (!f.category || a.category === f.category) && (!f.status || a.status === f.status),
      )
      .map((a) => a.number)
      .sort();
    expect(expected.length).toBeGreaterThan(first); // at least two pages
    const pages = await allPages(APPROVALS, 'drugApprovals', { ...filter, first });
    const seen = pages.flatMap((p) => p.edges.map((e) => e.node.number!));
    expect(seen).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / first));
    for (const p of pages) {
      expect(p.totalCount).toBe(expected.length);
      expect(p.edges.length).toBeLessThanOrEqual(first);
    }
  });

  it('returns an empty page with first: 0 but still counts', async () => {
    const data = expectData(await drugs.graphql(APPROVALS, { first: 0 }));
    expect(data.drugApprovals.edges).toEqual([]);
    expect(data.drugApprovals.pageInfo).toEqual({ hasNextPage: true, endCursor: null });
    expect(data.drugApprovals.totalCount).toBe(approvals.length);
  });
});

describe('consolidatedImports pagination', () => {
  it('pages through one agent’s imports', async () => {
    const expected = consolidatedImports
      .filter((c) => c.agentUscc === AGENT_GENE)
      .map((c) => c.id)
      .sort();
    const pages = await allPages(IMPORTS, 'consolidatedImports', { agent: AGENT_GENE, first: 3 });
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.id))).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / 3));
  });

  it('stays stable when rows are inserted between pages (keyset, not offset)', async () => {
    const pool = new pg.Pool({ connectionString: drugs.db.url, max: 1 });
    const template = consolidatedImports.find((c) => c.status === 'DELIVERED')!;
    const inserted: string[] = [];
    try {
      const pages = await allPages(
        IMPORTS,
        'consolidatedImports',
        { status: 'DELIVERED', first: 2 },
        async (i) => {
          if (i === 0) return;
          // Before each later page, add a row that sorts before everything already seen.
          const row: ImportRow = {
            ...template,
            id: `CI-2000-000${i}`,
            lines: [],
            awbs: [],
          };
          await insertConsolidatedImport(pool, row);
          inserted.push(row.id);
        },
      );
      const seen = pages.flatMap((p) => p.edges.map((e) => e.node.id));
      const original = consolidatedImports
        .filter((c) => c.status === 'DELIVERED')
        .map((c) => c.id)
        .sort();
      expect(inserted.length).toBeGreaterThan(0);
      expect(seen).toEqual(original);
      expect(pages[pages.length - 1].totalCount).toBe(original.length + inserted.length);
    } finally {
      await pool.query('DELETE FROM drugs.consolidated_import WHERE id = ANY($1::text[])', [
        inserted,
      ]);
      await pool.end();
    }
  });
});

describe('bad input', () => {
  function expectBadInput(res: GraphQLResponse, field: string, message?: RegExp) {
    const error = expectError(res, 'BAD_USER_INPUT', { field, message });
    expect(error.extensions).not.toHaveProperty('stacktrace');
  }

  it.each(['SJ2018002', 'XJ20180023', 'sj20180023', 'SJ20180023X', '国药准字', '', 'HJJ20140344'])(
    'rejects the approval number %j',
    async (n) => {
      const res = await drugs.graphql('query($n: ID!) { drugApproval(number: $n) { number } }', {
        n,
      });
      expectBadInput(res, 'number', /not a drug approval number/);
      expect(res.data).toEqual({ drugApproval: null });
    },
  );

  it('rejects a malformed agent USCC and one with a wrong check character', async () => {
    const short = await drugs.graphql(IMPORTS, { agent: '91110105MA01' });
    expectBadInput(short, 'agent');
    const last = AGENT_GENE[17];
    const wrong = AGENT_GENE.slice(0, 17) + (last === '0' ? '1' : '0');
    const res = await drugs.graphql(IMPORTS, { agent: wrong });
    expectBadInput(res, 'agent', /check character/);
  });

  it('rejects a cursor that is not one of ours', async () => {
    for (const after of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url')]) {
      expectBadInput(await drugs.graphql(APPROVALS, { after }), 'after');
      expectBadInput(await drugs.graphql(IMPORTS, { after }), 'after');
    }
  });

  it('rejects first above 1000 or below 0, and accepts 1000', async () => {
    expectBadInput(await drugs.graphql(APPROVALS, { first: 1001 }), 'first');
    expectBadInput(await drugs.graphql(IMPORTS, { first: -1 }), 'first');
    const ok = await drugs.graphql(APPROVALS, { first: 1000 });
    expect(expectData(ok).drugApprovals.edges).toHaveLength(approvals.length);
  });

  it('rejects an unknown enum value as a validation error', async () => {
    const res = await drugs.graphql(APPROVALS, { category: 'VITAMINS' });
    expectError(res, 'BAD_USER_INPUT');
    expect(drugs.logs).toEqual([]);
  });
});
