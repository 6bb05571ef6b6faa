import { AirportsHarness, GraphQLResponse } from './harness';

interface FacilityPage {
  nodes: { id: string }[];
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

describe('airports subgraph root queries', () => {
  let h: AirportsHarness;
  beforeAll(async () => {
    h = await AirportsHarness.start();
  });
  afterAll(() => h?.stop());

  describe('airport(iataCode)', () => {
    it('returns an airport with every field', async () => {
      const res = await h.gql(`{
        airport(iataCode: "PKX") { iataCode icaoCode name city countryCode timezone isBeijingHub }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.airport).toEqual({
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
      const res = await h.gql(`{ airport(iataCode: "ZZZ") { iataCode } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.airport).toBeNull();
    });

    it.each(['pkx', 'PK', 'PKXX', 'P1X', ''])('rejects the malformed code %p', async (code) => {
      const res = await h.gql(`query($c: ID!) { airport(iataCode: $c) { iataCode } }`, { c: code });
      expect(res.data?.airport ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'iataCode',
      });
      expect(res.errors![0].message).toContain('IATA airport code');
    });
  });

  describe('airports(beijingHubsOnly)', () => {
    it('lists every airport by IATA code by default', async () => {
      const res = await h.gql(`{ airports { iataCode isBeijingHub } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.airports).toEqual([
        { iataCode: 'DOH', isBeijingHub: false },
        { iataCode: 'FRA', isBeijingHub: false },
        { iataCode: 'LHR', isBeijingHub: false },
        { iataCode: 'PEK', isBeijingHub: true },
        { iataCode: 'PKX', isBeijingHub: true },
      ]);
    });

    it('lists only PEK and PKX with beijingHubsOnly', async () => {
      const res = await h.gql(`{ airports(beijingHubsOnly: true) { iataCode } }`);
      expect(res.data!.airports.map((a: { iataCode: string }) => a.iataCode)).toEqual([
        'PEK',
        'PKX',
      ]);
    });

    it('treats an explicit null as false', async () => {
      const res = await h.gql(`query($b: Boolean) { airports(beijingHubsOnly: $b) { iataCode } }`, {
        b: null,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.airports).toHaveLength(5);
    });

    it('resolves facilities and their airports of all airports in one statement per field', async () => {
      const { result, statements } = await h.counted(`{
        airports { iataCode facilities { id airport { iataCode } } }
      }`);
      expect(result.errors).toBeUndefined();
      const byCode = Object.fromEntries(
        result.data!.airports.map((a: { iataCode: string; facilities: { id: string }[] }) => [
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
      for (const a of result.data!.airports) {
        for (const f of a.facilities) expect(f.airport.iataCode).toBe(a.iataCode);
      }
      // airports + facilities of all 5; Facility.airport hits the loader primed by `airports`.
      expect(statements).toBe(2);
    });
  });

  describe('Airport.facilities(kind)', () => {
    it('filters by kind', async () => {
      const res = await h.gql(`{
        pkx: airport(iataCode: "PKX") {
          fruit: facilities(kind: DESIGNATED_SITE_FRUIT) { id kind status commissionedOn }
          cold: facilities(kind: COLD_CHAIN_WAREHOUSE) { id }
          express: facilities(kind: INTERNATIONAL_EXPRESS_WAREHOUSE) { id }
        }
        pek: airport(iataCode: "PEK") { facilities(kind: GENERAL_CARGO_WAREHOUSE) { id } }
        fra: airport(iataCode: "FRA") { facilities { id } }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
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
      const res = await h.gql(`{
        airport(iataCode: "PKX") {
          operational: facilities(status: OPERATIONAL) { id }
          plannedConsolidation: facilities(kind: CONSOLIDATED_CARGO_WAREHOUSE, status: PLANNED) { id }
        }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.airport.operational.map((f: { id: string }) => f.id)).toEqual([
        'PKX-COLD-1',
        'PKX-AQUA-1',
        'PKX-FRUIT-1',
      ]);
      expect(res.data!.airport.plannedConsolidation).toEqual([{ id: 'PKX-CONS-1' }]);
    });

    it('rejects an unknown kind', async () => {
      const res = await h.gql(`{ airport(iataCode: "PKX") { facilities(kind: HANGAR) { id } } }`);
      expect(res.data).toBeUndefined();
      expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('facility(id)', () => {
    it('returns a facility with every field and its airport', async () => {
      const res = await h.gql(`{
        facility(id: "PEK-EXP-1") {
          id kind name status commissionedOn annualCapacityTonnes
          airport { iataCode icaoCode }
        }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.facility).toEqual({
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
      const res = await h.gql(`{
        facility(id: "PEK-CBEC-1") { status commissionedOn annualCapacityTonnes }
      }`);
      expect(res.data!.facility).toEqual({
        status: 'UNDER_CONSTRUCTION',
        commissionedOn: null,
        annualCapacityTonnes: null,
      });
    });

    it('returns null for an unknown id', async () => {
      const res = await h.gql(`{ facility(id: "PKX-NOPE-9") { id } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.facility).toBeNull();
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
        const res: GraphQLResponse<{ facilities: FacilityPage }> = await h.gql(query, { after });
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
      const res = await h.gql(`{
        pkxOperational: facilities(airport: "PKX", status: OPERATIONAL) { nodes { id } totalCount }
        fruit: facilities(kind: DESIGNATED_SITE_FRUIT) { nodes { id airport { iataCode } } }
        fra: facilities(airport: "FRA") { nodes { id } totalCount pageInfo { hasNextPage endCursor } }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.pkxOperational).toEqual({
        nodes: [{ id: 'PKX-AQUA-1' }, { id: 'PKX-COLD-1' }, { id: 'PKX-FRUIT-1' }],
        totalCount: 3,
      });
      expect(res.data!.fruit.nodes).toEqual([{ id: 'PKX-FRUIT-1', airport: { iataCode: 'PKX' } }]);
      expect(res.data!.fra).toEqual({
        nodes: [],
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    });

    it('rejects a malformed airport code and a bad cursor', async () => {
      const bad = await h.gql(`{ facilities(airport: "Daxing") { totalCount } }`);
      expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'airport' });
      const cursor = await h.gql(`{ facilities(after: "not-a-cursor") { totalCount } }`);
      expect(cursor.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
      const tooMany = await h.gql(`{ facilities(first: 5000) { totalCount } }`);
      expect(tooMany.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });
  });
});
