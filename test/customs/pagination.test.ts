import { Database, encodeCursor, pageRequest, RowAccess } from '../../subgraphs/kit';
import {
  CustomsRepository,
  SHIPMENT_PAGE,
  ShipmentQuery,
} from '../../subgraphs/customs/repository';
import { ClearanceStatus } from '../../subgraphs/customs/rules/clearance';
import {
  allDeclarations,
  allShipments,
  E,
  inListOrder,
  insertFixtures,
  ShipmentFixture,
} from './fixtures';
import { customsSubgraph } from '../../subgraphs/customs';
import { expectData, Json } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';

let customs: SubgraphUnderTest;
beforeAll(async () => {
  customs = await startSubgraphUnderTest(customsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => customs?.stop());

const PAGE = `query($filter: ShipmentFilter, $first: Int, $after: String) {
  shipments(filter: $filter, first: $first, after: $after) {
    edges { cursor node { awb } }
    nodes { awb }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

interface Page {
  edges: { cursor: string; node: { awb: string } }[];
  nodes: { awb: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Walks every page of `shipments(filter)`, checking each page's shape on the way. */
async function walk(filter: Record<string, unknown> | null, first: number) {
  const awbs: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const { shipments }: { shipments: Page } = expectData(
      await customs.graphql(PAGE, { filter, first, after }),
    );
    expect(shipments.nodes).toEqual(shipments.edges.map((e) => e.node));
    expect(shipments.nodes.length).toBeLessThanOrEqual(first);
    totals.add(shipments.totalCount);
    awbs.push(...shipments.nodes.map((n) => n.awb));
    if (!shipments.pageInfo.hasNextPage) {
      return { awbs, totals: [...totals], pages: pages + 1 };
    }
    expect(shipments.nodes).toHaveLength(first);
    expect(shipments.pageInfo.endCursor).toBe(shipments.edges[first - 1].cursor);
    after = shipments.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

const having = (mode: string) => (s: ShipmentFixture) =>
  allDeclarations.some((d) => d.awb === s.awb && d.mode === mode);

const CASES: [string, Record<string, unknown> | null, (s: ShipmentFixture) => boolean][] = [
  ['no filter', null, () => true],
  ['arrivalAirport (port of entry)', { arrivalAirport: 'PKX' }, (s) => s.portOfEntry === 'PKX'],
  ['destinationAirport', { destinationAirport: 'ICN' }, (s) => s.destination === 'ICN'],
  ['consignee', { consignee: E.beta }, (s) => s.consignee === E.beta],
  ['supervisionMode', { supervisionMode: '1210' }, having('1210')],
  ['clearanceStatus', { clearanceStatus: 'RELEASED' }, (s) => s.clearanceStatus === 'RELEASED'],
  [
    'manifestedFrom/To (inclusive)',
    { manifestedFrom: '2025-01-03T14:00:00+08:00', manifestedTo: '2025-01-10T06:00:00Z' },
    (s) =>
      Date.parse(s.manifestedAt) >= Date.parse('2025-01-03T06:00:00Z') &&
      Date.parse(s.manifestedAt) <= Date.parse('2025-01-10T06:00:00Z'),
  ],
  [
    'several filters at once',
    { arrivalAirport: 'PKX', supervisionMode: '0110', manifestedFrom: '2024-01-01T00:00:00Z' },
    (s) => s.portOfEntry === 'PKX' && having('0110')(s),
  ],
];

describe('shipments', () => {
  it.each(CASES)(
    'pages through %s newest first, without duplicates or gaps',
    async (_name, filter, keep) => {
      const expected = inListOrder(allShipments.filter(keep)).map((s) => s.awb);
      expect(expected.length).toBeGreaterThan(2);
      for (const first of [3, 4, 1000]) {
        const { awbs, totals, pages } = await walk(filter, first);
        expect(awbs).toEqual(expected);
        expect(totals).toEqual([expected.length]);
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / first)));
      }
    },
  );

  it('breaks ties on the same manifest instant by AWB, across a page boundary', async () => {
    // The grid manifests two shipments per instant: a page of 1 ends between the two.
    const { awbs } = await walk({ manifestedFrom: '2025-01-15T06:00:00Z' }, 1);
    const pair = inListOrder(allShipments.filter((s) => s.manifestedAt.startsWith('2025-01-15')));
    expect(pair).toHaveLength(2);
    expect(awbs).toEqual(pair.map((s) => s.awb));
  });

  it('gives an empty connection when nothing matches', async () => {
    const { shipments } = expectData(
      await customs.graphql(PAGE, {
        filter: { consignee: E.idle },
        first: 5,
      }),
    );
    expect(shipments).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
    });
  });

  it('defaults to 20 shipments a page', async () => {
    const { shipments } = expectData(
      await customs.graphql(`{ shipments { nodes { awb } pageInfo { hasNextPage } } }`),
    );
    expect(shipments.nodes).toHaveLength(20);
    expect(shipments.pageInfo.hasNextPage).toBe(true);
  });
});

describe('batching', () => {
  const DEEP = `query($first: Int) {
    shipments(first: $first, filter: { manifestedFrom: "2025-01-01T00:00:00Z" }) {
      nodes {
        awb
        portOfEntry { iataCode }
        manifest { consignee { name } origin { iataCode } manifestedAt }
        declarations {
          number customsOffice { name } supervisionMode { name } declarant { name }
          bondedZone { name } inspection { required }
          items { line hsCode value { amount } drugApproval { number } }
          licences { code number }
          shipment { awb clearance { status } }
        }
        clearance { status }
        specialGoodsApplications { number }
      }
    }
  }`;

  it('runs as many SQL statements for 25 shipments as for 5', async () => {
    const small = await customs.statementsOf(() => customs.graphql(DEEP, { first: 5 }));
    const large = await customs.statementsOf(() => customs.graphql(DEEP, { first: 25 }));
    const five = expectData(small.result);
    const twentyFive = expectData(large.result);
    expect(five.shipments.nodes).toHaveLength(5);
    expect(twentyFive.shipments.nodes).toHaveLength(25);
    const declarations = twentyFive.shipments.nodes.flatMap((s: Json) => s.declarations);
    expect(declarations.length).toBeGreaterThanOrEqual(25);
    expect(declarations.flatMap((d: Json) => d.items).length).toBe(2 * declarations.length);
    expect(declarations.flatMap((d: Json) => d.licences).length).toBe(declarations.length);
    expect(large.statements).toBe(small.statements);
    // page, declarations, offices, modes, enterprises (consignees + declarants), zones, items,
    // licences, applications: a fixed handful, whatever the page size.
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});

/** A Database that EXPLAINs each statement with sequential scans discouraged, instead of running it. */
class ExplainingDatabase extends Database {
  plans: string[] = [];

  override async query<T>(text: string, values?: unknown[]): Promise<T[]> {
    const client = await this.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const result = await client.query(`EXPLAIN ${text}`, values);
      this.plans.push(result.rows.map((r) => r['QUERY PLAN']).join('\n'));
      return [{ count: 0 } as T];
    } finally {
      client.release();
    }
  }
}

describe('indexes', () => {
  const ALL: RowAccess = { kind: 'ALL' };
  const filters: [string, ShipmentQuery, RowAccess?][] = [
    ['none', {}],
    ['an enterprise party (row rule)', {}, { kind: 'PARTY', uscc: E.beta }],
    ['arrivalAirport', { arrivalAirport: 'PKX' }],
    ['destinationAirport', { destinationAirport: 'ICN' }],
    ['consignee', { consignee: E.beta }],
    ['supervisionMode', { supervisionMode: '1210' }],
    ['clearanceStatus', { clearanceStatus: ClearanceStatus.RELEASED }],
    ['manifestedFrom/To', { manifestedFrom: new Date(0), manifestedTo: new Date() }],
  ];

  it.each(filters)(
    'serve the shipments page and count filtered by %s',
    async (_name, filter, access = ALL) => {
      const db = new ExplainingDatabase(customs.db.url, { max: 1 });
      try {
        const repo = new CustomsRepository(db);
        const cursor = encodeCursor(['2025-01-01 00:00:00+00', '999-0000000' + '0']);
        const forward = pageRequest({ first: 20, after: cursor }, SHIPMENT_PAGE);
        const backward = pageRequest({ last: 20, before: cursor }, SHIPMENT_PAGE);
        await repo.shipmentPage(filter, forward, access);
        await repo.shipmentPage(filter, backward, access);
        await repo.countShipments(filter, access);
        expect(db.plans).toHaveLength(3);
        for (const plan of db.plans) expect(plan).not.toMatch(/Seq Scan/);
      } finally {
        await db.close();
      }
    },
  );

  it('serves clearanceStats from the filing-date index', async () => {
    const db = new ExplainingDatabase(customs.db.url, { max: 1 });
    try {
      const { ClearanceGroupBy } = await import('../../subgraphs/customs/entities/clearance-stat');
      await new CustomsRepository(db).clearanceStats({
        airport: 'PKX',
        from: '2024-03-01',
        to: '2024-04-30',
        groupBy: ClearanceGroupBy.MONTH,
        minGroup: 5,
      });
      expect(db.plans[0]).not.toMatch(/Seq Scan/);
      expect(db.plans[0]).toMatch(/declaration_filed_idx/);
    } finally {
      await db.close();
    }
  });
});
