import { expectData, expectError, Json } from '../support/graphql';
import { SubgraphUnderTest } from '../support/subgraph';
import {
  ACCEPT,
  applicationState,
  Builder,
  CustomsWrites,
  DECIDE_APPLICATION,
  declarationInput,
  declarationState,
  DRUGS,
  FILE_DECLARATION,
  freshAwb,
  itemInput,
  loadWorld,
  manifestInput,
  REGISTER_MANIFEST,
  REJECT,
  RELEASE,
  REQUIRE_INSPECTION,
  rowCounts,
  SITES,
  startCustomsWrites,
  SUBMIT_APPLICATION,
  World,
} from './operations';

/** Transactions, idempotency keys, versions, row locks, and failing closed. */
let writes: CustomsWrites;
let customs: SubgraphUnderTest;
let b: Builder;
let w: World;
beforeAll(async () => {
  writes = await startCustomsWrites();
  customs = writes.customs;
  w = await loadWorld(customs.db);
  b = new Builder(customs, w);
}, 120_000);
afterAll(() => writes?.stop());
afterEach(() => {
  writes.gatewayMode = 'up';
});

const historyRows = async (number: string): Promise<number> =>
  (
    await customs.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customs.status_change WHERE entity_id = $1',
      [number],
    )
  )[0].n;

const drugDeclaration = (awb: string): Json =>
  declarationInput(w, awb, {
    items: [itemInput({ hsCode: '3004909099', drugApproval: DRUGS.registered })],
  });

describe('idempotency keys', () => {
  test('fileDeclaration: a retry returns the first declaration and writes nothing', async () => {
    const awb = await b.shipment();
    const variables = { input: { ...drugDeclaration(awb), idempotencyKey: `file-${awb}` } };
    const first = expectData(await customs.graphql(FILE_DECLARATION, variables)).fileDeclaration;
    const counts = await rowCounts(customs.db);
    const retry = expectData(await customs.graphql(FILE_DECLARATION, variables)).fileDeclaration;
    expect(retry).toEqual(first);
    expect(await rowCounts(customs.db)).toEqual(counts);
    const declarations = await customs.db.query(
      'SELECT number FROM customs.declaration WHERE awb = $1',
      [awb],
    );
    expect(declarations).toEqual([{ number: first.number }]);
    expect(await historyRows(first.number)).toBe(1);
  });

  test('the same key with another input is an IDEMPOTENCY_CONFLICT and writes nothing', async () => {
    const awb = await b.shipment();
    const key = `file-${awb}`;
    expectData(
      await customs.graphql(FILE_DECLARATION, {
        input: { ...declarationInput(w, awb), idempotencyKey: key },
      }),
    );
    const counts = await rowCounts(customs.db);
    expectError(
      await customs.graphql(FILE_DECLARATION, {
        input: declarationInput(w, awb, { currency: 'EUR', idempotencyKey: key }),
      }),
      'IDEMPOTENCY_CONFLICT',
      { field: 'input.idempotencyKey' },
    );
    expect(await rowCounts(customs.db)).toEqual(counts);
  });

  test('registerManifest: retry → same shipment; other input → IDEMPOTENCY_CONFLICT', async () => {
    const awb = await freshAwb(customs.db);
    const input = manifestInput(w, awb, { idempotencyKey: awb });
    const first = expectData(await customs.graphql(REGISTER_MANIFEST, { input })).registerManifest;
    const counts = await rowCounts(customs.db);
    expect(
      expectData(await customs.graphql(REGISTER_MANIFEST, { input })).registerManifest,
    ).toEqual(first);
    expectError(
      await customs.graphql(REGISTER_MANIFEST, { input: { ...input, pieces: 4 } }),
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await rowCounts(customs.db)).toEqual(counts);
  });

  test('a transition retried returns the record as the first call left it: one history row, one version', async () => {
    const number = await b.declarationIn('ACCEPTED');
    const variables = {
      input: { number, releasedAt: '2025-06-02T00:00:00Z', idempotencyKey: `rel-${number}` },
    };
    const first = expectData(await customs.graphql(RELEASE, variables)).releaseDeclaration;
    const counts = await rowCounts(customs.db);
    const retry = expectData(await customs.graphql(RELEASE, variables)).releaseDeclaration;
    expect(retry).toEqual(first);
    expect(retry).toMatchObject({ status: 'RELEASED', version: 3 });
    expect(await rowCounts(customs.db)).toEqual(counts);
    expect(first.history.filter((c: { to: string }) => c.to === 'RELEASED')).toHaveLength(1);
  });

  test('ten concurrent calls with one key create one declaration', async () => {
    const awb = await b.shipment();
    const variables = { input: declarationInput(w, awb, { idempotencyKey: `burst-${awb}` }) };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => customs.graphql(FILE_DECLARATION, variables)),
    );
    const numbers = new Set(results.map((r) => expectData(r).fileDeclaration.number));
    expect(numbers.size).toBe(1);
    const rows = await customs.db.query('SELECT number FROM customs.declaration WHERE awb = $1', [
      awb,
    ]);
    expect(rows).toHaveLength(1);
  });

  test('submitSpecialGoodsApplication: a retry returns the first application', async () => {
    const input = {
      applicant: w.enterprise,
      category: 'MICROORGANISM',
      riskLevel: 'C',
      idempotencyKey: 'sga-retry',
    };
    const first = expectData(
      await customs.graphql(SUBMIT_APPLICATION, { input }),
    ).submitSpecialGoodsApplication;
    const counts = await rowCounts(customs.db);
    const retry = expectData(
      await customs.graphql(SUBMIT_APPLICATION, { input }),
    ).submitSpecialGoodsApplication;
    expect(retry.number).toBe(first.number);
    expect(await rowCounts(customs.db)).toEqual(counts);
  });
});

