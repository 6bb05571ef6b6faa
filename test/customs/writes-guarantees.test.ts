import { Json } from './harness';
import {
  ACCEPT,
  Builder,
  DECIDE_APPLICATION,
  declarationInput,
  DRUGS,
  FILE_DECLARATION,
  itemInput,
  loadWorld,
  manifestInput,
  REGISTER_MANIFEST,
  REJECT,
  RELEASE,
  REQUIRE_INSPECTION,
  SITES,
  SUBMIT_APPLICATION,
  World,
} from './write-fixtures';
import { WritesHarness } from './writes-harness';

/** Transactions, idempotency keys, versions, row locks, and failing closed. */
const h = new WritesHarness();
let b: Builder;
let w: World;
beforeAll(async () => {
  await h.setup();
  w = await loadWorld(h);
  b = new Builder(h, w);
}, 120_000);
afterAll(() => h.teardown());
afterEach(() => {
  h.gatewayMode = 'up';
});

const historyRows = async (number: string): Promise<number> =>
  (
    await h.sql('SELECT count(*)::int AS n FROM customs.status_change WHERE entity_id = $1', [
      number,
    ])
  )[0].n;

const drugDeclaration = (awb: string): Json =>
  declarationInput(w, awb, {
    items: [itemInput({ hsCode: '3004909099', drugApproval: DRUGS.registered })],
  });

describe('idempotency keys', () => {
  test('fileDeclaration: a retry returns the first declaration and writes nothing', async () => {
    const awb = await b.shipment();
    const variables = { input: { ...drugDeclaration(awb), idempotencyKey: `file-${awb}` } };
    const first = (await h.data(FILE_DECLARATION, variables)).fileDeclaration;
    const counts = await h.counts();
    const retry = (await h.data(FILE_DECLARATION, variables)).fileDeclaration;
    expect(retry).toEqual(first);
    expect(await h.counts()).toEqual(counts);
    const declarations = await h.sql('SELECT number FROM customs.declaration WHERE awb = $1', [
      awb,
    ]);
    expect(declarations).toEqual([{ number: first.number }]);
    expect(await historyRows(first.number)).toBe(1);
  });

  test('the same key with another input is an IDEMPOTENCY_CONFLICT and writes nothing', async () => {
    const awb = await b.shipment();
    const key = `file-${awb}`;
    await h.data(FILE_DECLARATION, { input: { ...declarationInput(w, awb), idempotencyKey: key } });
    const counts = await h.counts();
    const error = await h.error(FILE_DECLARATION, {
      input: declarationInput(w, awb, { currency: 'EUR', idempotencyKey: key }),
    });
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', field: 'input.idempotencyKey' });
    expect(await h.counts()).toEqual(counts);
  });

  test('registerManifest: retry → same shipment; other input → IDEMPOTENCY_CONFLICT', async () => {
    const awb = await h.freshAwb();
    const input = manifestInput(w, awb, { idempotencyKey: awb });
    const first = (await h.data(REGISTER_MANIFEST, { input })).registerManifest;
    const counts = await h.counts();
    expect((await h.data(REGISTER_MANIFEST, { input })).registerManifest).toEqual(first);
    const other = await h.error(REGISTER_MANIFEST, { input: { ...input, pieces: 4 } });
    expect(other.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await h.counts()).toEqual(counts);
  });

  test('a transition retried returns the record as the first call left it: one history row, one version', async () => {
    const number = await b.declarationIn('ACCEPTED');
    const variables = {
      input: { number, releasedAt: '2025-06-02T00:00:00Z', idempotencyKey: `rel-${number}` },
    };
    const first = (await h.data(RELEASE, variables)).releaseDeclaration;
    const counts = await h.counts();
    const retry = (await h.data(RELEASE, variables)).releaseDeclaration;
    expect(retry).toEqual(first);
    expect(retry).toMatchObject({ status: 'RELEASED', version: 3 });
    expect(await h.counts()).toEqual(counts);
    expect(first.history.filter((c: { to: string }) => c.to === 'RELEASED')).toHaveLength(1);
  });

  test('ten concurrent calls with one key create one declaration', async () => {
    const awb = await b.shipment();
    const variables = { input: declarationInput(w, awb, { idempotencyKey: `burst-${awb}` }) };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.data(FILE_DECLARATION, variables)),
    );
    const numbers = new Set(results.map((r) => r.fileDeclaration.number));
    expect(numbers.size).toBe(1);
    const rows = await h.sql('SELECT number FROM customs.declaration WHERE awb = $1', [awb]);
    expect(rows).toHaveLength(1);
  });

  test('submitSpecialGoodsApplication: a retry returns the first application', async () => {
    const input = {
      applicant: w.enterprise,
      category: 'MICROORGANISM',
      riskLevel: 'C',
      idempotencyKey: 'sga-retry',
    };
    const first = (await h.data(SUBMIT_APPLICATION, { input })).submitSpecialGoodsApplication;
    const counts = await h.counts();
    const retry = (await h.data(SUBMIT_APPLICATION, { input })).submitSpecialGoodsApplication;
    expect(retry.number).toBe(first.number);
    expect(await h.counts()).toEqual(counts);
  });
});

