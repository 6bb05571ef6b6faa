import { expectData, expectError } from '../support/graphql';
import { SubgraphUnderTest } from '../support/subgraph';
import {
  ACCEPT,
  applicationState,
  Builder,
  CustomsWrites,
  DECIDE_APPLICATION,
  DECLARATION,
  declarationInput,
  declarationState,
  DRUGS,
  FILE_DECLARATION,
  FILED_AT,
  freshAwb,
  itemInput,
  loadWorld,
  MANIFESTED_AT,
  manifestInput,
  RECORD_RESULT,
  REGISTER_MANIFEST,
  REJECT,
  RELEASE,
  REQUIRE_INSPECTION,
  REVIEW,
  rowCounts,
  SITES,
  startCustomsWrites,
  SUBMIT_APPLICATION,
} from './operations';
import { OFFICER_ACTOR } from '../support/identities';

let writes: CustomsWrites;
let customs: SubgraphUnderTest;
let b: Builder;
beforeAll(async () => {
  writes = await startCustomsWrites();
  customs = writes.customs;
  b = new Builder(customs, await loadWorld(customs.db));
}, 120_000);
afterAll(() => writes?.stop());

describe('a declaration through its lifecycle', () => {
  test('register → file → accept → review → inspect → pass → release, clearance following each step', async () => {
    const awb = await freshAwb(customs.db);
    const registered = expectData(
      await customs.graphql(REGISTER_MANIFEST, { input: manifestInput(b.world, awb) }),
    ).registerManifest;
    expect(registered).toEqual({
      awb,
      version: 1,
      portOfEntry: { iataCode: 'PEK' },
      manifest: {
        origin: { iataCode: 'FRA' },
        destination: { iataCode: 'PEK' },
        consignee: { uscc: b.world.enterprise },
        pieces: 3,
        grossWeightKg: 120.5,
        manifestedAt: MANIFESTED_AT,
      },
      clearance: { status: 'NOT_DECLARED', releasedAt: null },
      declarations: [],
    });

    const filed = expectData(
      await customs.graphql(FILE_DECLARATION, { input: declarationInput(b.world, awb) }),
    ).fileDeclaration;
    // Customs assigned the number: Capital Airport office, 2025, import, first serial.
    expect(filed.number).toMatch(/^010120251\d{9}$/);
    expect(filed).toMatchObject({
      status: 'FILED',
      version: 1,
      direction: 'IMPORT',
      filedAt: FILED_AT,
      releasedAt: null,
      totalValue: { amount: '1750.50', currency: 'USD' },
      customsOffice: { code: '0101' },
      supervisionMode: { code: '0110' },
      inspection: null,
      items: [
        { line: 1, hsCode: '8471300000', value: { amount: '500.00', currency: 'USD' } },
        { line: 2, hsCode: '8408200000', value: { amount: '1250.50', currency: 'USD' } },
      ],
      licences: [{ code: 'A', number: 'A2025000001' }],
      history: [{ from: null, to: 'FILED', actor: OFFICER_ACTOR, reason: null }],
      shipment: { awb, version: 2, clearance: { status: 'IN_PROGRESS', releasedAt: null } },
    });
    const number = filed.number;
    const step = async (doc: string, input: object) =>
      Object.values(
        expectData(await customs.graphql(doc, { input: { number, ...input } })),
      )[0] as Record<string, never>;

    expect(await step(ACCEPT, {})).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(await step(REVIEW, {})).toMatchObject({ status: 'UNDER_REVIEW', version: 3 });
    const inspected = await step(REQUIRE_INSPECTION, { facility: SITES.pek, reason: 'Risk hit' });
    expect(inspected).toMatchObject({
      status: 'INSPECTION_REQUIRED',
      version: 4,
      inspection: {
        required: true,
        site: { id: SITES.pek },
        result: 'PENDING',
        completedAt: null,
        history: [{ from: null, to: 'PENDING' }],
      },
      shipment: { clearance: { status: 'INSPECTION' } },
    });
    const passed = await step(RECORD_RESULT, {
      result: 'PASSED',
      completedAt: '2025-06-01T20:00:00+08:00',
    });
    expect(passed).toMatchObject({
      status: 'INSPECTION_REQUIRED',
      version: 5,
      inspection: {
        result: 'PASSED',
        completedAt: '2025-06-01T12:00:00.000Z',
        history: [
          { from: null, to: 'PENDING' },
          { from: 'PENDING', to: 'PASSED' },
        ],
      },
    });
    const released = await step(RELEASE, { releasedAt: '2025-06-01T14:30:00Z' });
    expect(released).toMatchObject({
      status: 'RELEASED',
      version: 6,
      releasedAt: '2025-06-01T14:30:00.000Z',
      shipment: { clearance: { status: 'RELEASED', releasedAt: '2025-06-01T14:30:00.000Z' } },
    });
    expect(released.history).toEqual([
      { from: null, to: 'FILED', actor: OFFICER_ACTOR, reason: null },
      { from: 'FILED', to: 'ACCEPTED', actor: OFFICER_ACTOR, reason: null },
      { from: 'ACCEPTED', to: 'UNDER_REVIEW', actor: OFFICER_ACTOR, reason: null },
      { from: 'UNDER_REVIEW', to: 'INSPECTION_REQUIRED', actor: OFFICER_ACTOR, reason: 'Risk hit' },
      { from: 'INSPECTION_REQUIRED', to: 'RELEASED', actor: OFFICER_ACTOR, reason: null },
    ]);
    // The stored summary (what `shipments(filter: { clearanceStatus })` reads) follows too.
    const [row] = await customs.db.query(
      'SELECT clearance_status, released_at FROM customs.shipment WHERE awb = $1',
      [awb],
    );
    expect(row).toEqual({
      clearance_status: 'RELEASED',
      released_at: new Date('2025-06-01T14:30:00Z'),
    });
  });

  test('a rejection keeps the reason; a shipment whose only declaration is rejected is REJECTED', async () => {
    const number = await b.declaration();
    const rejected = expectData(
      await customs.graphql(REJECT, {
        input: { number, reason: '  HS code does not match the goods  ' },
      }),
    ).rejectDeclaration;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      version: 2,
      rejectionReason: 'HS code does not match the goods',
      shipment: { clearance: { status: 'REJECTED', releasedAt: null } },
    });
    expect(rejected.history[1]).toEqual({
      from: 'FILED',
      to: 'REJECTED',
      actor: OFFICER_ACTOR,
      reason: 'HS code does not match the goods',
    });
  });

  test('two declarations on one shipment: RELEASED only once every live one is', async () => {
    const first = await b.declaration();
    const { awb } = expectData(await customs.graphql(DECLARATION, { n: first })).declaration
      .shipment;
    const second = expectData(
      await customs.graphql(FILE_DECLARATION, {
        input: declarationInput(b.world, awb, { filedAt: '2025-06-01T11:00:00Z' }),
      }),
    ).fileDeclaration.number;
    expectData(await customs.graphql(ACCEPT, { input: { number: first } }));
    const one = expectData(
      await customs.graphql(RELEASE, {
        input: { number: first, releasedAt: '2025-06-02T00:00:00Z' },
      }),
    ).releaseDeclaration;
    expect(one.shipment.clearance).toEqual({ status: 'IN_PROGRESS', releasedAt: null });
    const two = expectData(
      await customs.graphql(REJECT, { input: { number: second, reason: 'Duplicate' } }),
    ).rejectDeclaration;
    expect(two.shipment.clearance).toEqual({
      status: 'RELEASED',
      releasedAt: '2025-06-02T00:00:00.000Z',
    });
  });

  test('a FAILED inspection can only end in rejection', async () => {
    const number = await b.declarationIn('FAILED');
    expectError(await customs.graphql(RELEASE, { input: { number } }), 'INVALID_STATE_TRANSITION', {
      message: /not passed \(result FAILED\)/,
    });
    const rejected = expectData(
      await customs.graphql(REJECT, { input: { number, reason: 'Quarantine failed' } }),
    ).rejectDeclaration;
    expect(rejected.status).toBe('REJECTED');
  });
});

