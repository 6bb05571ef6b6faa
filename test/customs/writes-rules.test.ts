import { expectData, expectError, Json } from '../support/graphql';
import { SubgraphUnderTest } from '../support/subgraph';
import {
  Builder,
  CustomsWrites,
  DECIDE_APPLICATION,
  declarationState,
  DRUGS,
  freshAwb,
  itemInput,
  loadWorld,
  manifestInput,
  REGISTER_MANIFEST,
  RELEASE,
  REQUIRE_INSPECTION,
  rowCounts,
  SITES,
  startCustomsWrites,
  SUBMIT_APPLICATION,
} from './operations';

/**
 * The cross-agency rules: facts of the airports and drugs agencies, read through the gateway
 * from their real subgraphs, decide whether customs may write.
 */
let writes: CustomsWrites;
let customs: SubgraphUnderTest;
let b: Builder;
beforeAll(async () => {
  writes = await startCustomsWrites();
  customs = writes.customs;
  b = new Builder(customs, await loadWorld(customs.db));
}, 120_000);
afterAll(() => writes?.stop());

async function refusedWithoutChange(
  document: string,
  input: Json,
  expected: { code: string; field: string; message: RegExp },
): Promise<void> {
  const counts = await rowCounts(customs.db);
  expectError(await customs.graphql(document, { input }), expected.code, {
    field: expected.field,
    message: expected.message,
  });
  expect(await rowCounts(customs.db)).toEqual(counts);
}

describe('registerManifest: the airports exist and the port of entry is a Beijing hub', () => {
  test('an unknown airport is NOT_FOUND', async () => {
    const input = manifestInput(b.world, await freshAwb(customs.db), { destination: 'QQQ' });
    await refusedWithoutChange(REGISTER_MANIFEST, input, {
      code: 'NOT_FOUND',
      field: 'input.destination',
      message: /no airport has the IATA code QQQ/,
    });
  });

  test('a port of entry outside Beijing is refused', async () => {
    const input = manifestInput(b.world, await freshAwb(customs.db), {
      origin: 'SCL',
      destination: 'FRA',
      portOfEntry: 'FRA',
    });
    await refusedWithoutChange(REGISTER_MANIFEST, input, {
      code: 'BAD_USER_INPUT',
      field: 'input.portOfEntry',
      message: /must be a Beijing hub \(PEK or PKX\), not FRA/,
    });
  });

  test('a transshipment entering at PKX for ICN is registered', async () => {
    const awb = await freshAwb(customs.db);
    const input = manifestInput(b.world, awb, { destination: 'ICN', portOfEntry: 'PKX' });
    const shipment = expectData(
      await customs.graphql(REGISTER_MANIFEST, { input }),
    ).registerManifest;
    expect(shipment).toMatchObject({ awb, portOfEntry: { iataCode: 'PKX' } });
  });
});

describe("requireInspection: the facility is OPERATIONAL and at the shipment's port of entry", () => {
  test.each([
    ['an unknown facility', 'PEK-NOWHERE-9', 'NOT_FOUND', /no facility has the id PEK-NOWHERE-9/],
    [
      'a facility not yet operational',
      SITES.pekNotOperational,
      'BAD_USER_INPUT',
      /is (PLANNED|UNDER_CONSTRUCTION), not OPERATIONAL/,
    ],
    [
      'a facility at the other hub',
      SITES.pkx,
      'BAD_USER_INPUT',
      /is at PKX, but the shipment enters at PEK/,
    ],
  ])('%s is refused', async (_name, facility, code, message) => {
    const number = await b.declarationIn('ACCEPTED');
    const before = await declarationState(customs.db, number);
    await refusedWithoutChange(
      REQUIRE_INSPECTION,
      { number, facility },
      { code, field: 'input.facility', message },
    );
    expect(await declarationState(customs.db, number)).toEqual(before);
  });

  test('a designated site at PKX for a PKX shipment is accepted', async () => {
    const number = await b.declarationIn(
      'ACCEPTED',
      {},
      { destination: 'PKX', portOfEntry: 'PKX' },
    );
    const data = expectData(
      await customs.graphql(REQUIRE_INSPECTION, { input: { number, facility: SITES.pkxFruit } }),
    );
    expect(data.requireInspection.inspection).toMatchObject({
      site: { id: SITES.pkxFruit },
      result: 'PENDING',
    });
  });
});

