import { makeAwb } from '../../subgraphs/kit';
import { airportsSubgraph } from '../../subgraphs/airports';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { AWB, insertFixtures } from './fixtures';
import { RECORD_EVENT } from './operations';

/**
 * recordHandlingEvent over the fixtures (no cross-agency rule: the arrival was checked against
 * the customs register when it was recorded). The fixtures' shipments are only read or refused
 * here; every test that writes events does so on an arrival of its own (`arrived`), so each test
 * runs alone and in any order.
 *   cherries: ARRIVED, TALLIED, INSPECTED, RELEASED, PICKED_UP (final)
 *   coldA:    STORED 15:45, TEMPERATURE_EXCURSION 18:00 (Dec 4, UTC), at PKX
 *   coldC:    arrival 2024-12-09T01:00Z at PKX, no events
 *   urchin:   arrival at PKX-AQUA-1, no events
 *   pekGeneral: arrival at PEK;  notArrived: no arrival
 */
describe('recordHandlingEvent', () => {
  let airports: SubgraphUnderTest;
  beforeAll(async () => {
    airports = await startSubgraphUnderTest(airportsSubgraph, { fixtures: insertFixtures });
  });
  afterAll(() => airports?.stop());

  const record = (input: Record<string, unknown>) => airports.graphql(RECORD_EVENT, { input });

  let serial = 8_000_000;
  /** A fresh shipment tallied at `at` (PKX cold chain unless told), with no events yet. */
  async function arrived(
    at = '2024-12-09T01:00:00Z',
    airport = 'PKX',
    facility = 'PKX-COLD-1',
  ): Promise<string> {
    const awb = makeAwb('999', ++serial);
    await airports.db.query(
      `INSERT INTO airports.cargo_arrival (awb, airport_iata, facility_id, arrived_at, pieces, weight_kg)
       VALUES ($1, $2, $3, $4, 1, 10)`,
      [awb, airport, facility, at],
    );
    return awb;
  }

  async function eventCount(awb: string): Promise<number> {
    const [row] = await airports.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM airports.handling_event WHERE awb = $1`,
      [awb],
    );
    return row.n;
  }

  it('appends an event, returned at once with the others in order', async () => {
    const awb = await arrived('2024-12-04T16:30:00Z');
    const res = await record({
      awb,
      type: 'STORED',
      at: '2024-12-05T01:00:00+08:00',
      facility: 'PKX-COLD-1',
      note: '  rack 12  ',
    });
    expect(expectData(res).recordHandlingEvent.handlingEvents).toEqual([
      {
        at: '2024-12-04T17:00:00.000Z',
        type: 'STORED',
        facility: { id: 'PKX-COLD-1' },
        note: 'rack 12',
      },
    ]);
    const read = await airports.graphql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { handlingEvents { type } } } }`,
      { r: [{ __typename: 'Shipment', awb }] },
    );
    expect(read.data!._entities[0].handlingEvents).toEqual([{ type: 'STORED' }]);
  });

  it('accepts an event at the same instant as the last one', async () => {
    const awb = await arrived('2024-12-04T16:30:00Z');
    expectData(
      await record({ awb, type: 'STORED', at: '2024-12-04T17:00:00Z', facility: 'PKX-COLD-1' }),
    );
    const res = await record({
      awb,
      type: 'TEMPERATURE_EXCURSION',
      at: '2024-12-04T17:00:00Z',
      facility: 'PKX-COLD-1',
    });
    expect(
      expectData(res).recordHandlingEvent.handlingEvents.map((e: { type: string }) => e.type),
    ).toEqual(['STORED', 'TEMPERATURE_EXCURSION']);
  });

  describe('the cargo lifecycle', () => {
    it('refuses any event after PICKED_UP → INVALID_STATE_TRANSITION', async () => {
      expectError(
        await record({
          awb: AWB.cherries,
          type: 'TEMPERATURE_EXCURSION',
          at: '2024-12-05T00:00:00Z',
        }),
        'INVALID_STATE_TRANSITION',
        {
          extensions: {
            entity: 'Shipment',
            id: AWB.cherries,
            current: 'PICKED_UP',
            requested: 'TEMPERATURE_EXCURSION',
          },
          message: 'PICKED_UP is final',
        },
      );
      expect(await eventCount(AWB.cherries)).toBe(5);
    });

    it('refuses a pickup before the release from the warehouse', async () => {
      // The excursion is an incident: the cargo's current step is still STORED.
      expectError(
        await record({ awb: AWB.coldA, type: 'PICKED_UP', at: '2024-12-05T00:00:00Z' }),
        'INVALID_STATE_TRANSITION',
        {
          extensions: { current: 'STORED', requested: 'PICKED_UP' },
          message: 'RELEASED_FROM_WAREHOUSE before it is PICKED_UP',
        },
      );
    });

    it('refuses a second release', async () => {
      const awb = await arrived('2024-12-04T03:00:00Z', 'PEK', 'PEK-GEN-1');
      const first = await record({
        awb,
        type: 'RELEASED_FROM_WAREHOUSE',
        at: '2024-12-04T09:00:00Z',
        facility: 'PEK-GEN-1',
      });
      expectData(first);
      expectError(
        await record({ awb, type: 'RELEASED_FROM_WAREHOUSE', at: '2024-12-04T10:00:00Z' }),
        'INVALID_STATE_TRANSITION',
        {
          extensions: { current: 'RELEASED_FROM_WAREHOUSE', requested: 'RELEASED_FROM_WAREHOUSE' },
        },
      );
    });

    it.each(['ARRIVED', 'TALLIED'])('refuses %s: it is written by recordArrival', async (type) => {
      expectError(
        await record({ awb: AWB.coldC, type, at: '2024-12-09T02:00:00Z' }),
        'BAD_USER_INPUT',
        { field: 'input.type', message: 'recordArrival' },
      );
    });

    it('refuses an event for a shipment without a recorded arrival → NOT_FOUND', async () => {
      expectError(
        await record({ awb: AWB.notArrived, type: 'STORED', at: '2024-12-09T02:00:00Z' }),
        'NOT_FOUND',
        { field: 'input.awb', message: 'no recorded arrival' },
      );
      expect(await eventCount(AWB.notArrived)).toBe(0);
    });
  });

  describe('chronological order', () => {
    it('refuses an event before the last one', async () => {
      expectError(
        await record({ awb: AWB.coldA, type: 'STORED', at: '2024-12-04T17:59:59Z' }),
        'BAD_USER_INPUT',
        { field: 'input.at', message: 'before its last event (TEMPERATURE_EXCURSION)' },
      );
      expect(await eventCount(AWB.coldA)).toBe(2);
    });

    it('refuses an event before the arrival', async () => {
      expectError(
        await record({ awb: AWB.coldC, type: 'STORED', at: '2024-12-09T08:59:00+08:00' }),
        'BAD_USER_INPUT',
        { field: 'input.at', message: 'before its arrival' },
      );
    });

    it('refuses a DateTime without an offset', async () => {
      expectError(
        await record({ awb: AWB.coldC, type: 'STORED', at: '2024-12-09T10:00:00' }),
        'BAD_USER_INPUT',
        { message: 'input.at' },
      );
    });
  });

  describe('facilities', () => {
    it('records an inspection at a designated site', async () => {
      const res = await record({
        awb: AWB.urchin,
        type: 'INSPECTED_AT_DESIGNATED_SITE',
        at: '2025-01-01T03:00:00+08:00',
        facility: 'PKX-AQUA-1',
      });
      expect(expectData(res).recordHandlingEvent.handlingEvents).toEqual([
        expect.objectContaining({
          type: 'INSPECTED_AT_DESIGNATED_SITE',
          facility: { id: 'PKX-AQUA-1' },
        }),
      ]);
    });

    it.each([
      ['at a warehouse', 'PKX-COLD-1', 'DESIGNATED_SITE_FRUIT'],
      ['without a facility', undefined, 'names the site'],
    ])('refuses an inspection at a designated site %s', async (_what, facility, message) => {
      expectError(
        await record({
          awb: AWB.coldC,
          type: 'INSPECTED_AT_DESIGNATED_SITE',
          at: '2024-12-09T03:00:00Z',
          facility,
        }),
        'BAD_USER_INPUT',
        { field: 'input.facility', message },
      );
    });

    it.each([
      ['of another airport', 'PKX-COLD-1', AWB.pekGeneral, 'not at PEK'],
      ['that is not operational', 'PKX-CONS-1', AWB.coldC, 'only OPERATIONAL'],
    ])('refuses a facility %s', async (_what, facility, awb, message) => {
      expectError(
        await record({ awb, type: 'STORED', at: '2024-12-20T00:00:00Z', facility }),
        'BAD_USER_INPUT',
        { field: 'input.facility', message },
      );
    });

    it('refuses an unknown facility → NOT_FOUND', async () => {
      expectError(
        await record({
          awb: AWB.coldC,
          type: 'STORED',
          at: '2024-12-20T00:00:00Z',
          facility: 'PKX-X-9',
        }),
        'NOT_FOUND',
        { field: 'input.facility' },
      );
    });
  });

  describe('input checks', () => {
    it.each([
      ['a wrong AWB check digit', { awb: '157-41200019' }, 'input.awb'],
      ['a note over 500 characters', { note: 'x'.repeat(501) }, 'input.note'],
      ['a negative expectedVersion', { expectedVersion: -1 }, 'input.expectedVersion'],
      [
        'an idempotency key over 200 characters',
        { idempotencyKey: 'k'.repeat(201) },
        'input.idempotencyKey',
      ],
    ])('refuses %s → BAD_USER_INPUT', async (_what, change, field) => {
      expectError(
        await record({ awb: AWB.coldC, type: 'STORED', at: '2024-12-20T00:00:00Z', ...change }),
        'BAD_USER_INPUT',
        { field },
      );
    });
  });

  describe('retries and concurrency', () => {
    const stored = (awb: string) => ({
      awb,
      type: 'STORED',
      at: '2024-12-09T02:00:00Z',
      facility: 'PKX-COLD-1',
    });

    it('returns the first result for a retry with the same key, writing nothing', async () => {
      const awb = await arrived();
      const first = await record({ ...stored(awb), idempotencyKey: 'scan-42' });
      const retry = await record({ ...stored(awb), idempotencyKey: 'scan-42' });
      expect(expectData(retry)).toEqual(expectData(first));
      expect(await eventCount(awb)).toBe(1);
    });

    it('refuses the same key with another input → IDEMPOTENCY_CONFLICT', async () => {
      const awb = await arrived();
      expectData(await record({ ...stored(awb), idempotencyKey: 'scan-43' }));
      expectError(
        await record({ ...stored(awb), at: '2024-12-09T02:30:00Z', idempotencyKey: 'scan-43' }),
        'IDEMPOTENCY_CONFLICT',
        { field: 'input.idempotencyKey' },
      );
      expect(await eventCount(awb)).toBe(1);
    });

    it('refuses a stale expectedVersion (the number of events read) → CONFLICT', async () => {
      const awb = await arrived();
      expectData(await record(stored(awb)));
      expectError(
        await record({ ...stored(awb), at: '2024-12-09T03:00:00Z', expectedVersion: 0 }),
        'CONFLICT',
        { extensions: { expectedVersion: 0, currentVersion: 1 } },
      );
      expect(await eventCount(awb)).toBe(1);
      const ok = await record({ ...stored(awb), at: '2024-12-09T03:00:00Z', expectedVersion: 1 });
      expectData(ok);
      expect(await eventCount(awb)).toBe(2);
    });

    it('serialises concurrent events of one shipment: one release of 20 wins', async () => {
      const awb = await arrived();
      expectData(await record(stored(awb)));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          record({
            awb,
            type: 'RELEASED_FROM_WAREHOUSE',
            at: `2024-12-10T0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}:00Z`,
          }),
        ),
      );
      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(1);
      for (const r of results.filter((x) => x.errors)) {
        expectError(r, 'INVALID_STATE_TRANSITION', {
          extensions: { current: 'RELEASED_FROM_WAREHOUSE' },
        });
      }
      expect(await eventCount(awb)).toBe(2);
    });

    it('keeps concurrent events chronological, whichever write takes the lock first', async () => {
      const awb = await arrived('2024-12-04T16:30:00Z');
      const times = Array.from({ length: 10 }, (_, i) => `2024-12-05T0${i}:00:00Z`);
      const results = await Promise.all(
        times.map((at) => record({ awb, type: 'STORED', at, facility: 'PKX-COLD-1' })),
      );
      // A write is refused only when a later one got in first: it names the time it was given.
      const accepted = times.filter((_, i) => !results[i].errors);
      for (const r of results.filter((x) => x.errors)) {
        expectError(r, 'BAD_USER_INPUT', { field: 'input.at', message: 'before its last event' });
      }
      // Nothing is later than the last time, so it is accepted in every interleaving.
      expect(accepted).toContain(times[times.length - 1]);
      const rows = await airports.db.query<{ at: Date }>(
        `SELECT at FROM airports.handling_event WHERE awb = $1 ORDER BY id`,
        [awb],
      );
      const ats = rows.map((r) => r.at.toISOString().replace('.000', ''));
      expect(ats).toEqual(accepted);
    });
  });
});