describe('expectedVersion', () => {
  test('current → the change is made; stale → CONFLICT and nothing changes', async () => {
    const number = await b.declaration();
    const accepted = expectData(
      await customs.graphql(ACCEPT, { input: { number, expectedVersion: 1 } }),
    ).acceptDeclaration;
    expect(accepted.version).toBe(2);
    const before = await declarationState(customs.db, number);
    expectError(
      await customs.graphql(REJECT, { input: { number, reason: 'Late', expectedVersion: 1 } }),
      'CONFLICT',
      { extensions: { expectedVersion: 1, currentVersion: 2, id: number } },
    );
    expect(await declarationState(customs.db, number)).toEqual(before);
  });

  test('a stale decision on a special-goods application is a CONFLICT', async () => {
    const { number } = expectData(
      await customs.graphql(SUBMIT_APPLICATION, {
        input: { applicant: w.enterprise, category: 'BLOOD_PRODUCT', riskLevel: 'B' },
      }),
    ).submitSpecialGoodsApplication;
    expectData(
      await customs.graphql(DECIDE_APPLICATION, {
        input: { number, decision: 'UNDER_REVIEW', expectedVersion: 1 },
      }),
    );
    const before = await applicationState(customs.db, number);
    expectError(
      await customs.graphql(DECIDE_APPLICATION, {
        input: { number, decision: 'APPROVED', expectedVersion: 1 },
      }),
      'CONFLICT',
    );
    expect(await applicationState(customs.db, number)).toEqual(before);
  });
});

