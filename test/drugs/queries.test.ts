import { drugsSubgraph } from '../../subgraphs/drugs';
import { checkUscc } from '../../subgraphs/kit';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import {
  AGENT_CART,
  AGENTS,
  approvals,
  consolidatedImports,
  insertFixtures,
  institutions,
  NOT_AN_AGENT,
} from './fixtures';

let drugs: SubgraphUnderTest;
beforeAll(async () => {
  drugs = await startSubgraphUnderTest(drugsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => drugs?.stop());
afterEach(() => {
  // No test here expects an internal error.
  expect(drugs.logs).toEqual([]);
});

describe('fixtures', () => {
  it('uses valid unified social credit codes', () => {
    for (const uscc of [...AGENTS, NOT_AN_AGENT]) expect(checkUscc(uscc)).toBeNull();
  });
});

describe('drugApproval', () => {
  const QUERY = `query($n: ID!) { drugApproval(number: $n) {
    number officialNumber productName category manufacturer originCountry approvedOn validUntil
    status safetyAssessed approvedUnits { id name district approvals { number } } } }`;

  it('returns an approval with its approved units', async () => {
    const data = expectData(await drugs.graphql(QUERY, { n: 'SJ20180023' }));
    const expected = approvals.find((a) => a.number === 'SJ20180023')!;
    expect(data.drugApproval).toMatchObject({
      number: 'SJ20180023',
      officialNumber: '国药准字SJ20180023',
      productName: expected.productName,
      category: 'CELL_THERAPY',
      manufacturer: expected.manufacturer,
      originCountry: 'CH',
      approvedOn: '2018-03-12',
      validUntil: expected.validUntil,
      status: 'VALID',
      safetyAssessed: true,
    });
    const units = data.drugApproval.approvedUnits;
    expect(units.map((u: { id: string }) => u.id)).toEqual([...expected.units].sort());
    const pumch = units.find((u: { id: string }) => u.id === 'BJ-PUMCH');
    expect(pumch).toMatchObject({ name: institutions[0].name, district: 'Dongcheng' });
    // The reverse list: every approval PUMCH is an approved unit of.
    const pumchApprovals = approvals
      .filter((a) => a.units.includes('BJ-PUMCH'))
      .map((a) => a.number)
      .sort();
    expect(pumch.approvals.map((a: { number: string }) => a.number)).toEqual(pumchApprovals);
  });

  it('accepts the official 国药准字 form and answers with the ASCII key', async () => {
    const data = expectData(await drugs.graphql(QUERY, { n: '国药准字HJ20140344' }));
    expect(data.drugApproval.number).toBe('HJ20140344');
    expect(data.drugApproval.officialNumber).toBe('国药准字HJ20140344');
    expect(data.drugApproval.approvedUnits).toEqual([
      expect.objectContaining({ id: 'BJ-BCH', district: 'Xicheng' }),
    ]);
  });

  it('returns an empty list for an approval without approved units', async () => {
    const data = expectData(await drugs.graphql(QUERY, { n: 'H20143338' }));
    expect(data.drugApproval).toMatchObject({ number: 'H20143338', status: 'EXPIRED' });
    expect(data.drugApproval.approvedUnits).toEqual([]);
  });

  it('returns null for a well-formed number that does not exist', async () => {
    const data = expectData(await drugs.graphql(QUERY, { n: 'SJ29990001' }));
    expect(data).toEqual({ drugApproval: null });
  });
});

describe('drugApprovals', () => {
  it('filters by category and status and counts the matches', async () => {
    const data = expectData(
      await drugs.graphql(`{
      drugApprovals(category: GENE_THERAPY, status: VALID, first: 100) {
        totalCount nodes { number category status } pageInfo { hasNextPage endCursor } } }`),
    );
    const expected = approvals
      .filter((a) => a.category === 'GENE_THERAPY' && a.status === 'VALID')
      .map((a) => a.number)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(data.drugApprovals.nodes.map((n: { number: string }) => n.number)).toEqual(expected);
    expect(data.drugApprovals.totalCount).toBe(expected.length);
    expect(data.drugApprovals.pageInfo.hasNextPage).toBe(false);
  });

  it('returns 20 by default, with cursors on the edges', async () => {
    const data = expectData(
      await drugs.graphql(`{ drugApprovals {
      totalCount edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }`),
    );
    const conn = data.drugApprovals;
    expect(conn.totalCount).toBe(approvals.length);
    expect(conn.edges).toHaveLength(20);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(conn.pageInfo.endCursor).toBe(conn.edges[19].cursor);
    expect(new Set(conn.edges.map((e: { cursor: string }) => e.cursor)).size).toBe(20);
  });
});

describe('consolidatedImports', () => {
  it('lists one agent’s imports in one status, with lines, agent, shipments and application', async () => {
    const data = expectData(
      await drugs.graphql(
        `query($agent: ID) { consolidatedImports(agent: $agent, status: IN_TRANSIT, first: 50) {
        totalCount
        nodes {
          id status createdAt submittedAt
          agent { uscc drugImportAgent { qualifiedSince categories } }
          lines { line quantity unit approval { number category } institution { id name } }
          shipments { awb consolidatedImport { id } }
        } } }`,
        { agent: AGENT_CART },
      ),
    );
    const expected = consolidatedImports.filter(
      (c) => c.agentUscc === AGENT_CART && c.status === 'IN_TRANSIT',
    );
    expect(expected.length).toBeGreaterThan(0);
    const nodes = data.consolidatedImports.nodes;
    expect(data.consolidatedImports.totalCount).toBe(expected.length);
    expect(nodes.map((n: { id: string }) => n.id)).toEqual(expected.map((c) => c.id));
    for (const [i, node] of nodes.entries()) {
      const c = expected[i];
      expect(node.createdAt).toBe(c.createdAt);
      expect(node.submittedAt).toBe(c.submittedAt);
      expect(node.agent).toEqual({
        uscc: AGENT_CART,
        drugImportAgent: {
          qualifiedSince: '2021-06-01',
          categories: ['CELL_THERAPY', 'GENE_THERAPY'],
        },
      });
      expect(node.lines).toEqual(
        c.lines.map((l) => ({
          line: l.line,
          quantity: l.quantity,
          unit: l.unit,
          approval: {
            number: l.approvalNumber,
            category: approvals.find((a) => a.number === l.approvalNumber)!.category,
          },
          institution: {
            id: l.institutionId,
            name: institutions.find((x) => x.id === l.institutionId)!.name,
          },
        })),
      );
      expect(node.shipments).toEqual(
        [...c.awbs].sort().map((awb) => ({ awb, consolidatedImport: { id: c.id } })),
      );
    }
  });

  it('returns no shipments and no submission time while collecting', async () => {
    const data = expectData(
      await drugs.graphql(`{ consolidatedImports(status: COLLECTING, first: 100) {
      totalCount nodes { id status shipments { awb } submittedAt } } }`),
    );
    const expected = consolidatedImports.filter((c) => c.status === 'COLLECTING');
    expect(data.consolidatedImports.totalCount).toBe(expected.length);
    for (const node of data.consolidatedImports.nodes) {
      expect(node).toMatchObject({
        status: 'COLLECTING',
        shipments: [],
        submittedAt: null,
      });
    }
  });

  it('returns an empty page for a valid USCC that has no imports', async () => {
    const data = expectData(
      await drugs.graphql(
        `query($a: ID) { consolidatedImports(agent: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { a: NOT_AN_AGENT },
      ),
    );
    expect(data.consolidatedImports).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});

describe('extra lookups', () => {
  it('finds a medical institution and a consolidated import by id', async () => {
    const data = expectData(
      await drugs.graphql(`{
      medicalInstitution(id: "BJ-TTH") { id name district }
      missing: medicalInstitution(id: "BJ-NOPE") { id }
      consolidatedImport(id: "CI-2025-0004") { id status agent { uscc } }
      noImport: consolidatedImport(id: "CI-1999-0001") { id } }`),
    );
    expect(data.medicalInstitution).toEqual(institutions[5]);
    expect(data.missing).toBeNull();
    const ci = consolidatedImports[3];
    expect(data.consolidatedImport).toEqual({
      id: ci.id,
      status: ci.status,
      agent: { uscc: ci.agentUscc },
    });
    expect(data.noImport).toBeNull();
  });
});
