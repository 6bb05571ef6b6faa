import { Federation, startFederation } from '../support/federation';
import { expectData, expectError } from '../support/graphql';
import { SubgraphClient } from '../support/subgraph';
import { CREATE_ROUTE, historyRows, ROUTE_QUERY, SET_ROUTE_STATUS } from './operations';
import { OFFICER_ACTOR } from '../support/identities';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

let fed: Federation;
let routes: SubgraphClient;
beforeAll(async () => {
  fed = await startFederation();
  routes = fed.subgraph('routes');
});
afterAll(() => fed?.stop());

/** A route between PEK and MUC of Air China: absent from the demo world. */
const NEW_ROUTE = {
  airline: 'CA',
  origin: 'PEK',
  destination: 'MUC',
  region: 'EUROPE',
  status: 'PLANNED',
  weeklyFrequency: 3,
  weeklyCargoCapacityTonnes: 45.5,
};

async function route(id: string): Promise<any> {
  return expectData(await routes.graphql<{ route: any }>(ROUTE_QUERY, { id })).route;
}

async function create(input: Record<string, unknown>): Promise<any> {
  return expectData(await routes.graphql<{ createRoute: any }>(CREATE_ROUTE, { input }))
    .createRoute;
}

async function setStatus(input: Record<string, unknown>): Promise<any> {
  return expectData(await routes.graphql<{ setRouteStatus: any }>(SET_ROUTE_STATUS, { input }))
    .setRouteStatus;
}

describe('createRoute and setRouteStatus: the lifecycle', () => {
  it('creates a PLANNED route, then activates, suspends, resumes and suspends it again', async () => {
    const created = await create(NEW_ROUTE);
    expect(created).toMatchObject({
      id: 'CA-PEK-MUC',
      status: 'PLANNED',
      region: 'EUROPE',
      weeklyFrequency: 3,
      weeklyCargoCapacityTonnes: 45.5,
      openedOn: null,
      version: 1,
      airline: { iataCode: 'CA' },
      origin: { iataCode: 'PEK' },
      destination: { iataCode: 'MUC' },
      history: [{ from: null, to: 'PLANNED', actor: OFFICER_ACTOR, reason: null }],
    });

    const active = await setStatus({
      routeId: 'CA-PEK-MUC',
      status: 'ACTIVE',
      effectiveOn: '2026-01-10',
    });
    expect(active).toMatchObject({ status: 'ACTIVE', openedOn: '2026-01-10', version: 2 });

    const suspended = await setStatus({
      routeId: 'CA-PEK-MUC',
      status: 'SUSPENDED',
      effectiveOn: '2026-03-01',
      reason: 'slot reallocation',
      expectedVersion: 2,
    });
    expect(suspended).toMatchObject({ status: 'SUSPENDED', suspendedOn: '2026-03-01', version: 3 });

    const resumed = await setStatus({
      routeId: 'CA-PEK-MUC',
      status: 'RESUMED',
      effectiveOn: '2026-03-01',
    });
    expect(resumed).toMatchObject({
      status: 'RESUMED',
      suspendedOn: '2026-03-01',
      resumedOn: '2026-03-01',
      version: 4,
    });

    const again = await setStatus({
      routeId: 'CA-PEK-MUC',
      status: 'SUSPENDED',
      effectiveOn: '2026-05-02',
    });
    expect(again).toMatchObject({
      status: 'SUSPENDED',
      suspendedOn: '2026-05-02',
      resumedOn: null,
      version: 5,
    });
    expect(again.history.map((h: any) => [h.from, h.to, h.reason])).toEqual([
      [null, 'PLANNED', null],
      ['PLANNED', 'ACTIVE', null],
      ['ACTIVE', 'SUSPENDED', 'slot reallocation'],
      ['SUSPENDED', 'RESUMED', null],
      ['RESUMED', 'SUSPENDED', null],
    ]);
    // The same state is read back, also through the gateway (the read side is composed).
    const res = await fed.graphql<{ route: any }>(
      '{ route(id: "CA-PEK-MUC") { status suspendedOn origin { name isBeijingHub } } }',
    );
    expect(res.data?.route).toEqual({
      status: 'SUSPENDED',
      suspendedOn: '2026-05-02',
      origin: { name: expect.any(String), isBeijingHub: true },
    });
  });

  it('creates an ACTIVE route with its opening date', async () => {
    const created = await create({
      ...NEW_ROUTE,
      origin: 'NRT',
      destination: 'PKX',
      region: 'ASIA',
      status: 'ACTIVE',
      openedOn: '2025-09-01',
    });
    expect(created).toMatchObject({
      id: 'CA-NRT-PKX',
      status: 'ACTIVE',
      openedOn: '2025-09-01',
      version: 1,
      history: [{ from: null, to: 'ACTIVE' }],
    });
  });

  it('batches the history of many routes into one statement', async () => {
    const { result, statements } = await routes.statementsOf(() =>
      routes.graphql<{ routes: { nodes: { history: unknown[] }[] } }>(
        '{ routes(first: 50) { nodes { id history { to } } } }',
      ),
    );
    expect(expectData(result).routes.nodes.length).toBeGreaterThan(10);
    // One page, one count (maybe), one history batch.
    expect(statements).toBeLessThanOrEqual(3);
  });
});