describe('concurrency: conflicting calls serialise on the row lock', () => {
  async function race(calls: (() => Promise<Json>)[]): Promise<{ ok: Json[]; errors: Json[] }> {
    const bodies = await Promise.all(calls.map((call) => call()));
    return {
      ok: bodies.filter((r) => !r.errors).map((r) => r.data),
      errors: bodies.filter((r) => r.errors).map((r) => r.errors[0]),
    };
  }

  test('25 releases and 25 rejections of one declaration: one wins, 49 clear refusals', async () => {
    const number = await b.declarationIn('ACCEPTED');
    const history = await historyRows(number);
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 2
        ? () => customs.graphql(RELEASE, { input: { number, releasedAt: '2025-06-02T00:00:00Z' } })
        : () => customs.graphql(REJECT, { input: { number, reason: `Rejection ${i}` } }),
    );
    const { ok, errors } = await race(calls);
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(49);
    for (const e of errors) {
      expect(e.extensions.code).toBe('INVALID_STATE_TRANSITION');
      expect(e.message).toMatch(/cannot go from (RELEASED|REJECTED) to (RELEASED|REJECTED)/);
    }
    const [row] = await customs.db.query(
      'SELECT status, version FROM customs.declaration WHERE number = $1',
      [number],
    );
    const winner = Object.values(ok[0])[0] as Json;
    expect(row).toEqual({ status: winner.status, version: 3 });
    expect(await historyRows(number)).toBe(history + 1);
  });

  test('50 concurrent accepts: one success, 49 INVALID_STATE_TRANSITION', async () => {
    const number = await b.declaration();
    const { ok, errors } = await race(
      Array.from({ length: 50 }, () => () => customs.graphql(ACCEPT, { input: { number } })),
    );
    expect(ok).toHaveLength(1);
    expect(errors.map((e) => e.extensions.code)).toEqual(
      Array(49).fill('INVALID_STATE_TRANSITION'),
    );
    const [row] = await customs.db.query(
      'SELECT status, version FROM customs.declaration WHERE number = $1',
      [number],
    );
    expect(row).toEqual({ status: 'ACCEPTED', version: 2 });
    expect(await historyRows(number)).toBe(2);
  });

  test('50 concurrent accepts all naming version 1: one success, 49 CONFLICT', async () => {
    const number = await b.declaration();
    const { ok, errors } = await race(
      Array.from(
        { length: 50 },
        () => () => customs.graphql(ACCEPT, { input: { number, expectedVersion: 1 } }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(errors.map((e) => e.extensions.code)).toEqual(Array(49).fill('CONFLICT'));
    expect(await historyRows(number)).toBe(2);
  });

  test('20 concurrent decisions on one application: exactly one is taken', async () => {
    const { number } = expectData(
      await customs.graphql(SUBMIT_APPLICATION, {
        input: { applicant: w.enterprise, category: 'HUMAN_TISSUE', riskLevel: 'A' },
      }),
    ).submitSpecialGoodsApplication;
    const { ok, errors } = await race(
      Array.from(
        { length: 20 },
        (_, i) => () =>
          customs.graphql(DECIDE_APPLICATION, {
            input: { number, decision: i % 2 ? 'APPROVED' : 'REJECTED', reason: 'r' },
          }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(19);
    expect((await applicationState(customs.db, number)).history).toHaveLength(2);
  });

  test('20 concurrent filings without a number get 20 distinct numbers', async () => {
    const awbs = await Promise.all(Array.from({ length: 20 }, () => b.shipment()));
    const { ok, errors } = await race(
      awbs.map(
        (awb) => () =>
          customs.graphql(FILE_DECLARATION, {
            input: declarationInput(w, awb, {
              customsOffice: '0102',
              filedAt: '2025-07-01T00:00:00Z',
            }),
          }),
      ),
    );
    expect(errors).toEqual([]);
    const numbers = ok.map((d) => d.fileDeclaration.number);
    expect(new Set(numbers).size).toBe(20);
    for (const n of numbers) expect(n).toMatch(/^010220251\d{9}$/);
  });

  test('two declarations of one shipment released at once: the summary sees both', async () => {
    const awb = await b.shipment();
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const filed = expectData(
        await customs.graphql(FILE_DECLARATION, { input: declarationInput(w, awb) }),
      );
      numbers.push(filed.fileDeclaration.number);
      expectData(
        await customs.graphql(ACCEPT, { input: { number: filed.fileDeclaration.number } }),
      );
    }
    const released = await Promise.all(
      numbers.map((number, i) =>
        customs.graphql(RELEASE, { input: { number, releasedAt: `2025-06-0${2 + i}T00:00:00Z` } }),
      ),
    );
    for (const r of released) expectData(r);
    const [row] = await customs.db.query(
      'SELECT clearance_status, released_at FROM customs.shipment WHERE awb = $1',
      [awb],
    );
    expect(row).toEqual({
      clearance_status: 'RELEASED',
      released_at: new Date('2025-06-03T00:00:00Z'),
    });
  });
});

describe('fail closed: when another agency cannot be asked, nothing is written', () => {
  test.each([
    ['the gateway is down', 'down' as const],
    ['the drugs agency is down', 'drugs-down' as const],
  ])(
    'fileDeclaration naming a drug approval, when %s → DEPENDENCY_UNAVAILABLE',
    async (_n, mode) => {
      const awb = await b.shipment();
      writes.gatewayMode = mode;
      const counts = await rowCounts(customs.db);
      expectError(
        await customs.graphql(FILE_DECLARATION, { input: drugDeclaration(awb) }),
        'DEPENDENCY_UNAVAILABLE',
        { message: /cannot check the drug approvals of the goods/ },
      );
      expect(await rowCounts(customs.db)).toEqual(counts);
    },
  );

  test('registerManifest, requireInspection, releaseDeclaration and submitSpecialGoodsApplication with the gateway down', async () => {
    const accepted = await b.declarationIn('ACCEPTED');
    const withDrug = await b.shipment();
    const drugDecl = expectData(
      await customs.graphql(FILE_DECLARATION, { input: drugDeclaration(withDrug) }),
    ).fileDeclaration.number;
    expectData(await customs.graphql(ACCEPT, { input: { number: drugDecl } }));
    const awb = await freshAwb(customs.db);
    writes.gatewayMode = 'down';
    const counts = await rowCounts(customs.db);
    const calls: [string, Json][] = [
      [REGISTER_MANIFEST, manifestInput(w, awb)],
      [REQUIRE_INSPECTION, { number: accepted, facility: SITES.pek }],
      [RELEASE, { number: drugDecl, releasedAt: '2025-06-02T00:00:00Z' }],
      [
        SUBMIT_APPLICATION,
        {
          applicant: w.agent,
          category: 'BIOLOGICAL_PRODUCT',
          riskLevel: 'D',
          consolidatedImport: w.consolidatedImport,
        },
      ],
    ];
    for (const [document, input] of calls) {
      expectError(await customs.graphql(document, { input }), 'DEPENDENCY_UNAVAILABLE', {
        message: /the gateway did not answer/,
      });
    }
    expect(await rowCounts(customs.db)).toEqual(counts);
  });

  test('an illegal move is still reported as such while the gateway is down', async () => {
    const number = await b.declarationIn('REJECTED');
    writes.gatewayMode = 'down';
    expectError(
      await customs.graphql(REQUIRE_INSPECTION, { input: { number, facility: SITES.pek } }),
      'INVALID_STATE_TRANSITION',
    );
  });

  test('a retry of a committed call is answered while the gateway is down', async () => {
    const awb = await freshAwb(customs.db);
    const variables = { input: manifestInput(w, awb, { idempotencyKey: `down-${awb}` }) };
    const first = expectData(await customs.graphql(REGISTER_MANIFEST, variables));
    writes.gatewayMode = 'down';
    expect(expectData(await customs.graphql(REGISTER_MANIFEST, variables))).toEqual(first);
  });
});
