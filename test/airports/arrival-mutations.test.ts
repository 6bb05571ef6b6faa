import { SHOWCASE } from '../../scripts/demo/showcase';
import { airportsSubgraph } from '../../subgraphs/airports';
import { makeAwb } from '../../subgraphs/kit';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphClient, SubgraphUnderTest } from '../support/subgraph';
import { RECORD_ARRIVAL, RECORD_EVENT } from './operations';

/**
 * recordArrival against the real customs register: the four subgraphs and the gateway over one
 * seeded database. Mutations go straight to the airports subgraph, whose answers are under test;
 * it asks customs through the real gateway.
 */

// In the air at the demo's "now": manifested by customs (port of entry PEK), not yet tallied.
const AWB = SHOWCASE.notYetArrived;
// Valid check digit, never manifested.
const UNKNOWN_AWB = makeAwb('999', 7777770);

const baseInput = {
  awb: AWB,
  airport: 'PEK',
  facility: 'PEK-GEN-1',
  arrivedAt: '2026-11-26T09:15:00+08:00',
  talliedAt: '2026-11-26T09:50:00+08:00',
  pieces: 12,
  weightKg: 480.5,
};

describe('recordArrival', () => {
  let fed: Federation;
  let airports: SubgraphClient;

  beforeAll(async () => {
    fed = await startFederation();
    airports = fed.subgraph('airports');
  }, 120_000);
  afterAll(() => fed?.stop());

  const record = (input: Record<string, unknown>) => airports.graphql(RECORD_ARRIVAL, { input });

  async function rowsOf(awb: string): Promise<{ arrivals: number; events: number }> {
    const [row] = await airports.db.query<{ arrivals: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM airports.cargo_arrival WHERE awb = $1) AS arrivals,
              (SELECT count(*)::int FROM airports.handling_event WHERE awb = $1) AS events`,
      [awb],
    );
    return row;
  }

  describe('validation, before anything is written', () => {
    it.each([
      ['a wrong AWB check digit', { awb: '999-46692016' }, 'input.awb', 'check digit'],
      ['a malformed AWB', { awb: '99946692' }, 'input.awb', 'air waybill'],
      ['a malformed IATA code', { airport: 'pek' }, 'input.airport', 'IATA airport code'],
      ['an airport that is not a Beijing hub', { airport: 'FRA' }, 'input.airport', 'Beijing hub'],
      ['zero pieces', { pieces: 0 }, 'input.pieces', 'at least 1'],
      ['negative pieces', { pieces: -3 }, 'input.pieces', 'at least 1'],
      ['zero weight', { weightKg: 0 }, 'input.weightKg', 'more than 0'],
      ['negative weight', { weightKg: -1.5 }, 'input.weightKg', 'more than 0'],
      [
        'a tally before the arrival',
        { talliedAt: '2026-11-26T09:00:00+08:00' },
        'input.talliedAt',
        'cannot precede',
      ],
      ['a facility of the other hub', { facility: 'PKX-GEN-1' }, 'input.facility', 'not at PEK'],
      [
        'a facility under construction',
        { facility: 'PEK-COLD-2' },
        'input.facility',
        'only OPERATIONAL',
      ],
      [
        'an empty idempotency key',
        { idempotencyKey: '' },
        'input.idempotencyKey',
        '1 to 200 characters',
      ],
    ])('refuses %s → BAD_USER_INPUT', async (_what, change, field, message) => {
      const res = await record({ ...baseInput, ...change });
      expectError(res, 'BAD_USER_INPUT', { field, message });
      expect(await rowsOf(AWB)).toEqual({ arrivals: 0, events: 0 });
    });

    it.each([
      ['an unknown airport', { airport: 'ZZZ' }, 'input.airport'],
      ['an unknown facility', { facility: 'PEK-NOPE-9' }, 'input.facility'],
    ])('refuses %s → NOT_FOUND', async (_what, change, field) => {
      expectError(await record({ ...baseInput, ...change }), 'NOT_FOUND', { field });
      expect(await rowsOf(AWB)).toEqual({ arrivals: 0, events: 0 });
    });

    it.each([
      ['without an offset', '2026-11-26T09:15:00'],
      ['that is not a time', 'yesterday'],
    ])('refuses a DateTime %s → BAD_USER_INPUT naming input.arrivedAt', async (_what, value) => {
      const err = expectError(await record({ ...baseInput, arrivedAt: value }), 'BAD_USER_INPUT', {
        message: 'input.arrivedAt',
      });
      expect(err.message).toContain('with offset');
    });

    it('refuses fractional pieces (GraphQL Int) → BAD_USER_INPUT naming input.pieces', async () => {
      expectError(await record({ ...baseInput, pieces: 1.5 }), 'BAD_USER_INPUT', {
        message: 'input.pieces',
      });
    });
  });

  describe('the customs register, through the gateway', () => {
    it('refuses a shipment that customs does not know → NOT_FOUND', async () => {
      expectError(await record({ ...baseInput, awb: UNKNOWN_AWB }), 'NOT_FOUND', {
        field: 'input.awb',
        message: 'not in the customs register',
      });
      expect(await rowsOf(UNKNOWN_AWB)).toEqual({ arrivals: 0, events: 0 });
    });

    it('refuses a hub that is not the port of entry → BAD_USER_INPUT', async () => {
      expectError(
        await record({ ...baseInput, airport: 'PKX', facility: 'PKX-GEN-1' }),
        'BAD_USER_INPUT',
        { field: 'input.airport', message: 'enters China at PEK' },
      );
      expect(await rowsOf(AWB)).toEqual({ arrivals: 0, events: 0 });
    });

    describe('when the gateway does not answer', () => {
      let isolated: SubgraphUnderTest;
      beforeAll(async () => {
        isolated = await startSubgraphUnderTest(airportsSubgraph, { database: fed.databaseUrl });
      });
      afterAll(() => isolated?.stop());

      it('refuses with DEPENDENCY_UNAVAILABLE and writes nothing', async () => {
        const res = await isolated.graphql(RECORD_ARRIVAL, {
          input: { ...baseInput, idempotencyKey: 'gateway-down-1' },
        });
        expectError(res, 'DEPENDENCY_UNAVAILABLE', {
          message: 'the shipment in the customs register',
        });
        expect(await rowsOf(AWB)).toEqual({ arrivals: 0, events: 0 });
        const keys = await airports.db.query(
          `SELECT 1 FROM airports.idempotency_key WHERE key = 'gateway-down-1'`,
        );
        expect(keys).toHaveLength(0);
      });
    });
  });

  describe('the tally', () => {
    // Each test tallies a shipment of its own, manifested by customs for it (port of entry PEK,
    // manifested 20 pieces), so that each runs alone and in any order.
    let serial = 7_100_000;
    let consignee: string;
    beforeAll(async () => {
      const { shipment } = expectData(
        await fed.graphql<{ shipment: { manifest: { consignee: { uscc: string } } } }>(
          `query($awb: ID!) { shipment(awb: $awb) { manifest { consignee { uscc } } } }`,
          { awb: AWB },
        ),
      );
      consignee = shipment.manifest.consignee.uscc;
    });

    async function manifested(): Promise<string> {
      const awb = makeAwb('999', ++serial);
      expectData(
        await fed.graphql(
          'mutation($i: RegisterManifestInput!) { registerManifest(input: $i) { awb } }',
          {
            i: {
              awb,
              origin: 'FRA',
              destination: 'PEK',
              portOfEntry: 'PEK',
              shipper: 'Frankfurt Forwarding GmbH',
              consignee,
              pieces: 20,
              grossWeightKg: 500,
              goodsDescription: 'Machine parts',
              manifestedAt: '2026-11-25T20:00:00Z',
            },
          },
        ),
      );
      return awb;
    }

    it('creates the arrival and its ARRIVED and TALLIED events, returned at once', async () => {
      const awb = await manifested();
      // The manifest says otherwise: the tally records what arrived.
      expect(baseInput.pieces).not.toBe(20);
      const res = await record({ ...baseInput, awb, idempotencyKey: `tally-${awb}` });
      expect(expectData(res).recordArrival).toEqual({
        awb,
        arrival: {
          airport: { iataCode: 'PEK' },
          facility: { id: 'PEK-GEN-1' },
          arrivedAt: '2026-11-26T01:15:00.000Z',
          pieces: 12,
          weightKg: 480.5,
        },
        handlingEvents: [
          { at: '2026-11-26T01:15:00.000Z', type: 'ARRIVED', facility: null, note: null },
          {
            at: '2026-11-26T01:50:00.000Z',
            type: 'TALLIED',
            facility: { id: 'PEK-GEN-1' },
            note: '12 pieces, 480.5 kg',
          },
        ],
      });
      expect(await rowsOf(awb)).toEqual({ arrivals: 1, events: 2 });
    });

    it('is visible in the next read through the gateway', async () => {
      const awb = await manifested();
      expectData(await record({ ...baseInput, awb }));
      const res = await fed.graphql<{
        shipment: {
          manifest: { pieces: number };
          arrival: unknown;
          handlingEvents: { type: string }[];
        };
      }>(
        `query($awb: ID!) { shipment(awb: $awb) {
          manifest { pieces }
          arrival { airport { iataCode } facility { id kind } arrivedAt pieces weightKg }
          handlingEvents { at type }
        } }`,
        { awb },
      );
      const data = expectData(res);
      expect(data.shipment.manifest.pieces).toBe(20);
      expect(data.shipment.arrival).toEqual({
        airport: { iataCode: 'PEK' },
        facility: { id: 'PEK-GEN-1', kind: 'GENERAL_CARGO_WAREHOUSE' },
        arrivedAt: '2026-11-26T01:15:00.000Z',
        pieces: 12,
        weightKg: 480.5,
      });
      expect(data.shipment.handlingEvents.map((e) => e.type)).toEqual(['ARRIVED', 'TALLIED']);
    });

    it('returns the first result for a retry with the same key, writing nothing', async () => {
      const awb = await manifested();
      const first = expectData(await record({ ...baseInput, awb, idempotencyKey: `t-${awb}` }));
      const retry = expectData(await record({ ...baseInput, awb, idempotencyKey: `t-${awb}` }));
      expect(retry).toEqual(first);
      expect(retry.recordArrival.handlingEvents).toHaveLength(2);
      expect(await rowsOf(awb)).toEqual({ arrivals: 1, events: 2 });
    });

    it('refuses the same key with another input → IDEMPOTENCY_CONFLICT', async () => {
      const awb = await manifested();
      expectData(await record({ ...baseInput, awb, idempotencyKey: `t-${awb}` }));
      expectError(
        await record({ ...baseInput, awb, pieces: 13, idempotencyKey: `t-${awb}` }),
        'IDEMPOTENCY_CONFLICT',
        { field: 'input.idempotencyKey' },
      );
      expect(await rowsOf(awb)).toEqual({ arrivals: 1, events: 2 });
    });

    it.each([
      ['without a key', false],
      ['with a new key', true],
    ])('refuses a second arrival %s → CONFLICT', async (_what, keyed) => {
      const awb = await manifested();
      expectData(await record({ ...baseInput, awb }));
      const idempotencyKey = keyed ? `second-${awb}` : undefined;
      expectError(await record({ ...baseInput, awb, idempotencyKey }), 'CONFLICT', {
        field: 'input.awb',
        message: 'already exists',
      });
      expect(await rowsOf(awb)).toEqual({ arrivals: 1, events: 2 });
    });

    it('then takes the cargo through its lifecycle to pickup, and nothing after', async () => {
      const awb = await manifested();
      expectData(await record({ ...baseInput, awb }));
      const steps = [
        { type: 'STORED', at: '2026-11-26T10:05:00+08:00', facility: 'PEK-GEN-1' },
        { type: 'RELEASED_FROM_WAREHOUSE', at: '2026-11-27T08:00:00+08:00' },
        { type: 'PICKED_UP', at: '2026-11-27T09:30:00+08:00', note: 'collected by the agent' },
      ];
      for (const step of steps) {
        const res = await airports.graphql(RECORD_EVENT, { input: { awb, ...step } });
        expectData(res);
      }
      expectError(
        await airports.graphql(RECORD_EVENT, {
          input: { awb, type: 'STORED', at: '2026-11-27T10:00:00+08:00' },
        }),
        'INVALID_STATE_TRANSITION',
        { extensions: { current: 'PICKED_UP', requested: 'STORED' } },
      );
      const read = await fed.graphql<{ shipment: { handlingEvents: { type: string }[] } }>(
        `query($awb: ID!) { shipment(awb: $awb) { handlingEvents { type } } }`,
        { awb },
      );
      expect(read.data!.shipment.handlingEvents.map((e) => e.type)).toEqual([
        'ARRIVED',
        'TALLIED',
        'STORED',
        'RELEASED_FROM_WAREHOUSE',
        'PICKED_UP',
      ]);
    });
  });
});