describe('illegal route transitions', () => {
  const id = 'CA-PEK-FRA'; // ACTIVE in the demo world

  it.each([
    ['resume an ACTIVE route', 'RESUMED', 'ACTIVE'],
    ['activate an ACTIVE route again', 'ACTIVE', 'ACTIVE'],
    ['set a route back to PLANNED', 'PLANNED', 'ACTIVE'],
  ])('refuses to %s, naming both states', async (_what, requested, current) => {
    const before = await route(id);
    expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: id, status: requested, effectiveOn: '2026-11-01' },
      }),
      'INVALID_STATE_TRANSITION',
      {
        extensions: { entity: 'Route', id, current, requested },
        message: `from ${current} to ${requested}`,
      },
    );
    expect(await route(id)).toEqual(before);
  });

  it('refuses to suspend a PLANNED route or resume one that is not suspended', async () => {
    await create({ ...NEW_ROUTE, origin: 'PKX', destination: 'OSL' });
    expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: 'CA-PKX-OSL', status: 'SUSPENDED', effectiveOn: '2026-11-01' },
      }),
      'INVALID_STATE_TRANSITION',
      { extensions: { current: 'PLANNED', requested: 'SUSPENDED' } },
    );
    expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: 'CA-PKX-OSL', status: 'RESUMED', effectiveOn: '2026-11-01' },
      }),
      'INVALID_STATE_TRANSITION',
      { extensions: { current: 'PLANNED', requested: 'RESUMED' } },
    );
    expect(await historyRows(routes.db, 'Route', 'CA-PKX-OSL')).toHaveLength(1);
    expect((await route('CA-PKX-OSL')).version).toBe(1);
  });
});

describe('route input validation', () => {
  it.each([
    ['a malformed airline', { airline: 'c4x' }, 'input.airline'],
    ['a malformed origin', { origin: 'pek' }, 'input.origin'],
    ['a malformed destination', { destination: 'MUNICH' }, 'input.destination'],
    ['the same airport at both ends', { destination: 'PEK' }, 'input.destination'],
    ['a negative weekly frequency', { weeklyFrequency: -1 }, 'input.weeklyFrequency'],
    ['a negative capacity', { weeklyCargoCapacityTonnes: -0.5 }, 'input.weeklyCargoCapacityTonnes'],
    ['a new route SUSPENDED', { status: 'SUSPENDED' }, 'input.status'],
    ['an ACTIVE route without its opening date', { status: 'ACTIVE' }, 'input.openedOn'],
    ['a PLANNED route with an opening date', { openedOn: '2026-01-01' }, 'input.openedOn'],
    ['an impossible date', { status: 'ACTIVE', openedOn: '2026-02-30' }, 'input.openedOn'],
  ])('createRoute refuses %s', async (_what, change, field) => {
    const count = () => routes.db.query('SELECT count(*)::int AS n FROM routes.route');
    const before = await count();
    const err = expectError(
      await routes.graphql(CREATE_ROUTE, {
        input: { ...NEW_ROUTE, destination: 'LIS', ...change },
      }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toEqual(before);
  });

  it('refuses a non-integer weekly frequency while parsing the request', async () => {
    expectError(
      await routes.graphql(CREATE_ROUTE, { input: { ...NEW_ROUTE, weeklyFrequency: 2.5 } }),
      'BAD_USER_INPUT',
      { field: 'input.weeklyFrequency' },
    );
  });

  it('refuses a route with no Beijing hub at either end', async () => {
    const err = expectError(
      await routes.graphql(CREATE_ROUTE, {
        input: { ...NEW_ROUTE, origin: 'FRA', destination: 'MUC' },
      }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.origin' });
  });

  it('answers NOT_FOUND for an airport the airports agency does not know', async () => {
    const err = expectError(
      await routes.graphql(CREATE_ROUTE, { input: { ...NEW_ROUTE, destination: 'ZZZ' } }),
      'NOT_FOUND',
    );
    expect(err.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.destination' });
  });

  it('answers NOT_FOUND for an unregistered airline', async () => {
    const err = expectError(
      await routes.graphql(CREATE_ROUTE, {
        input: { ...NEW_ROUTE, airline: 'ZZ', destination: 'LIS' },
      }),
      'NOT_FOUND',
    );
    expect(err.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.airline' });
  });

  it('answers CONFLICT for a route that exists', async () => {
    const history = await historyRows(routes.db, 'Route', 'CA-PEK-FRA');
    const err = expectError(
      await routes.graphql(CREATE_ROUTE, {
        input: { ...NEW_ROUTE, destination: 'FRA', status: 'ACTIVE', openedOn: '1990-06-01' },
      }),
      'CONFLICT',
      { message: 'Route CA-PEK-FRA already exists' },
    );
    expect(err.extensions).toEqual({
      code: 'CONFLICT',
      entity: 'Route',
      id: 'CA-PEK-FRA',
      field: 'input.destination',
    });
    expect(await historyRows(routes.db, 'Route', 'CA-PEK-FRA')).toEqual(history);
  });

  it('setRouteStatus refuses a malformed route id, an impossible date and an unknown route', async () => {
    let err = expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: 'CA PEK FRA', status: 'SUSPENDED', effectiveOn: '2026-11-01' },
      }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.routeId' });
    err = expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: 'CA-PEK-FRA', status: 'SUSPENDED', effectiveOn: '2026-13-01' },
      }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.effectiveOn' });
    err = expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: 'CA-PEK-XXX', status: 'SUSPENDED', effectiveOn: '2026-11-01' },
      }),
      'NOT_FOUND',
    );
    expect(err.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.routeId' });
  });

  it('keeps suspension and resumption dates in order', async () => {
    await create({
      ...NEW_ROUTE,
      destination: 'CDG',
      status: 'ACTIVE',
      openedOn: '2026-02-01',
    });
    const early = expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: 'CA-PEK-CDG', status: 'SUSPENDED', effectiveOn: '2026-01-31' },
      }),
      'BAD_USER_INPUT',
    );
    expect(early.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.effectiveOn' });
    await setStatus({ routeId: 'CA-PEK-CDG', status: 'SUSPENDED', effectiveOn: '2026-04-01' });
    const before = await route('CA-PEK-CDG');
    const err = expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: { routeId: 'CA-PEK-CDG', status: 'RESUMED', effectiveOn: '2026-03-31' },
      }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.effectiveOn' });
    expect(await route('CA-PEK-CDG')).toEqual(before);
  });
});

