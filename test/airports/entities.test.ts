import { airportsSubgraph } from '../../subgraphs/airports';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { AWB, insertFixtures } from './fixtures';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Airport { iataCode name isBeijingHub }
  ... on Facility { id kind airport { iataCode name } }
  ... on Shipment {
    awb
    arrival { arrivedAt pieces weightKg airport { iataCode } facility { id kind } }
  }
} }`;

const airport = (iataCode: string) => ({ __typename: 'Airport', iataCode });
const facility = (id: string) => ({ __typename: 'Facility', id });
const shipment = (awb: string) => ({ __typename: 'Shipment', awb });

describe('airports subgraph _entities', () => {
  let airports: SubgraphUnderTest;
  beforeAll(async () => {
    airports = await startSubgraphUnderTest(airportsSubgraph, { fixtures: insertFixtures });
  });
  afterAll(() => airports?.stop());

  it('resolves many Airport references, unknown ones to null, in one statement', async () => {
    const { result, statements } = await airports.statementsOf(() =>
      airports.graphql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Airport { iataCode name } } }`,
        { r: ['PEK', 'FRA', 'ZZZ', 'PKX', 'DOH', 'LHR', 'bad!'].map(airport) },
      ),
    );
    expect(expectData(result)._entities).toEqual([
      { iataCode: 'PEK', name: 'Beijing Capital International Airport' },
      { iataCode: 'FRA', name: 'Frankfurt Airport' },
      null,
      { iataCode: 'PKX', name: 'Beijing Daxing International Airport' },
      { iataCode: 'DOH', name: 'Hamad International Airport' },
      { iataCode: 'LHR', name: 'Heathrow Airport' },
      null,
    ]);
    expect(statements).toBe(1);
  });

  it('resolves many Facility references and their airports in one statement each', async () => {
    const ids = ['PKX-COLD-1', 'PEK-GEN-1', 'NOPE-1', 'PKX-FRUIT-1', 'PEK-EXP-1', 'PKX-AQUA-1'];
    const { result, statements } = await airports.statementsOf(() =>
      airports.graphql(
        `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Facility { id name status airport { iataCode } }
      } }`,
        { r: ids.map(facility) },
      ),
    );
    const entities = expectData(result)._entities;
    expect(entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([
      'PKX-COLD-1',
      'PEK-GEN-1',
      null,
      'PKX-FRUIT-1',
      'PEK-EXP-1',
      'PKX-AQUA-1',
    ]);
    expect(entities[0]).toEqual({
      id: 'PKX-COLD-1',
      name: 'Daxing Cold Chain Centre',
      status: 'OPERATIONAL',
      airport: { iataCode: 'PKX' },
    });
    expect(entities[1].airport).toEqual({ iataCode: 'PEK' });
    // facilities, then the airports of all of them
    expect(statements).toBe(2);
  });

  it('resolves Shipment arrivals with their airports and facilities in one statement each', async () => {
    const awbs = [
      AWB.cherries,
      AWB.notArrived,
      AWB.pekGeneral,
      AWB.coldB,
      AWB.transfer,
      AWB.urchin,
    ];
    const { result, statements } = await airports.statementsOf(() =>
      airports.graphql(
        `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Shipment {
          awb
          arrival { arrivedAt pieces weightKg airport { iataCode } facility { id kind } }
        }
      } }`,
        { r: awbs.map(shipment) },
      ),
    );
    expect(expectData(result)._entities).toEqual([
      {
        awb: AWB.cherries,
        arrival: {
          arrivedAt: '2024-12-04T02:00:00.000Z',
          pieces: 120,
          weightKg: 3833,
          airport: { iataCode: 'PKX' },
          facility: { id: 'PKX-FRUIT-1', kind: 'DESIGNATED_SITE_FRUIT' },
        },
      },
      { awb: AWB.notArrived, arrival: null },
      {
        awb: AWB.pekGeneral,
        arrival: {
          arrivedAt: '2024-12-04T03:00:00.000Z',
          pieces: 30,
          weightKg: 999,
          airport: { iataCode: 'PEK' },
          facility: { id: 'PEK-GEN-1', kind: 'GENERAL_CARGO_WAREHOUSE' },
        },
      },
      {
        awb: AWB.coldB,
        arrival: {
          arrivedAt: '2024-12-04T16:30:00.000Z',
          pieces: 5,
          weightKg: 250.3,
          airport: { iataCode: 'PKX' },
          facility: { id: 'PKX-COLD-1', kind: 'COLD_CHAIN_WAREHOUSE' },
        },
      },
      { awb: AWB.transfer, arrival: null },
      {
        awb: AWB.urchin,
        arrival: {
          arrivedAt: '2024-12-31T17:00:00.000Z',
          pieces: 12,
          weightKg: 270,
          airport: { iataCode: 'PKX' },
          facility: { id: 'PKX-AQUA-1', kind: 'DESIGNATED_SITE_CHILLED_AQUATIC' },
        },
      },
    ]);
    // arrivals, then airports and facilities of all of them
    expect(statements).toBe(3);
  });

  it('resolves Shipment handling events chronologically, in one statement per field', async () => {
    const awbs = [AWB.cherries, AWB.notArrived, AWB.coldA, AWB.transfer, AWB.coldC];
    const { result, statements } = await airports.statementsOf(() =>
      airports.graphql(
        `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Shipment { awb handlingEvents { at type note facility { id } } }
      } }`,
        { r: awbs.map(shipment) },
      ),
    );
    const [cherries, notArrived, coldA, transfer, coldC] = expectData(result)._entities;
    expect(cherries.handlingEvents).toEqual([
      { at: '2024-12-04T02:00:00.000Z', type: 'ARRIVED', note: null, facility: null },
      {
        at: '2024-12-04T02:30:00.000Z',
        type: 'TALLIED',
        note: '120 pieces, 3833 kg',
        facility: { id: 'PKX-FRUIT-1' },
      },
      {
        at: '2024-12-04T03:00:00.000Z',
        type: 'INSPECTED_AT_DESIGNATED_SITE',
        note: null,
        facility: { id: 'PKX-FRUIT-1' },
      },
      {
        at: '2024-12-04T05:00:00.000Z',
        type: 'RELEASED_FROM_WAREHOUSE',
        note: 'released after inspection',
        facility: { id: 'PKX-FRUIT-1' },
      },
      { at: '2024-12-04T07:00:00.000Z', type: 'PICKED_UP', note: null, facility: null },
    ]);
    expect(notArrived).toEqual({ awb: AWB.notArrived, handlingEvents: [] });
    expect(coldA.handlingEvents.map((e: { type: string }) => e.type)).toEqual([
      'STORED',
      'TEMPERATURE_EXCURSION',
    ]);
    expect(transfer.handlingEvents).toEqual([
      {
        at: '2024-12-10T08:00:00.000Z',
        type: 'TRANSFERRED_FOR_TRANSSHIPMENT',
        note: 'to PEK',
        facility: { id: 'PKX-CONS-1' },
      },
    ]);
    expect(coldC.handlingEvents).toEqual([]);
    // handling events, then the facilities of all of them
    expect(statements).toBe(2);
  });

  it('gives a shipment unknown to the airport no arrival and no events, echoing its key', async () => {
    const result = await airports.graphql(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Shipment { awb arrival { pieces } handlingEvents { type } }
      } }`,
      { r: [shipment('999-31415926')] },
    );
    expect(expectData(result)._entities).toEqual([
      { awb: '999-31415926', arrival: null, handlingEvents: [] },
    ]);
  });

  it('matches an AWB given as 11 bare digits to its stored display form', async () => {
    const bare = AWB.cherries.replace('-', '');
    const result = await airports.graphql(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Shipment { awb arrival { pieces } }
      } }`,
      { r: [shipment(bare)] },
    );
    expect(result.data!._entities).toEqual([{ awb: bare, arrival: { pieces: 120 } }]);
  });

  it('costs a bounded number of statements for a mix of 15 references', async () => {
    const few = [airport('PEK'), facility('PKX-COLD-1'), shipment(AWB.cherries)];
    const many = [
      ...['PEK', 'PKX', 'FRA', 'DOH', 'XXX'].map(airport),
      ...['PKX-COLD-1', 'PEK-GEN-1', 'PKX-FRUIT-1', 'PEK-EXP-1', 'NOPE'].map(facility),
      ...[AWB.cherries, AWB.coldA, AWB.urchin, AWB.notArrived, AWB.pekGeneral].map(shipment),
    ];
    const small = await airports.statementsOf(() => airports.graphql(ENTITIES, { r: few }));
    const large = await airports.statementsOf(() => airports.graphql(ENTITIES, { r: many }));
    expectData(small.result);
    const entities = expectData(large.result)._entities;
    expect(entities).toHaveLength(15);
    expect(entities.filter((e: unknown) => e === null)).toHaveLength(2);
    expect(entities[14]).toMatchObject({
      __typename: 'Shipment',
      awb: AWB.pekGeneral,
      arrival: { airport: { iataCode: 'PEK' }, facility: { id: 'PEK-GEN-1' } },
    });
    // One per entity type (Airport, Facility, Shipment.arrival) plus one per nested field level
    // (Facility.airport and CargoArrival.airport share a loader, CargoArrival.facility), whatever
    // the number of references; cache hits can only make it fewer.
    expect(small.statements).toBeLessThanOrEqual(5);
    expect(large.statements).toBeLessThanOrEqual(5);
    expect(large.statements).toBeGreaterThanOrEqual(3);
  });
});
