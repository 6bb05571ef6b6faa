import { airportsSubgraph } from '../../subgraphs/airports';
import { expectData, expectError, GraphQLResponse } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { insertFixtures } from './fixtures';

interface FacilityPage {
  nodes: { id: string }[];
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

describe('airports subgraph root queries', () => {
  let airports: SubgraphUnderTest;
  beforeAll(async () => {
    airports = await startSubgraphUnderTest(airportsSubgraph, { fixtures: insertFixtures });
  });
  afterAll(() => airports?.stop());

  describe('airport(iataCode)', () => {
    it('returns an airport with every field', async () => {
      const res = await airports.graphql(`{
        airport(iataCode: "PKX") { iataCode icaoCode name city countryCode timezone isBeijingHub }
      }`);
      expect(expectData(res).airport).toEqual({
        iataCode: 'PKX',
        icaoCode: 'ZBAD',
        name: 'Beijing Daxing International Airport',
        city: 'Beijing',
        countryCode: 'CN',
        timezone: 'Asia/Shanghai',
        isBeijingHub: true,
      });
    });

    it('returns null for a well-formed unknown code', async () => {
      const res = await airports.graphql(`{ airport(iataCode: "ZZZ") { iataCode } }`);
      expect(expectData(res).airport).toBeNull();
    });

    it.each(['pkx', 'PK', 'PKXX', 'P1X', ''])('rejects the malformed code %p', async (code) => {
      const res = await airports.graphql(`query($c: ID!) { airport(iataCode: $c) { iataCode } }`, {
        c: code,
      });
      expectError(res, 'BAD_USER_INPUT', { field: 'iataCode', message: 'IATA airport code' });
    });
  });

  describe('airports(beijingHubsOnly)', () => {
    it('lists every airport by IATA code by default', async () => {
      const res = await airports.graphql(`{ airports { iataCode isBeijingHub } }`);
      expect(expectData(res).airports).toEqual([
        { iataCode: 'DOH', isBeijingHub: false },
        { iataCode: 'FRA', isBeijingHub: false },
        { iataCode: 'LHR', isBeijingHub: false },
        { iataCode: 'PEK', isBeijingHub: true },
        { iataCode: 'PKX', isBeijingHub: true },
      ]);
    });

    it('lists only PEK and PKX with beijingHubsOnly', async () => {
      const res = await airports.graphql(`{ airports(beijingHubsOnly: true) { iataCode } }`);
      expect(res.data!.airports.map((a: { iataCode: string }) => a.iataCode)).toEqual([
        'PEK',
        'PKX',
      ]);
    });

    it('treats an explicit null as false', async () => {
      const res = await airports.graphql(
        `query($b: Boolean) { airports(beijingHubsOnly: $b) { iataCode } }`,
        {
          b: null,
        },
      );
      expect(expectData(res).airports).toHaveLength(5);
    });

    it('resolves facilities and their airports of all airports in one statement per field', async () => {
      const { result, statements } = await airports.statementsOf(() =>
        airports.graphql(`{ airports { iataCode facilities { id airport { iataCode } } } }`),
      );
      const data = expectData(result);
      const byCode = Object.fromEntries(
        data.airports.map((a: { iataCode: string; facilities: { id: string }[] }) => [
          a.iataCode,
          a.facilities.map((f) => f.id),
        ]),
      );
      expect(byCode).toEqual({
        DOH: [],
        FRA: [],
        LHR: [],
        PEK: ['PEK-CBEC-1', 'PEK-GEN-1', 'PEK-EXP-1'],
        PKX: ['PKX-COLD-1', 'PKX-CONS-1', 'PKX-AQUA-1', 'PKX-FRUIT-1'],
      });
      for (const a of data.airports) {
        for (const f of a.facilities) expect(f.airport.iataCode).toBe(a.iataCode);
      }
      // airports + facilities of all 5; Facility.airport hits the loader primed by `airports`.
      expect(statements).toBe(2);
    });
  });

  describe('Airport.facilities(kind)', () => {
    it('filters by kind', async () => {
      const res = await airports.graphql(`{
        pkx: airport(iataCode: "PKX") {
          fruit: facilities(kind: DESIGNATED_SITE_FRUIT) { id kind status commissionedOn }
          cold: facilities(kind: COLD_CHAIN_WAREHOUSE) { id }
          express: facilities(kind: INTERNATIONAL_EXPRESS_WAREHOUSE) { id }
        }
        pek: airport(iataCode: "PEK") { facilities(kind: GENERAL_CARGO_WAREHOUSE) { id } }
        fra: airport(iataCode: "FRA") { facilities { id } }
      }`);
      expect(expectData(res)).toEqual({
        pkx: {
          fruit: [
            {
              id: 'PKX-FRUIT-1',
              kind: 'DESIGNATED_SITE_FRUIT',
              status: 'OPERATIONAL',
              commissionedOn: '2024-09-27',
            },
          ],
          cold: [{ id: 'PKX-COLD-1' }],
          express: [],
        },
        pek: { facilities: [{ id: 'PEK-GEN-1' }] },
        fra: { facilities: [] },
      });
    });

    it('filters by status as well', async () => {
      const res = await airports.graphql(`{
        airport(iataCode: "PKX") {
          operational: facilities(status: OPERATIONAL) { id }
          plannedConsolidation: facilities(kind: CONSOLIDATED_CARGO_WAREHOUSE, status: PLANNED) { id }
        }
      }`);
      const data = expectData(res);
      expect(data.airport.operational.map((f: { id: string }) => f.id)).toEqual([
        'PKX-COLD-1',
        'PKX-AQUA-1',
        'PKX-FRUIT-1',
      ]);
      expect(data.airport.plannedConsolidation).toEqual([{ id: 'PKX-CONS-1' }]);
    });

    it('rejects an unknown kind', async () => {
      const res = await airports.graphql(
        `{ airport(iataCode: "PKX") { facilities(kind: HANGAR) { id } } }`,
      );
      expectError(res, 'GRAPHQL_VALIDATION_FAILED');
      expect(res.data).toBeUndefined();
    });
  });

  describe('facility(id)', () => {
    it('returns a facility with every field and its airport', async () => {
      const res = await airports.graphql(`{
        facility(id: "PEK-EXP-1") {
          id kind name status commissionedOn annualCapacityTonnes
          airport { iataCode icaoCode }
        }
      }`);
      expect(expectData(res).facility).toEqual({
        id: 'PEK-EXP-1',
        kind: 'INTERNATIONAL_EXPRESS_WAREHOUSE',
        name: 'PEK Express Centre',
        status: 'OPERATIONAL',
        commissionedOn: '2008-03-01',
        annualCapacityTonnes: 500000,
        airport: { iataCode: 'PEK', icaoCode: 'ZBAA' },
      });
    });

    it('has no commissioning date or capacity before it is operational', async () => {
      const res = await airports.graphql(`{
        facility(id: "PEK-CBEC-1") { status commissionedOn annualCapacityTonnes }
      }`);
      expect(res.data!.facility).toEqual({
        status: 'UNDER_CONSTRUCTION',
        commissionedOn: null,
        annualCapacityTonnes: null,
      });
    });

    it('returns null for an unknown id', async () => {
      const res = await airports.graphql(`{ facility(id: "PKX-NOPE-9") { id } }`);
      expect(expectData(res).facility).toBeNull();
    });
  });

  describe('facilities (paginated)', () => {
    it('pages through facilities by id with keyset cursors', async () => {
      const query = `query($after: String) {
        facilities(first: 3, after: $after) {
          nodes { id } edges { cursor node { id } }
          pageInfo { hasNextPage endCursor } totalCount
        }
      }`;
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res: GraphQLResponse<{ facilities: FacilityPage }> = await airports.graphql(query, {
          after,
        });
        const page = res.data!.facilities;
        expect(page.totalCount).toBe(7);
        expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
        seen.push(...page.nodes.map((n) => n.id));
        pages++;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([
        'PEK-CBEC-1',
        'PEK-EXP-1',
        'PEK-GEN-1',
        'PKX-AQUA-1',
        'PKX-COLD-1',
        'PKX-CONS-1',
        'PKX-FRUIT-1',
      ]);
    });

    it('filters by airport, kind and status', async () => {
      const res = await airports.graphql(`{
        pkxOperational: facilities(airport: "PKX", status: OPERATIONAL) { nodes { id } totalCount }
        fruit: facilities(kind: DESIGNATED_SITE_FRUIT) { nodes { id airport { iataCode } } }
        fra: facilities(airport: "FRA") { nodes { id } totalCount pageInfo { hasNextPage endCursor } }
      }`);
      const data = expectData(res);
      expect(data.pkxOperational).toEqual({
        nodes: [{ id: 'PKX-AQUA-1' }, { id: 'PKX-COLD-1' }, { id: 'PKX-FRUIT-1' }],
        totalCount: 3,
      });
      expect(data.fruit.nodes).toEqual([{ id: 'PKX-FRUIT-1', airport: { iataCode: 'PKX' } }]);
      expect(data.fra).toEqual({
        nodes: [],
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    });

    it('rejects a malformed airport code and a bad cursor', async () => {
      const bad = await airports.graphql(`{ facilities(airport: "Daxing") { totalCount } }`);
      expectError(bad, 'BAD_USER_INPUT', { field: 'airport' });
      const cursor = await airports.graphql(`{ facilities(after: "not-a-cursor") { totalCount } }`);
      expectError(cursor, 'BAD_USER_INPUT', { field: 'after' });
      const tooMany = await airports.graphql(`{ facilities(first: 5000) { totalCount } }`);
      expectError(tooMany, 'BAD_USER_INPUT', { field: 'first' });
    });
  });
});
