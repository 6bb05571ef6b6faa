import { airportsSubgraph } from '../../subgraphs/airports';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { AWB, insertFixtures } from './fixtures';
import { RECORD_EVENT, SET_FACILITY_STATUS } from './operations';
import { OFFICER_ACTOR } from '../support/identities';

/**
 * setFacilityStatus over the fixtures: PKX-CONS-1 is PLANNED, PEK-CBEC-1 UNDER_CONSTRUCTION,
 * PKX-COLD-1 OPERATIONAL. The fixtures' facilities are only read or refused here; every test
 * that changes a facility inserts its own (`addFacility`), so each test runs alone and in any
 * order.
 */
describe('setFacilityStatus', () => {
  let airports: SubgraphUnderTest;
  beforeAll(async () => {
    airports = await startSubgraphUnderTest(airportsSubgraph, { fixtures: insertFixtures });
  });
  afterAll(() => airports?.stop());

  const set = (input: Record<string, unknown>) => airports.graphql(SET_FACILITY_STATUS, { input });

  async function addFacility(id: string, status = 'PLANNED', version = 1): Promise<void> {
    await airports.db.query(
      `INSERT INTO airports.facility (id, airport_iata, kind, name, status, version)
       VALUES ($1, 'PKX', 'GENERAL_CARGO_WAREHOUSE', $1, $2, $3)`,
      [id, status, version],
    );
  }

  async function stateOf(id: string) {
    const [row] = await airports.db.query<{ status: string; version: number; changes: number }>(
      `SELECT status, version,
              (SELECT count(*)::int FROM airports.status_change
                WHERE entity_type = 'Facility' AND entity_id = $1) AS changes
         FROM airports.facility WHERE id = $1`,
      [id],
    );
    return row;
  }

  it('moves a facility forward step by step, with its history and version', async () => {
    await addFacility('PKX-STEP-1');
    const building = await set({
      id: 'PKX-STEP-1',
      status: 'UNDER_CONSTRUCTION',
      reason: 'ground broken',
      expectedVersion: 1,
    });
    expect(expectData(building).setFacilityStatus).toMatchObject({
      id: 'PKX-STEP-1',
      status: 'UNDER_CONSTRUCTION',
      commissionedOn: null,
      version: 2,
      history: [
        {
          from: 'PLANNED',
          to: 'UNDER_CONSTRUCTION',
          actor: OFFICER_ACTOR,
          reason: 'ground broken',
        },
      ],
    });

    const open = await set({
      id: 'PKX-STEP-1',
      status: 'OPERATIONAL',
      commissionedOn: '2025-06-01',
      expectedVersion: 2,
    });
    const facility = expectData(open).setFacilityStatus;
    expect(facility).toMatchObject({
      status: 'OPERATIONAL',
      commissionedOn: '2025-06-01',
      version: 3,
    });
    expect(facility.history.map((c: { from: string; to: string }) => [c.from, c.to])).toEqual([
      ['PLANNED', 'UNDER_CONSTRUCTION'],
      ['UNDER_CONSTRUCTION', 'OPERATIONAL'],
    ]);
    expect(Date.parse(facility.history[1].at)).toBeGreaterThanOrEqual(
      Date.parse(facility.history[0].at),
    );

    // Read back as any client would.
    const read = await airports.graphql(
      `{ facility(id: "PKX-STEP-1") { status version history { to } } }`,
    );
    expect(read.data!.facility).toEqual({
      status: 'OPERATIONAL',
      version: 3,
      history: [{ to: 'UNDER_CONSTRUCTION' }, { to: 'OPERATIONAL' }],
    });
  });

  describe('illegal transitions → INVALID_STATE_TRANSITION naming both states', () => {
    it.each([
      [
        'backwards from OPERATIONAL (final)',
        'PKX-COLD-1',
        'UNDER_CONSTRUCTION',
        'OPERATIONAL',
        'OPERATIONAL is final',
      ],
      [
        'backwards to PLANNED',
        'PEK-CBEC-1',
        'PLANNED',
        'UNDER_CONSTRUCTION',
        'can go to OPERATIONAL',
      ],
      [
        'to the same status',
        'PEK-CBEC-1',
        'UNDER_CONSTRUCTION',
        'UNDER_CONSTRUCTION',
        'can go to OPERATIONAL',
      ],
    ])('refuses %s', async (_what, id, status, current, message) => {
      const before = await stateOf(id);
      expectError(await set({ id, status }), 'INVALID_STATE_TRANSITION', {
        extensions: { entity: 'Facility', id, current, requested: status },
        message,
      });
      expect(await stateOf(id)).toEqual(before);
    });

    it('refuses skipping construction (PLANNED → OPERATIONAL)', async () => {
      await addFacility('PKX-SKIP-1');
      expectError(
        await set({ id: 'PKX-SKIP-1', status: 'OPERATIONAL', commissionedOn: '2025-01-01' }),
        'INVALID_STATE_TRANSITION',
        { extensions: { current: 'PLANNED', requested: 'OPERATIONAL' } },
      );
      expect(await stateOf('PKX-SKIP-1')).toEqual({ status: 'PLANNED', version: 1, changes: 0 });
    });
  });

  describe('input checks', () => {
    it.each([
      [
        'OPERATIONAL without commissionedOn',
        { id: 'PEK-CBEC-1', status: 'OPERATIONAL' },
        'input.commissionedOn',
      ],
      [
        'commissionedOn with another status',
        { id: 'PEK-CBEC-1', status: 'UNDER_CONSTRUCTION', commissionedOn: '2025-01-01' },
        'input.commissionedOn',
      ],
      ['an empty id', { id: '', status: 'UNDER_CONSTRUCTION' }, 'input.id'],
      [
        'a reason over 500 characters',
        {
          id: 'PEK-CBEC-1',
          status: 'OPERATIONAL',
          commissionedOn: '2025-01-01',
          reason: 'r'.repeat(501),
        },
        'input.reason',
      ],
      [
        'expectedVersion 0',
        {
          id: 'PEK-CBEC-1',
          status: 'OPERATIONAL',
          commissionedOn: '2025-01-01',
          expectedVersion: 0,
        },
        'input.expectedVersion',
      ],
    ])('refuses %s → BAD_USER_INPUT', async (_what, input, field) => {
      expectError(await set(input), 'BAD_USER_INPUT', { field });
    });

    it('refuses an invalid date (scalar) → BAD_USER_INPUT naming input.commissionedOn', async () => {
      expectError(
        await set({ id: 'PEK-CBEC-1', status: 'OPERATIONAL', commissionedOn: '2025-02-30' }),
        'BAD_USER_INPUT',
        { message: 'input.commissionedOn' },
      );
    });

    it('refuses an unknown facility → NOT_FOUND', async () => {
      expectError(await set({ id: 'PKX-NONE-9', status: 'UNDER_CONSTRUCTION' }), 'NOT_FOUND', {
        field: 'input.id',
      });
    });
  });

  it('refuses a stale expectedVersion → CONFLICT, writing nothing', async () => {
    await addFacility('PKX-STALE-1');
    expectData(await set({ id: 'PKX-STALE-1', status: 'UNDER_CONSTRUCTION' }));
    expectError(
      await set({
        id: 'PKX-STALE-1',
        status: 'OPERATIONAL',
        commissionedOn: '2025-03-01',
        expectedVersion: 1,
      }),
      'CONFLICT',
      {
        extensions: {
          entity: 'Facility',
          id: 'PKX-STALE-1',
          expectedVersion: 1,
          currentVersion: 2,
        },
      },
    );
    expect(await stateOf('PKX-STALE-1')).toEqual({
      status: 'UNDER_CONSTRUCTION',
      version: 2,
      changes: 1,
    });
  });

  describe('idempotency', () => {
    const building = (id: string, idempotencyKey: string) => ({
      id,
      status: 'UNDER_CONSTRUCTION',
      idempotencyKey,
    });

    it('returns the first result for a retry with the same key, writing nothing', async () => {
      await addFacility('PKX-IDEM-1');
      const first = await set(building('PKX-IDEM-1', 'build-1'));
      // Without the key the same change would now be illegal (already UNDER_CONSTRUCTION).
      const retry = await set(building('PKX-IDEM-1', 'build-1'));
      expect(expectData(retry)).toEqual(expectData(first));
      expect(await stateOf('PKX-IDEM-1')).toEqual({
        status: 'UNDER_CONSTRUCTION',
        version: 2,
        changes: 1,
      });
    });

    it('refuses the same key with another input → IDEMPOTENCY_CONFLICT', async () => {
      await addFacility('PKX-IDEM-2');
      expectData(await set(building('PKX-IDEM-2', 'build-2')));
      expectError(
        await set({ ...building('PKX-IDEM-2', 'build-2'), reason: 'another request' }),
        'IDEMPOTENCY_CONFLICT',
        { field: 'input.idempotencyKey' },
      );
      // A key names one request of the operation, not one facility: reusing it elsewhere too.
      await addFacility('PKX-IDEM-3');
      expectError(await set(building('PKX-IDEM-3', 'build-2')), 'IDEMPOTENCY_CONFLICT', {
        field: 'input.idempotencyKey',
      });
      expect(await stateOf('PKX-IDEM-2')).toMatchObject({ version: 2, changes: 1 });
      expect(await stateOf('PKX-IDEM-3')).toEqual({ status: 'PLANNED', version: 1, changes: 0 });
    });

    it('keys are per operation: the same key in another mutation is another request', async () => {
      await addFacility('PKX-IDEM-4');
      expectData(await set(building('PKX-IDEM-4', 'shared-key')));
      // recordHandlingEvent with the same key: neither a replay of the facility's result nor a
      // conflict, but a write of its own.
      const event = await airports.graphql(RECORD_EVENT, {
        input: {
          awb: AWB.coldC,
          type: 'STORED',
          at: '2024-12-09T02:00:00Z',
          facility: 'PKX-COLD-1',
          idempotencyKey: 'shared-key',
        },
      });
      expect(expectData(event).recordHandlingEvent.handlingEvents).toEqual([
        expect.objectContaining({ type: 'STORED', facility: { id: 'PKX-COLD-1' } }),
      ]);
      // And the facility's key still replays the facility's first result.
      expect(expectData(await set(building('PKX-IDEM-4', 'shared-key')))).toEqual({
        setFacilityStatus: expect.objectContaining({ id: 'PKX-IDEM-4', version: 2 }),
      });
    });
  });

  describe('50 concurrent conflicting calls', () => {
    it('without expectedVersion: one wins, the others see the new state', async () => {
      await addFacility('PKX-RACE-1');
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          set({ id: 'PKX-RACE-1', status: 'UNDER_CONSTRUCTION', reason: `caller ${i}` }),
        ),
      );
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      for (const r of results.filter((x) => x.errors)) {
        expectError(r, 'INVALID_STATE_TRANSITION', {
          extensions: { current: 'UNDER_CONSTRUCTION', requested: 'UNDER_CONSTRUCTION' },
        });
      }
      expect(await stateOf('PKX-RACE-1')).toEqual({
        status: 'UNDER_CONSTRUCTION',
        version: 2,
        changes: 1,
      });
      const [change] = await airports.db.query<{ reason: string }>(
        `SELECT reason FROM airports.status_change WHERE entity_id = 'PKX-RACE-1'`,
      );
      expect(change.reason).toBe(winners[0].data!.setFacilityStatus.history[0].reason);
    });

    it('with the same expectedVersion: one wins, the others get CONFLICT', async () => {
      await addFacility('PKX-RACE-2', 'UNDER_CONSTRUCTION', 2);
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          set({
            id: 'PKX-RACE-2',
            status: 'OPERATIONAL',
            commissionedOn: '2025-07-01',
            expectedVersion: 2,
          }),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      for (const r of results.filter((x) => x.errors)) {
        expectError(r, 'CONFLICT', { extensions: { currentVersion: 3 } });
      }
      expect(await stateOf('PKX-RACE-2')).toEqual({
        status: 'OPERATIONAL',
        version: 3,
        changes: 1,
      });
    });
  });
});
