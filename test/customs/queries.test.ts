import { customsSubgraph } from '../../subgraphs/customs';
import { makeAwb, makeDeclarationNumber, makeUscc } from '../../subgraphs/kit';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { A, D, E, insertFixtures, S } from './fixtures';

let customs: SubgraphUnderTest;
beforeAll(async () => {
  customs = await startSubgraphUnderTest(customsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => customs?.stop());

const SHIPMENT_FIELDS = `
  awb
  portOfEntry { iataCode }
  manifest {
    origin { iataCode } destination { iataCode } shipper
    consignee { uscc name customsCreditRating }
    pieces grossWeightKg goodsDescription manifestedAt
  }
  declarations {
    number direction status filedAt releasedAt rejectionReason
    customsOffice { code name } supervisionMode { code name } declarant { uscc }
    totalValue { amount currency } bondedZone { code } inspection { required }
    licences { code number }
    items {
      line hsCode description quantity unit value { amount currency } originCountry
      remanufactured supervisedAsNew drugApproval { number }
    }
    shipment { awb }
  }
  clearance { status releasedAt hoursFromArrivalToRelease }
  specialGoodsApplications { number }
`;

describe('shipment(awb)', () => {
  it('gives the manifest, the declarations with items and licences, and the clearance', async () => {
    const { shipment } = expectData(
      await customs.graphql(`query($awb: ID!) { shipment(awb: $awb) { ${SHIPMENT_FIELDS} } }`, {
        awb: S.released,
      }),
    );
    expect(shipment).toEqual({
      awb: S.released,
      portOfEntry: { iataCode: 'PEK' },
      manifest: {
        origin: { iataCode: 'FRA' },
        destination: { iataCode: 'PEK' },
        shipper: 'Example Shipper GmbH',
        consignee: {
          uscc: E.alpha,
          name: 'Alpha Trading (Beijing) Co., Ltd.',
          customsCreditRating: 'ADVANCED_CERTIFIED',
        },
        pieces: 3,
        grossWeightKg: 120.5,
        goodsDescription: 'Cell therapy product',
        manifestedAt: '2024-03-01T02:00:00.000Z',
      },
      declarations: [
        {
          number: D.d1,
          direction: 'IMPORT',
          status: 'RELEASED',
          filedAt: '2024-03-01T10:00:00.000Z',
          releasedAt: '2024-03-01T16:00:00.000Z',
          rejectionReason: null,
          customsOffice: { code: '0101', name: 'Capital Airport Customs' },
          supervisionMode: { code: '0110', name: 'General trade' },
          declarant: { uscc: E.alpha },
          totalValue: { amount: '125000.50', currency: 'EUR' },
          bondedZone: null,
          inspection: null,
          licences: [
            { code: 'A', number: 'A2024000001' },
            { code: 'Q', number: 'Q2024000001' },
          ],
          items: [
            {
              line: 1,
              hsCode: '3002510010',
              description: 'CAR-T cell therapy product',
              quantity: 2,
              unit: 'bag',
              value: { amount: '120000.50', currency: 'EUR' },
              originCountry: 'DE',
              remanufactured: false,
              supervisedAsNew: false,
              drugApproval: { number: 'SJ20180023' },
            },
            {
              line: 2,
              hsCode: '8408200000',
              description: 'Remanufactured diesel engine',
              quantity: 1,
              unit: 'pcs',
              value: { amount: '5000.00', currency: 'EUR' },
              originCountry: 'DE',
              remanufactured: true,
              supervisedAsNew: true,
              drugApproval: null,
            },
          ],
          shipment: { awb: S.released },
        },
      ],
      // Without the airports subgraph's arrival (a direct query), the hours are unknown.
      clearance: {
        status: 'RELEASED',
        releasedAt: '2024-03-01T16:00:00.000Z',
        hoursFromArrivalToRelease: null,
      },
      specialGoodsApplications: [{ number: A.approved }],
    });
  });

  it('accepts the AWB without its dash and answers in the display form', async () => {
    const { shipment } = expectData(
      await customs.graphql(`query($awb: ID!) { shipment(awb: $awb) { awb } }`, {
        awb: S.released.replace('-', ''),
      }),
    );
    expect(shipment).toEqual({ awb: S.released });
  });

  it('gives null for a well-formed AWB customs has no manifest for', async () => {
    const body = await customs.graphql(`query($awb: ID!) { shipment(awb: $awb) { awb } }`, {
      awb: makeAwb('999', 7777777),
    });
    expect(body).toEqual({ data: { shipment: null } });
  });

  it('distinguishes the port of entry from the final destination of a transshipment', async () => {
    const { shipment } = expectData(
      await customs.graphql(
        `query($awb: ID!) { shipment(awb: $awb) {
         portOfEntry { iataCode } manifest { destination { iataCode } }
         declarations { status rejectionReason } clearance { status releasedAt } } }`,
        { awb: S.rejected },
      ),
    );
    expect(shipment).toEqual({
      portOfEntry: { iataCode: 'PKX' },
      manifest: { destination: { iataCode: 'ICN' } },
      declarations: [
        { status: 'REJECTED', rejectionReason: 'HS code does not match the goods description' },
      ],
      clearance: { status: 'REJECTED', releasedAt: null },
    });
  });

  it('lists declarations oldest first and sums them up as INSPECTION', async () => {
    const { shipment } = expectData(
      await customs.graphql(
        `query($awb: ID!) { shipment(awb: $awb) { declarations { number } clearance { status } } }`,
        { awb: S.inspection },
      ),
    );
    expect(shipment).toEqual({
      declarations: [{ number: D.d2 }, { number: D.d3 }],
      clearance: { status: 'INSPECTION' },
    });
  });

  it('gives no declarations for a shipment not yet declared', async () => {
    const { shipment } = expectData(
      await customs.graphql(
        `query($awb: ID!) { shipment(awb: $awb) { declarations { number } clearance { status releasedAt } } }`,
        { awb: S.undeclared },
      ),
    );
    expect(shipment).toEqual({
      declarations: [],
      clearance: { status: 'NOT_DECLARED', releasedAt: null },
    });
  });
});

describe('declaration(number)', () => {
  it('gives the bonded zone, inspection at a designated site and licences', async () => {
    const { declaration } = expectData(
      await customs.graphql(
        `query($n: ID!) { declaration(number: $n) {
         number customsOffice { code name } supervisionMode { code } declarant { name }
         bondedZone { code name airport { iataCode } supervisionModel }
         inspection { required result completedAt site { id } }
         licences { code number } items { hsCode quantity unit originCountry }
         shipment { awb manifest { goodsDescription } } } }`,
        { n: D.d2 },
      ),
    );
    expect(declaration).toEqual({
      number: D.d2,
      customsOffice: { code: '0105', name: 'Daxing Airport Customs' },
      supervisionMode: { code: '1210' },
      declarant: { name: 'Beta Cross-Border E-commerce Co., Ltd.' },
      bondedZone: {
        code: 'BJ-DAXING-CBZ',
        name: 'Daxing Airport Comprehensive Bonded Zone',
        airport: { iataCode: 'PKX' },
        supervisionModel: 'ZONE_PORT_INTEGRATION',
      },
      inspection: {
        required: true,
        result: 'PASSED',
        completedAt: '2024-03-10T12:00:00.000Z',
        site: { id: 'PKX-FRUIT-1' },
      },
      licences: [{ code: 'A', number: 'A2024000002' }],
      items: [{ hsCode: '0809290000', quantity: 3833, unit: 'kg', originCountry: 'CL' }],
      shipment: { awb: S.inspection, manifest: { goodsDescription: 'Fresh cherries' } },
    });
  });

  it('gives a pending inspection without a result date, and a zone with no airport', async () => {
    const { a, b } = expectData(
      await customs.graphql(
        `query($a: ID!, $b: ID!) {
         a: declaration(number: $a) { status inspection { required result completedAt } }
         b: declaration(number: $b) { status bondedZone { code airport { iataCode } supervisionModel } inspection { required } } }`,
        { a: D.d3, b: D.d6 },
      ),
    );
    expect(a).toEqual({
      status: 'INSPECTION_REQUIRED',
      inspection: { required: true, result: 'PENDING', completedAt: null },
    });
    expect(b).toEqual({
      status: 'FILED',
      bondedZone: { code: 'BJ-ZGC-CBZ', airport: null, supervisionModel: 'SMART_SUPERVISION' },
      inspection: null,
    });
  });

  it('gives null for a well-formed unknown number', async () => {
    const body = await customs.graphql(`query($n: ID!) { declaration(number: $n) { number } }`, {
      n: makeDeclarationNumber('0101', 2023, 'EXPORT', 42),
    });
    expect(body).toEqual({ data: { declaration: null } });
  });
});

describe('bondedZones', () => {
  it('lists every zone by code', async () => {
    const { bondedZones } = expectData(
      await customs.graphql(
        `{ bondedZones { code name airport { iataCode } supervisionModel areaKm2 openedOn } }`,
      ),
    );
    expect(bondedZones).toEqual([
      {
        code: 'BJ-DAXING-CBZ',
        name: 'Daxing Airport Comprehensive Bonded Zone',
        airport: { iataCode: 'PKX' },
        supervisionModel: 'ZONE_PORT_INTEGRATION',
        areaKm2: 4.35,
        openedOn: '2020-11-05',
      },
      {
        code: 'BJ-ZGC-CBZ',
        name: 'Zhongguancun Comprehensive Bonded Zone',
        airport: null,
        supervisionModel: 'SMART_SUPERVISION',
        areaKm2: 0.401,
        openedOn: '2024-08-28',
      },
    ]);
  });

  it('finds one zone by code, and null for an unknown one', async () => {
    const data = expectData(
      await customs.graphql(
        `{ a: bondedZone(code: "BJ-ZGC-CBZ") { name } b: bondedZone(code: "BJ-NOWHERE") { name } }`,
      ),
    );
    expect(data).toEqual({ a: { name: 'Zhongguancun Comprehensive Bonded Zone' }, b: null });
  });
});

describe('enterprise(uscc)', () => {
  it('gives a registered enterprise, and null for a valid code customs does not know', async () => {
    const data = expectData(
      await customs.graphql(
        `query($a: ID!, $b: ID!) {
         a: enterprise(uscc: $a) { uscc name customsCreditRating }
         b: enterprise(uscc: $b) { uscc } }`,
        { a: E.idle, b: makeUscc('91110000MA00ZZZ00'.replace(/Z/g, 'Y')) },
      ),
    );
    expect(data).toEqual({
      a: { uscc: E.idle, name: 'Delta Idle Co., Ltd.', customsCreditRating: 'REGISTERED' },
      b: null,
    });
  });
});

describe('specialGoodsApplication(number)', () => {
  it('gives the applicant, the consolidated import stub and the shipments, newest first', async () => {
    const { specialGoodsApplication } = expectData(
      await customs.graphql(
        `query($n: ID!) { specialGoodsApplication(number: $n) {
         number applicant { uscc } category riskLevel status submittedAt decidedAt validUntil
         consolidatedImport { id } shipments { awb clearance { status } } } }`,
        { n: A.approved },
      ),
    );
    expect(specialGoodsApplication).toEqual({
      number: A.approved,
      applicant: { uscc: E.agent },
      category: 'BIOLOGICAL_PRODUCT',
      riskLevel: 'D',
      status: 'APPROVED',
      submittedAt: '2024-02-01T01:00:00.000Z',
      decidedAt: '2024-02-05T01:00:00.000Z',
      validUntil: '2025-02-04',
      consolidatedImport: { id: 'CI-2024-001' },
      shipments: [
        { awb: S.inProgress, clearance: { status: 'IN_PROGRESS' } },
        { awb: S.released, clearance: { status: 'RELEASED' } },
      ],
    });
  });

  it('gives an undecided application with no shipments, and null for an unknown one', async () => {
    const data = expectData(
      await customs.graphql(
        `query($a: ID!) {
         a: specialGoodsApplication(number: $a) { status decidedAt validUntil consolidatedImport { id } shipments { awb } }
         b: specialGoodsApplication(number: "SGA-1999-0001") { number } }`,
        { a: A.submitted },
      ),
    );
    expect(data).toEqual({
      a: {
        status: 'SUBMITTED',
        decidedAt: null,
        validUntil: null,
        consolidatedImport: null,
        shipments: [],
      },
      b: null,
    });
  });
});