describe('through the gateway', () => {
  test('an agency system files and releases; the cross-agency picture shows it at once', async () => {
    const awb = await freshAwb(customs.db);
    expectData(
      await writes.fed.graphql(REGISTER_MANIFEST, {
        input: manifestInput(b.world, awb, { origin: 'JFK', idempotencyKey: `gw-${awb}` }),
      }),
    );
    const filed = await writes.fed.graphql(FILE_DECLARATION, {
      input: declarationInput(b.world, awb, {
        items: [itemInput({ hsCode: '3004909099', drugApproval: DRUGS.registered })],
      }),
    });
    const number = expectData(filed).fileDeclaration.number;
    for (const [doc, input] of [
      [ACCEPT, {}],
      [RELEASE, { releasedAt: '2025-06-02T00:00:00Z' }],
    ] as const) {
      expectData(await writes.fed.graphql(doc, { input: { number, ...input } }));
    }
    const picture = await writes.fed.graphql(
      `query($awb: ID!) { shipment(awb: $awb) {
        manifest { origin { iataCode name } destination { isBeijingHub } }
        declarations { number status version history { to }
                       items { drugApproval { number category status } } }
        clearance { status releasedAt }
      } }`,
      { awb },
    );
    expect(expectData(picture).shipment).toMatchObject({
      manifest: {
        origin: { iataCode: 'JFK', name: expect.any(String) },
        destination: { isBeijingHub: true },
      },
      declarations: [
        {
          number,
          status: 'RELEASED',
          version: 3,
          history: [{ to: 'FILED' }, { to: 'ACCEPTED' }, { to: 'RELEASED' }],
          items: [
            {
              drugApproval: {
                number: DRUGS.registered,
                category: 'REGISTERED_DRUG',
                status: 'VALID',
              },
            },
          ],
        },
      ],
      clearance: { status: 'RELEASED', releasedAt: '2025-06-02T00:00:00.000Z' },
    });
  });
});

