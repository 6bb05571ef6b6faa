import { customsSubgraph } from '../../subgraphs/customs';
import { encodeCursor, makeUscc } from '../../subgraphs/kit';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { E, insertFixtures, S } from './fixtures';

let customs: SubgraphUnderTest;
beforeAll(async () => {
  customs = await startSubgraphUnderTest(customsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => customs?.stop());

const SHIPMENT = `query($awb: ID!) { shipment(awb: $awb) { awb } }`;
const DECLARATION = `query($n: ID!) { declaration(number: $n) { number } }`;
const ENTERPRISE = `query($u: ID!) { enterprise(uscc: $u) { uscc } }`;
const SHIPMENTS = `query($filter: ShipmentFilter, $first: Int, $after: String) {
  shipments(filter: $filter, first: $first, after: $after) { nodes { awb } } }`;
const STATS = `query($airport: ID, $from: Date!, $to: Date!) {
  clearanceStats(airport: $airport, from: $from, to: $to, groupBy: AIRPORT) { key } }`;
const APPLICATION = `query($n: ID!) { specialGoodsApplication(number: $n) { number } }`;

const validUsccWrongCheck = (() => {
  const good = E.alpha;
  const other = good[17] === '0' ? '1' : '0';
  return good.slice(0, 17) + other;
})();

const CASES: [string, string, Record<string, unknown>, string, RegExp][] = [
  [
    'AWB with a wrong check digit',
    SHIPMENT,
    { awb: '999-31415927' },
    'awb',
    /check digit.*ends in 6/,
  ],
  ['AWB of the wrong length', SHIPMENT, { awb: '999-3141592' }, 'awb', /not an air waybill number/],
  [
    'declaration number of 17 characters',
    DECLARATION,
    { n: '01012024100000001' },
    'number',
    /expected 18 characters, got 17/,
  ],
  [
    'declaration number with a bad direction digit',
    DECLARATION,
    { n: '010120242000000001' },
    'number',
    /1 for import or 0 for export/,
  ],
  [
    'USCC with a wrong check character',
    ENTERPRISE,
    { u: validUsccWrongCheck },
    'uscc',
    /wrong check character/,
  ],
  ['USCC of the wrong length', ENTERPRISE, { u: 'ABC' }, 'uscc', /expected 18 characters, got 3/],
  [
    'USCC with a forbidden letter',
    ENTERPRISE,
    { u: makeUscc('91110105MA00AB1C1').replace(/^9/, 'I') },
    'uscc',
    /"I" is not allowed/,
  ],
  [
    'lower-case arrival airport',
    SHIPMENTS,
    { filter: { arrivalAirport: 'pkx' } },
    'filter.arrivalAirport',
    /"pkx" is not an IATA airport code/,
  ],
  [
    'four-letter destination airport',
    SHIPMENTS,
    { filter: { destinationAirport: 'ZBAD' } },
    'filter.destinationAirport',
    /not an IATA airport code/,
  ],
  [
    'bad consignee USCC',
    SHIPMENTS,
    { filter: { consignee: validUsccWrongCheck } },
    'filter.consignee',
    /wrong check character/,
  ],
  [
    'bad supervision mode',
    SHIPMENTS,
    { filter: { supervisionMode: '12A0' } },
    'filter.supervisionMode',
    /not a supervision mode code: expected 4 digits/,
  ],
  [
    'manifestedFrom after manifestedTo',
    SHIPMENTS,
    { filter: { manifestedFrom: '2025-02-01T00:00:00Z', manifestedTo: '2025-01-01T00:00:00Z' } },
    'filter.manifestedTo',
    /manifestedFrom.*is after.*manifestedTo/,
  ],
  ['page too large', SHIPMENTS, { first: 1001 }, 'first', /between 0 and 1000/],
  ['a cursor that is not one', SHIPMENTS, { after: 'bm90LWEtY3Vyc29y' }, 'after', /not a cursor/],
  [
    'a forged cursor with a year only',
    SHIPMENTS,
    { after: encodeCursor(['2025', S.released]) },
    'after',
    /not a cursor/,
  ],
  [
    'a forged cursor with a bad instant',
    SHIPMENTS,
    { after: encodeCursor(['yesterday', S.released]) },
    'after',
    /not a cursor/,
  ],
  [
    'a bad stats airport',
    STATS,
    { airport: 'Beijing', from: '2024-01-01', to: '2024-01-31' },
    'airport',
    /not an IATA airport code/,
  ],
  [
    'stats from after to',
    STATS,
    { from: '2024-02-01', to: '2024-01-31' },
    'to',
    /`from` \(2024-02-01\) is after `to` \(2024-01-31\)/,
  ],
  [
    'a stats range too long',
    STATS,
    { from: '2020-01-01', to: '2024-01-01' },
    'to',
    /spans 1462 days: at most 1096/,
  ],
  ['an empty application number', APPLICATION, { n: ' ' }, 'number', /must not be empty/],
];

describe('bad input', () => {
  it.each(CASES)(
    'rejects %s as BAD_USER_INPUT naming the argument',
    async (_n, query, vars, field, message) => {
      const error = expectError(await customs.graphql(query, vars), 'BAD_USER_INPUT', {
        field,
        message,
      });
      expect(JSON.stringify(error)).not.toMatch(/stacktrace|at .*\.ts:/);
    },
  );

  it('rejects an impossible calendar date before any resolver runs', async () => {
    const body = await customs.graphql(STATS, { from: '2024-02-30', to: '2024-03-01' });
    expectError(body, 'BAD_USER_INPUT', { message: /YYYY-MM-DD/ });
  });

  it('accepts the longest allowed stats range', async () => {
    expectData(await customs.graphql(STATS, { from: '2022-01-01', to: '2024-12-31' }));
  });
});