describe('releaseDeclaration: drug approvals VALID at release', () => {
  async function setApprovalStatus(number: string, status: string): Promise<void> {
    await customs.db.query('UPDATE drugs.drug_approval SET status = $2 WHERE number = $1', [
      number,
      status,
    ]);
  }

  test('an approval suspended after filing stops the release; valid again, it goes', async () => {
    const number = await b.declarationIn('ACCEPTED', {
      items: [itemInput(), itemInput({ hsCode: '3004909099', drugApproval: DRUGS.registered })],
    });
    await setApprovalStatus(DRUGS.registered, 'SUSPENDED');
    try {
      const before = await declarationState(customs.db, number);
      await refusedWithoutChange(
        RELEASE,
        { number, releasedAt: '2025-06-02T00:00:00Z' },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.number',
          message: new RegExp(
            `goods line 2: drug approval ${DRUGS.registered} is SUSPENDED, not VALID`,
          ),
        },
      );
      expect(await declarationState(customs.db, number)).toEqual(before);
    } finally {
      await setApprovalStatus(DRUGS.registered, 'VALID');
    }
    const released = expectData(
      await customs.graphql(RELEASE, {
        input: { number, releasedAt: '2025-06-02T00:00:00Z' },
      }),
    );
    expect(released.releaseDeclaration.status).toBe('RELEASED');
  });
});

describe('releaseDeclaration: special goods need an APPROVED, unexpired application', () => {
  const RELEASED_AT = '2025-06-03T02:00:00Z';

  async function submit(awb: string): Promise<string> {
    const data = expectData(
      await customs.graphql(SUBMIT_APPLICATION, {
        input: {
          applicant: b.world.enterprise,
          category: 'HUMAN_TISSUE',
          riskLevel: 'D',
          submittedAt: '2025-05-01T00:00:00Z',
          shipments: [awb],
        },
      }),
    );
    return data.submitSpecialGoodsApplication.number;
  }

  async function decide(number: string, input: Json): Promise<void> {
    expectData(
      await customs.graphql(DECIDE_APPLICATION, {
        input: { number, decidedAt: '2025-05-02T00:00:00Z', ...input },
      }),
    );
  }

  async function refusedRelease(number: string, message: RegExp): Promise<void> {
    const before = await declarationState(customs.db, number);
    await refusedWithoutChange(
      RELEASE,
      { number, releasedAt: RELEASED_AT },
      { code: 'BAD_USER_INPUT', field: 'input.number', message },
    );
    expect(await declarationState(customs.db, number)).toEqual(before);
  }

  const awbOf = async (number: string): Promise<string> =>
    (
      await customs.db.query<{ awb: string }>(
        'SELECT awb FROM customs.declaration WHERE number = $1',
        [number],
      )
    )[0].awb;

  test('cell therapy: refused with no application, then with one SUBMITTED; released once APPROVED', async () => {
    const number = await b.declarationIn('ACCEPTED', {
      items: [
        itemInput({
          hsCode: '3002510010',
          quantity: 2,
          unit: 'bag',
          drugApproval: DRUGS.cellTherapy,
        }),
      ],
    });
    await refusedRelease(
      number,
      /names CELL_THERAPY approval .* APPROVED special-goods application/,
    );
    const application = await submit(await awbOf(number));
    await refusedRelease(number, new RegExp(`found ${application} SUBMITTED`));
    await decide(application, { decision: 'APPROVED' });
    const released = expectData(
      await customs.graphql(RELEASE, { input: { number, releasedAt: RELEASED_AT } }),
    );
    expect(released.releaseDeclaration).toMatchObject({
      status: 'RELEASED',
      shipment: { clearance: { status: 'RELEASED' } },
    });
  });

  test('a shipment covered by an application needs it approved, even without therapy goods', async () => {
    const number = await b.declarationIn('ACCEPTED');
    const application = await submit(await awbOf(number));
    await decide(application, { decision: 'REJECTED', reason: 'Incomplete' });
    await refusedRelease(
      number,
      new RegExp(`covered by special-goods application ${application}.*REJECTED`),
    );
  });

  test('an approval that ran out before the release day does not count', async () => {
    const number = await b.declarationIn('ACCEPTED');
    const application = await submit(await awbOf(number));
    await decide(application, { decision: 'APPROVED', validUntil: '2025-06-02' });
    // 02:00 UTC on 3 June is 10:00 on 3 June in Beijing: one day past the approval.
    await refusedRelease(number, /cannot be released on 2025-06-03.*APPROVED until 2025-06-02/);
    const released = expectData(
      await customs.graphql(RELEASE, {
        input: { number, releasedAt: '2025-06-02T15:59:00Z' },
      }),
    );
    expect(released.releaseDeclaration.status).toBe('RELEASED');
  });
});