describe('illegal moves are refused with INVALID_STATE_TRANSITION and change nothing', () => {
  const cases: [string, Parameters<Builder['declarationIn']>[0], string, object, RegExp][] = [
    ['accept twice', 'ACCEPTED', ACCEPT, {}, /from ACCEPTED to ACCEPTED/],
    ['release a FILED declaration', 'FILED', RELEASE, {}, /from FILED to RELEASED/],
    [
      'release before the inspection passed',
      'INSPECTION_REQUIRED',
      RELEASE,
      {},
      /not passed \(result PENDING\)/,
    ],
    ['release after rejection', 'REJECTED', RELEASE, {}, /REJECTED is final/],
    ['reject after release', 'RELEASED', REJECT, { reason: 'Too late' }, /RELEASED is final/],
    ['release twice', 'RELEASED', RELEASE, {}, /from RELEASED to RELEASED/],
    ['review a FILED declaration', 'FILED', REVIEW, {}, /from FILED to UNDER_REVIEW/],
    [
      'require an inspection of a FILED declaration',
      'FILED',
      REQUIRE_INSPECTION,
      { facility: SITES.pek },
      /from FILED to INSPECTION_REQUIRED/,
    ],
    [
      'require an inspection twice',
      'INSPECTION_REQUIRED',
      REQUIRE_INSPECTION,
      { facility: SITES.pek },
      /from INSPECTION_REQUIRED to INSPECTION_REQUIRED/,
    ],
    [
      'an inspection result when none is required',
      'ACCEPTED',
      RECORD_RESULT,
      { result: 'PASSED' },
      /Inspection .* cannot go from NOT_REQUIRED to PASSED: the declaration is ACCEPTED/,
    ],
    [
      'a second inspection result',
      'PASSED',
      RECORD_RESULT,
      { result: 'FAILED' },
      /from PASSED to FAILED: PASSED is final/,
    ],
    [
      'an inspection result after release',
      'RELEASED',
      RECORD_RESULT,
      { result: 'PASSED' },
      /the declaration is RELEASED/,
    ],
  ];

  test.each(cases)('%s', async (_name, status, doc, input, message) => {
    const number = await b.declarationIn(status);
    const before = await declarationState(customs.db, number);
    const counts = await rowCounts(customs.db);
    expectError(
      await customs.graphql(doc, { input: { number, ...input } }),
      'INVALID_STATE_TRANSITION',
      { message, extensions: { id: number, current: expect.any(String) } },
    );
    expect(await declarationState(customs.db, number)).toEqual(before);
    expect(await rowCounts(customs.db)).toEqual(counts);
  });
});