describe('expectedVersion', () => {
  test('current → the change is made; stale → CONFLICT and nothing changes', async () => {
    const number = await b.declaration();
    const accepted = (await h.data(ACCEPT, { input: { number, expectedVersion: 1 } }))
      .acceptDeclaration;
    expect(accepted.version).toBe(2);
    const before = await h.declarationState(number);
    const stale = await h.error(REJECT, { input: { number, reason: 'Late', expectedVersion: 1 } });
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect(stale.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2, id: number });
    expect(await h.declarationState(number)).toEqual(before);
  });

  test('a stale decision on a special-goods application is a CONFLICT', async () => {
    const { number } = (
      await h.data(SUBMIT_APPLICATION, {
        input: { applicant: w.enterprise, category: 'BLOOD_PRODUCT', riskLevel: 'B' },
      })
    ).submitSpecialGoodsApplication;
    await h.data(DECIDE_APPLICATION, {
      input: { number, decision: 'UNDER_REVIEW', expectedVersion: 1 },
    });
    const before = await h.applicationState(number);
    const stale = await h.error(DECIDE_APPLICATION, {
      input: { number, decision: 'APPROVED', expectedVersion: 1 },
    });
    expect(stale.code).toBe('CONFLICT');
    expect(await h.applicationState(number)).toEqual(before);
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
        ? () => h.post(RELEASE, { input: { number, releasedAt: '2025-06-02T00:00:00Z' } })
        : () => h.post(REJECT, { input: { number, reason: `Rejection ${i}` } }),
    );
    const { ok, errors } = await race(calls);
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(49);
    for (const e of errors) {
      expect(e.extensions.code).toBe('INVALID_STATE_TRANSITION');
      expect(e.message).toMatch(/cannot go from (RELEASED|REJECTED) to (RELEASED|REJECTED)/);
    }
    const [row] = await h.sql('SELECT status, version FROM customs.declaration WHERE number = $1', [
      number,
    ]);
    const winner = Object.values(ok[0])[0] as Json;
    expect(row).toEqual({ status: winner.status, version: 3 });
    expect(await historyRows(number)).toBe(history + 1);
  });

  test('50 concurrent accepts: one success, 49 INVALID_STATE_TRANSITION', async () => {
    const number = await b.declaration();
    const { ok, errors } = await race(
      Array.from({ length: 50 }, () => () => h.post(ACCEPT, { input: { number } })),
    );
    expect(ok).toHaveLength(1);
    expect(errors.map((e) => e.extensions.code)).toEqual(
      Array(49).fill('INVALID_STATE_TRANSITION'),
    );
    const [row] = await h.sql('SELECT status, version FROM customs.declaration WHERE number = $1', [
      number,
    ]);
    expect(row).toEqual({ status: 'ACCEPTED', version: 2 });
    expect(await historyRows(number)).toBe(2);
  });

  test('50 concurrent accepts all naming version 1: one success, 49 CONFLICT', async () => {
    const number = await b.declaration();
    const { ok, errors } = await race(
      Array.from(
        { length: 50 },
        () => () => h.post(ACCEPT, { input: { number, expectedVersion: 1 } }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(errors.map((e) => e.extensions.code)).toEqual(Array(49).fill('CONFLICT'));
    expect(await historyRows(number)).toBe(2);
  });

  test('20 concurrent decisions on one application: exactly one is taken', async () => {
    const { number } = (
      await h.data(SUBMIT_APPLICATION, {
        input: { applicant: w.enterprise, category: 'HUMAN_TISSUE', riskLevel: 'A' },
      })
    ).submitSpecialGoodsApplication;
    const { ok, errors } = await race(
      Array.from(
        { length: 20 },
        (_, i) => () =>
          h.post(DECIDE_APPLICATION, {
            input: { number, decision: i % 2 ? 'APPROVED' : 'REJECTED', reason: 'r' },
          }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(19);
    expect((await h.applicationState(number)).history).toHaveLength(2);
  });

  test('20 concurrent filings without a number get 20 distinct numbers', async () => {
    const awbs = await Promise.all(Array.from({ length: 20 }, () => b.shipment()));
    const { ok, errors } = await race(
      awbs.map(
        (awb) => () =>
          h.post(FILE_DECLARATION, {
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
      const filed = await h.data(FILE_DECLARATION, { input: declarationInput(w, awb) });
      numbers.push(filed.fileDeclaration.number);
      await h.data(ACCEPT, { input: { number: filed.fileDeclaration.number } });
    }
    await Promise.all(
      numbers.map((number, i) =>
        h.data(RELEASE, { input: { number, releasedAt: `2025-06-0${2 + i}T00:00:00Z` } }),
      ),
    );
    const [row] = await h.sql(
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
      h.gatewayMode = mode;
      const counts = await h.counts();
      const error = await h.error(FILE_DECLARATION, { input: drugDeclaration(awb) });
      expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(error.message).toMatch(/cannot check the drug approvals of the goods/);
      expect(await h.counts()).toEqual(counts);
    },
  );

  test('registerManifest, requireInspection, releaseDeclaration and submitSpecialGoodsApplication with the gateway down', async () => {
    const accepted = await b.declarationIn('ACCEPTED');
    const withDrug = await b.shipment();
    const drugDecl = (await h.data(FILE_DECLARATION, { input: drugDeclaration(withDrug) }))
      .fileDeclaration.number;
    await h.data(ACCEPT, { input: { number: drugDecl } });
    const awb = await h.freshAwb();
    h.gatewayMode = 'down';
    const counts = await h.counts();
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
      const error = await h.error(document, { input });
      expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(error.message).toMatch(/the gateway did not answer/);
    }
    expect(await h.counts()).toEqual(counts);
  });

  test('an illegal move is still reported as such while the gateway is down', async () => {
    const number = await b.declarationIn('REJECTED');
    h.gatewayMode = 'down';
    const error = await h.error(REQUIRE_INSPECTION, { input: { number, facility: SITES.pek } });
    expect(error.code).toBe('INVALID_STATE_TRANSITION');
  });

  test('a retry of a committed call is answered while the gateway is down', async () => {
    const awb = await h.freshAwb();
    const variables = { input: manifestInput(w, awb, { idempotencyKey: `down-${awb}` }) };
    const first = await h.data(REGISTER_MANIFEST, variables);
    h.gatewayMode = 'down';
    expect(await h.data(REGISTER_MANIFEST, variables)).toEqual(first);
  });
});