describe('idempotency and versions', () => {
  it('returns the first result for a retry with the same key, writing nothing new', async () => {
    const input = { ...NEW_ROUTE, destination: 'IST', idempotencyKey: 'create-CA-PEK-IST' };
    const first = await create(input);
    const retry = await create(input);
    expect(retry).toEqual(first);
    expect(await historyRows(routes.db, 'Route', 'CA-PEK-IST')).toHaveLength(1);

    const activate = {
      routeId: 'CA-PEK-IST',
      status: 'ACTIVE',
      effectiveOn: '2026-06-01',
      idempotencyKey: 'activate-CA-PEK-IST',
    };
    const a1 = await setStatus(activate);
    const a2 = await setStatus(activate);
    expect(a2).toEqual(a1);
    expect(a2.version).toBe(2);
    expect(await historyRows(routes.db, 'Route', 'CA-PEK-IST')).toHaveLength(2);
  });

  it('refuses the same key with another input: IDEMPOTENCY_CONFLICT, nothing written', async () => {
    await create({ ...NEW_ROUTE, destination: 'SVO', idempotencyKey: 'create-once' });
    expectError(
      await routes.graphql(CREATE_ROUTE, {
        input: { ...NEW_ROUTE, destination: 'SEA', idempotencyKey: 'create-once' },
      }),
      'IDEMPOTENCY_CONFLICT',
      { field: 'input.idempotencyKey' },
    );
    expect(await routes.db.query("SELECT 1 FROM routes.route WHERE id = 'CA-PEK-SEA'")).toEqual([]);
  });

  it('refuses a stale expectedVersion with CONFLICT, changing nothing', async () => {
    const current = await route('CZ-PKX-LHR');
    expectError(
      await routes.graphql(SET_ROUTE_STATUS, {
        input: {
          routeId: 'CZ-PKX-LHR',
          status: 'SUSPENDED',
          effectiveOn: '2026-11-01',
          expectedVersion: current.version + 1,
        },
      }),
      'CONFLICT',
      {
        extensions: {
          entity: 'Route',
          id: 'CZ-PKX-LHR',
          expectedVersion: current.version + 1,
          currentVersion: current.version,
        },
      },
    );
    expect(await route('CZ-PKX-LHR')).toEqual(current);
  });

  it('lets exactly one of 50 concurrent conflicting suspensions win', async () => {
    const id = 'CZ-PKX-AMS';
    const before = await route(id);
    const historyBefore = await historyRows(routes.db, 'Route', id);
    expect(before.status).toBe('ACTIVE');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        routes.graphql<{ setRouteStatus: any }>(SET_ROUTE_STATUS, {
          input: { routeId: id, status: 'SUSPENDED', effectiveOn: '2026-11-20', reason: `#${i}` },
        }),
      ),
    );
    const wins = results.filter((r) => !r.errors);
    const losses = results.filter((r) => r.errors);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(49);
    for (const r of losses) {
      expectError(r, 'INVALID_STATE_TRANSITION', {
        extensions: { current: 'SUSPENDED', requested: 'SUSPENDED' },
      });
    }
    const after = await route(id);
    expect(after.version).toBe(before.version + 1);
    expect(after.history).toHaveLength(before.history.length + 1);
    const historyAfter = await historyRows(routes.db, 'Route', id);
    expect(historyAfter).toHaveLength(historyBefore.length + 1);
    expect(historyAfter[historyAfter.length - 1]).toMatchObject({
      from: 'ACTIVE',
      to: 'SUSPENDED',
    });
  });
});