describe('special-goods applications', () => {
  test('submit → review → approve → expire, with history; a consolidated import links its shipments', async () => {
    const awb = await b.shipment({ consignee: b.world.agent });
    const submitted = expectData(
      await customs.graphql(SUBMIT_APPLICATION, {
        input: {
          applicant: b.world.agent,
          category: 'BIOLOGICAL_PRODUCT',
          riskLevel: 'D',
          submittedAt: '2024-03-01T01:00:00Z',
          consolidatedImport: b.world.consolidatedImport,
          shipments: [awb],
        },
      }),
    ).submitSpecialGoodsApplication;
    expect(submitted.number).toMatch(/^SGA-0100-2024-\d{6}$/);
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      version: 1,
      applicant: { uscc: b.world.agent },
      consolidatedImport: { id: b.world.consolidatedImport },
      decidedAt: null,
      validUntil: null,
      history: [{ from: null, to: 'SUBMITTED', actor: OFFICER_ACTOR, reason: null }],
    });
    const importAwbs = (
      await customs.db.query<{ awb: string }>(
        `SELECT awb FROM drugs.consolidated_import_shipment WHERE consolidated_import_id = $1`,
        [b.world.consolidatedImport],
      )
    ).map((r) => r.awb);
    expect(submitted.shipments.map((s: { awb: string }) => s.awb).sort()).toEqual(
      [awb, ...importAwbs].sort(),
    );

    const number = submitted.number;
    const decide = async (input: object) =>
      expectData(await customs.graphql(DECIDE_APPLICATION, { input: { number, ...input } }))
        .decideSpecialGoodsApplication;
    expect(await decide({ decision: 'UNDER_REVIEW' })).toMatchObject({
      status: 'UNDER_REVIEW',
      version: 2,
      decidedAt: null,
    });
    // Risk D: valid 12 months from the decision day (Beijing time).
    expect(await decide({ decision: 'APPROVED', decidedAt: '2024-03-04T20:00:00Z' })).toMatchObject(
      {
        status: 'APPROVED',
        version: 3,
        decidedAt: '2024-03-04T20:00:00.000Z',
        validUntil: '2025-03-04',
      },
    );
    const expired = await decide({ decision: 'EXPIRED', decidedAt: '2025-03-05T00:00:00+08:00' });
    expect(expired).toMatchObject({ status: 'EXPIRED', version: 4, validUntil: '2025-03-04' });
    expect(expired.history.map((c: { to: string }) => c.to)).toEqual([
      'SUBMITTED',
      'UNDER_REVIEW',
      'APPROVED',
      'EXPIRED',
    ]);
  });

  test('rejected straight from SUBMITTED, with the reason in history', async () => {
    const { number } = expectData(
      await customs.graphql(SUBMIT_APPLICATION, {
        input: { applicant: b.world.enterprise, category: 'HUMAN_TISSUE', riskLevel: 'A' },
      }),
    ).submitSpecialGoodsApplication;
    const rejected = expectData(
      await customs.graphql(DECIDE_APPLICATION, {
        input: { number, decision: 'REJECTED', reason: 'No risk assessment' },
      }),
    ).decideSpecialGoodsApplication;
    expect(rejected).toMatchObject({ status: 'REJECTED', validUntil: null });
    expect(rejected.decidedAt).not.toBeNull();
    expect(rejected.history[1]).toMatchObject({
      from: 'SUBMITTED',
      to: 'REJECTED',
      reason: 'No risk assessment',
    });
  });

  describe('illegal decisions change nothing', () => {
    async function application(path: string[]): Promise<string> {
      const { number } = expectData(
        await customs.graphql(SUBMIT_APPLICATION, {
          input: {
            applicant: b.world.enterprise,
            category: 'MICROORGANISM',
            riskLevel: 'A',
            submittedAt: '2024-01-10T00:00:00Z',
          },
        }),
      ).submitSpecialGoodsApplication;
      for (const decision of path) {
        expectData(
          await customs.graphql(DECIDE_APPLICATION, {
            input: {
              number,
              decision,
              reason: 'r',
              decidedAt: '2024-01-11T00:00:00Z',
            },
          }),
        );
      }
      return number;
    }
    const cases: [string, string[], object, RegExp][] = [
      [
        'approve an approved application',
        ['APPROVED'],
        { decision: 'APPROVED' },
        /APPROVED to APPROVED/,
      ],
      [
        'reject an approved application',
        ['APPROVED'],
        { decision: 'REJECTED', reason: 'x' },
        /APPROVED to REJECTED/,
      ],
      [
        'decide a rejected application',
        ['REJECTED'],
        { decision: 'APPROVED' },
        /REJECTED is final/,
      ],
      ['expire an application never approved', [], { decision: 'EXPIRED' }, /SUBMITTED to EXPIRED/],
      [
        'go back to SUBMITTED',
        ['UNDER_REVIEW'],
        { decision: 'SUBMITTED' },
        /UNDER_REVIEW to SUBMITTED/,
      ],
      [
        'expire an approval still valid',
        ['APPROVED'],
        { decision: 'EXPIRED', decidedAt: '2024-02-01T00:00:00Z' },
        /valid until 2024-04-10/,
      ],
    ];
    test.each(cases)('%s', async (_name, path, input, message) => {
      const number = await application(path);
      const before = await applicationState(customs.db, number);
      expectError(
        await customs.graphql(DECIDE_APPLICATION, { input: { number, ...input } }),
        'INVALID_STATE_TRANSITION',
        { message },
      );
      expect(await applicationState(customs.db, number)).toEqual(before);
    });
  });
});
