import {
  DefinitionNode,
  DocumentNode,
  FieldDefinitionNode,
  InputValueDefinitionNode,
  Kind,
  parse,
  print,
} from 'graphql';
import { makeAwb, makeDeclarationNumber, makeUscc } from '../../subgraphs/kit';
import { A, D, E, insertFixtures, S } from './fixtures';
import { customsSubgraph } from '../../subgraphs/customs';
import { composeWithCommittedNeighbours } from '../support/composition';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';

let customs: SubgraphUnderTest;
beforeAll(async () => {
  customs = await startSubgraphUnderTest(customsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => customs?.stop());

/**
 * The customs block of the public schema contract (shared/schema-contract.md), verbatim; plus
 * `ConsolidatedImport.specialGoodsApplication` (listed in the drugs block), which customs
 * contributes because customs records the application and the import it names.
 */
const CONTRACT = `
type Shipment @key(fields: "awb") { awb: ID! manifest: Manifest! declarations: [Declaration!]! clearance: Clearance! }
type Manifest {
  origin: Airport! destination: Airport! shipper: String! consignee: Enterprise! pieces: Int!
  grossWeightKg: Float! goodsDescription: String! manifestedAt: DateTime!
}
type Clearance { status: ClearanceStatus! releasedAt: DateTime hoursFromArrivalToRelease: Float }
enum ClearanceStatus { NOT_DECLARED IN_PROGRESS INSPECTION RELEASED REJECTED }
type Declaration @key(fields: "number") {
  number: ID! direction: TradeDirection! customsOffice: CustomsOffice! supervisionMode: SupervisionMode!
  status: DeclarationStatus! declarant: Enterprise! filedAt: DateTime! releasedAt: DateTime
  items: [DeclarationItem!]! totalValue: Money! bondedZone: BondedZone inspection: Inspection
  licences: [Licence!]! shipment: Shipment!
}
enum TradeDirection { IMPORT EXPORT }
enum DeclarationStatus { FILED ACCEPTED UNDER_REVIEW INSPECTION_REQUIRED RELEASED REJECTED }
type CustomsOffice { code: ID! name: String! }
type SupervisionMode { code: ID! name: String! }
type Money { amount: Decimal! currency: String! }
type DeclarationItem {
  line: Int! hsCode: String! description: String! quantity: Float! unit: String! value: Money!
  originCountry: String! remanufactured: Boolean! supervisedAsNew: Boolean! drugApproval: DrugApproval
}
type Inspection { required: Boolean! site: Facility result: InspectionResult completedAt: DateTime }
enum InspectionResult { PASSED FAILED PENDING }
type Licence { code: String! number: String! }
type BondedZone @key(fields: "code") {
  code: ID! name: String! airport: Airport supervisionModel: ZoneSupervisionModel! areaKm2: Float! openedOn: Date!
}
enum ZoneSupervisionModel { ZONE_PORT_INTEGRATION SMART_SUPERVISION STANDARD }
type Enterprise @key(fields: "uscc") { uscc: ID! name: String! customsCreditRating: CreditRating! }
enum CreditRating { ADVANCED_CERTIFIED GENERAL_CERTIFIED REGISTERED DISCREDITED }
type SpecialGoodsApplication @key(fields: "number") {
  number: ID! applicant: Enterprise! category: SpecialGoodsCategory! riskLevel: SpecialGoodsRisk!
  status: ApplicationStatus! submittedAt: DateTime! decidedAt: DateTime validUntil: Date
  consolidatedImport: ConsolidatedImport shipments: [Shipment!]!
}
enum SpecialGoodsCategory { MICROORGANISM HUMAN_TISSUE BIOLOGICAL_PRODUCT BLOOD_PRODUCT }
enum SpecialGoodsRisk { A B C D }
enum ApplicationStatus { SUBMITTED UNDER_REVIEW APPROVED REJECTED EXPIRED }
type ConsolidatedImport @key(fields: "id") { id: ID! specialGoodsApplication: SpecialGoodsApplication }
type Query {
  shipment(awb: ID!): Shipment
  shipments(filter: ShipmentFilter, first: Int, after: String): ShipmentConnection!
  declaration(number: ID!): Declaration
  bondedZones: [BondedZone!]!
  enterprise(uscc: ID!): Enterprise
  clearanceStats(airport: ID, from: Date!, to: Date!, groupBy: ClearanceGroupBy!): [ClearanceStat!]!
}
input ShipmentFilter {
  arrivalAirport: ID   destinationAirport: ID   consignee: ID   supervisionMode: ID
  clearanceStatus: ClearanceStatus   manifestedFrom: DateTime   manifestedTo: DateTime
}
enum ClearanceGroupBy { AIRPORT SUPERVISION_MODE BONDED_ZONE MONTH }
type ClearanceStat { key: String! declarations: Int! released: Int! medianHours: Float p90Hours: Float }
type ShipmentConnection { edges: [ShipmentEdge!]! nodes: [Shipment!]! pageInfo: PageInfo! totalCount: Int! }
type ShipmentEdge { cursor: String! node: Shipment! }
type PageInfo { hasNextPage: Boolean! endCursor: String }
`;

async function sdl(): Promise<string> {
  const data = expectData(
    await customs.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }'),
  );
  return data._service.sdl;
}

type Named = DefinitionNode & { name: { value: string } };

function definitions(doc: DocumentNode): Map<string, Named> {
  return new Map(
    doc.definitions
      .filter((d): d is Named => 'name' in d && d.name !== undefined)
      .map((d) => [d.name.value, d]),
  );
}

const typeOf = (f: FieldDefinitionNode | InputValueDefinitionNode) => print(f.type);
const argsOf = (f: FieldDefinitionNode) =>
  Object.fromEntries((f.arguments ?? []).map((a) => [a.name.value, typeOf(a)]));

describe('_service { sdl }', () => {
  it("holds every type, field, argument and enum value of the contract's customs block", async () => {
    const mine = definitions(parse(await sdl()));
    const problems: string[] = [];
    for (const [name, wanted] of definitions(parse(CONTRACT))) {
      const have = mine.get(name);
      if (!have || have.kind !== wanted.kind) {
        problems.push(`${name}: missing or of another kind`);
        continue;
      }
      if (wanted.kind === Kind.ENUM_TYPE_DEFINITION && have.kind === Kind.ENUM_TYPE_DEFINITION) {
        const values = (n: typeof wanted) => (n.values ?? []).map((v) => v.name.value);
        if (values(have).join() !== values(wanted).join()) problems.push(`${name}: enum values`);
        continue;
      }
      if (
        (wanted.kind === Kind.OBJECT_TYPE_DEFINITION &&
          have.kind === Kind.OBJECT_TYPE_DEFINITION) ||
        (wanted.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION &&
          have.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION)
      ) {
        const fields = new Map<string, FieldDefinitionNode | InputValueDefinitionNode>(
          (have.fields ?? []).map((f: FieldDefinitionNode | InputValueDefinitionNode) => [
            f.name.value,
            f,
          ]),
        );
        for (const f of wanted.fields ?? []) {
          const got = fields.get(f.name.value);
          if (!got) problems.push(`${name}.${f.name.value}: missing`);
          else if (typeOf(got) !== typeOf(f)) {
            problems.push(`${name}.${f.name.value}: ${typeOf(got)}, wanted ${typeOf(f)}`);
          } else if (f.kind === Kind.FIELD_DEFINITION && got.kind === Kind.FIELD_DEFINITION) {
            const [a, b] = [argsOf(got), argsOf(f)];
            for (const [arg, type] of Object.entries(b)) {
              if (a[arg] !== type) problems.push(`${name}.${f.name.value}(${arg}): ${a[arg]}`);
            }
            const extra = Object.entries(a).filter(([arg, t]) => !(arg in b) && t.endsWith('!'));
            if (extra.length) problems.push(`${name}.${f.name.value}: new required arguments`);
          }
        }
        const keys = (n: typeof wanted) =>
          (n.directives ?? []).filter((d) => d.name.value === 'key').map((d) => print(d));
        for (const key of keys(wanted)) {
          if (!keys(have).includes(key)) problems.push(`${name}: ${key} missing`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares the @requires on clearance, the external arrival and the key-only stubs', async () => {
    const text = await sdl();
    expect(text).toMatch(/clearance: Clearance! @requires\(fields: "arrival \{ arrivedAt \}"\)/);
    expect(text).toMatch(/arrival: CargoArrival @external/);
    expect(text).toMatch(/type CargoArrival\s*\{[^}]*arrivedAt: DateTime! @external/);
    for (const [type, key] of [
      ['Airport', 'iataCode'],
      ['Facility', 'id'],
      ['DrugApproval', 'number'],
    ]) {
      expect(text).toMatch(
        new RegExp(`type ${type}\\s+@key\\(fields: "${key}", resolvable: false\\)`),
      );
    }
  });

  it('contributes the special-goods application to the consolidated import (resolvable key)', async () => {
    const text = await sdl();
    expect(text).toMatch(/type ConsolidatedImport\s+@key\(fields: "id"\)\s*\{/);
    const type = definitions(parse(text)).get('ConsolidatedImport');
    const fields =
      type?.kind === Kind.OBJECT_TYPE_DEFINITION
        ? (type.fields ?? []).map((f) => `${f.name.value}: ${typeOf(f)}`)
        : [];
    // Customs holds nothing else of the drugs subgraph's entity: only its key and this fact.
    expect(fields).toEqual(['id: ID!', 'specialGoodsApplication: SpecialGoodsApplication']);
  });

  it("composes with the other agencies' committed SDL", async () => {
    const result = await composeWithCommittedNeighbours(customsSubgraph);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toContain('hoursFromArrivalToRelease');
    expect(result.supergraphSdl).toMatch(
      /specialGoodsApplication: SpecialGoodsApplication @join__field\(graph: CUSTOMS\)/,
    );
  });
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Shipment { awb clearance { status releasedAt hoursFromArrivalToRelease } }
  ... on Declaration { number status }
  ... on Enterprise { uscc name }
  ... on BondedZone { code name }
  ... on SpecialGoodsApplication { number applicationStatus: status }
} }`;

describe('_entities', () => {
  it("computes hours from arrival to release from the gateway's arrival representation", async () => {
    const { _entities } = expectData(
      await customs.graphql(ENTITIES, {
        r: [
          // Released 16:00Z, arrived 06:10Z: 9 h 50 min = 9.83 h.
          {
            __typename: 'Shipment',
            awb: S.released,
            arrival: { arrivedAt: '2024-03-01T06:10:00.000Z' },
          },
          // An offset on the arrival: 2024-02-29T08:00+08:00 = 00:00Z; released 2024-05-01T00:30Z.
          {
            __typename: 'Shipment',
            awb: S.edges,
            arrival: { arrivedAt: '2024-02-29T08:00:00+08:00' },
          },
          // Arrived but not released yet.
          {
            __typename: 'Shipment',
            awb: S.inspection,
            arrival: { arrivedAt: '2024-03-09T23:00:00Z' },
          },
          // Released but not (yet) tallied by the airport.
          { __typename: 'Shipment', awb: S.released, arrival: null },
        ],
      }),
    );
    expect(_entities).toEqual([
      {
        __typename: 'Shipment',
        awb: S.released,
        clearance: {
          status: 'RELEASED',
          releasedAt: '2024-03-01T16:00:00.000Z',
          hoursFromArrivalToRelease: 9.83,
        },
      },
      {
        __typename: 'Shipment',
        awb: S.edges,
        clearance: {
          status: 'RELEASED',
          releasedAt: '2024-05-01T00:30:00.000Z',
          hoursFromArrivalToRelease: 62 * 24 + 0.5,
        },
      },
      {
        __typename: 'Shipment',
        awb: S.inspection,
        clearance: { status: 'INSPECTION', releasedAt: null, hoursFromArrivalToRelease: null },
      },
      {
        __typename: 'Shipment',
        awb: S.released,
        clearance: {
          status: 'RELEASED',
          releasedAt: '2024-03-01T16:00:00.000Z',
          hoursFromArrivalToRelease: null,
        },
      },
    ]);
  });

  it('resolves many entities of every owned type in one statement per type, unknown keys as null', async () => {
    const r = [
      { __typename: 'Shipment', awb: S.rejected },
      { __typename: 'Declaration', number: D.d4 },
      { __typename: 'Shipment', awb: S.undeclared.replace('-', '') },
      { __typename: 'Enterprise', uscc: E.beta },
      { __typename: 'BondedZone', code: 'BJ-DAXING-CBZ' },
      { __typename: 'SpecialGoodsApplication', number: A.submitted },
      { __typename: 'Declaration', number: D.d6 },
      { __typename: 'Enterprise', uscc: E.agent },
      // Unknown keys of each type, and a malformed AWB: null, never an error.
      { __typename: 'Shipment', awb: makeAwb('176', 9999999) },
      { __typename: 'Shipment', awb: 'not-an-awb' },
      { __typename: 'Declaration', number: makeDeclarationNumber('0101', 2020, 'IMPORT', 9) },
      { __typename: 'Enterprise', uscc: makeUscc('91110000MA00QQQQ0') },
      { __typename: 'BondedZone', code: 'BJ-NOWHERE' },
      { __typename: 'SpecialGoodsApplication', number: 'SGA-0000-0000' },
    ];
    const { result, statements } = await customs.statementsOf(() =>
      customs.graphql(ENTITIES, { r }),
    );
    const entities = expectData(result)._entities;
    expect(entities).toEqual([
      {
        __typename: 'Shipment',
        awb: S.rejected,
        clearance: { status: 'REJECTED', releasedAt: null, hoursFromArrivalToRelease: null },
      },
      { __typename: 'Declaration', number: D.d4, status: 'REJECTED' },
      {
        __typename: 'Shipment',
        awb: S.undeclared,
        clearance: { status: 'NOT_DECLARED', releasedAt: null, hoursFromArrivalToRelease: null },
      },
      { __typename: 'Enterprise', uscc: E.beta, name: 'Beta Cross-Border E-commerce Co., Ltd.' },
      {
        __typename: 'BondedZone',
        code: 'BJ-DAXING-CBZ',
        name: 'Daxing Airport Comprehensive Bonded Zone',
      },
      {
        __typename: 'SpecialGoodsApplication',
        number: A.submitted,
        applicationStatus: 'SUBMITTED',
      },
      { __typename: 'Declaration', number: D.d6, status: 'FILED' },
      { __typename: 'Enterprise', uscc: E.agent, name: 'Gamma Pharma Import Agent Co., Ltd.' },
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    // Shipments, declarations, enterprises, zones, applications: one statement each.
    expect(statements).toBe(5);
  });

  it("resolves a shipment's nested lists for many representations without per-entity statements", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Shipment { awb declarations { number items { line } licences { code } declarant { name } } } } }`;
    const all = [S.released, S.inspection, S.rejected, S.undeclared, S.inProgress, S.edges];
    const count = async (awbs: string[]) => {
      const r = awbs.map((awb) => ({ __typename: 'Shipment', awb }));
      const { result, statements } = await customs.statementsOf(() =>
        customs.graphql(query, { r }),
      );
      expectData(result);
      return statements;
    };
    const one = await count([S.released]);
    const six = await count(all);
    expect(six).toBe(one);
    const { _entities } = expectData(
      await customs.graphql(query, {
        r: all.map((awb) => ({ __typename: 'Shipment', awb })),
      }),
    );
    expect(_entities.map((s: { declarations: unknown[] }) => s.declarations.length)).toEqual([
      1, 2, 1, 0, 2, 2,
    ]);
  });
});

describe('_entities: the special-goods application of a consolidated import', () => {
  // Extra applications naming consolidated imports, beside the fixtures' SGA-2024-0001 (APPROVED,
  // submitted 2024-02-01, for CI-2024-001).
  const extra = [
    // A later REJECTED one does not hide the approved one.
    ['SGA-2024-0101', 'REJECTED', '2024-03-01T01:00:00Z', 'CI-2024-001'],
    // All rejected: the most recent.
    ['SGA-2024-0102', 'REJECTED', '2024-01-01T01:00:00Z', 'CI-2024-002'],
    ['SGA-2024-0103', 'REJECTED', '2024-01-10T01:00:00Z', 'CI-2024-002'],
    // Several not rejected: the most recent, whatever its status.
    ['SGA-2024-0104', 'APPROVED', '2024-01-01T01:00:00Z', 'CI-2024-003'],
    ['SGA-2024-0105', 'SUBMITTED', '2024-01-20T01:00:00Z', 'CI-2024-003'],
    ['SGA-2024-0106', 'REJECTED', '2024-02-01T01:00:00Z', 'CI-2024-003'],
  ];
  beforeAll(async () => {
    for (const [number, status, submittedAt, ci] of extra) {
      await customs.db.query(
        `INSERT INTO customs.special_goods_application (number, applicant_uscc, category,
           risk_level, status, submitted_at, consolidated_import_id)
         VALUES ($1, $2, 'HUMAN_TISSUE', 'D', $3, $4, $5)`,
        [number, E.agent, status, submittedAt, ci],
      );
    }
  });
  afterAll(async () => {
    await customs.db.query('DELETE FROM customs.special_goods_application WHERE number = ANY($1)', [
      extra.map(([number]) => number),
    ]);
  });

  const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) {
    __typename
    ... on ConsolidatedImport { id specialGoodsApplication { number status applicant { uscc } } }
  } }`;

  it('resolves it for many representations in one statement, by the documented rule', async () => {
    const r = [
      { __typename: 'ConsolidatedImport', id: 'CI-2024-001' },
      { __typename: 'ConsolidatedImport', id: 'CI-2024-002' },
      { __typename: 'ConsolidatedImport', id: 'CI-2024-003' },
      // An import customs has no application for (drugs owns it; customs only knows its key).
      { __typename: 'ConsolidatedImport', id: 'CI-2024-999' },
      // A malformed key: null, never an error.
      { __typename: 'ConsolidatedImport', id: 42 },
    ];
    const { result, statements } = await customs.statementsOf(() => customs.graphql(QUERY, { r }));
    const entities = expectData(result)._entities;
    const app = (number: string, status: string) => ({
      number,
      status,
      applicant: { uscc: E.agent },
    });
    expect(entities).toEqual([
      {
        __typename: 'ConsolidatedImport',
        id: 'CI-2024-001',
        specialGoodsApplication: app(A.approved, 'APPROVED'),
      },
      {
        __typename: 'ConsolidatedImport',
        id: 'CI-2024-002',
        specialGoodsApplication: app('SGA-2024-0103', 'REJECTED'),
      },
      {
        __typename: 'ConsolidatedImport',
        id: 'CI-2024-003',
        specialGoodsApplication: app('SGA-2024-0105', 'SUBMITTED'),
      },
      { __typename: 'ConsolidatedImport', id: 'CI-2024-999', specialGoodsApplication: null },
      null,
    ]);
    // Applications by consolidated import: one statement; their applicants: one more.
    expect(statements).toBe(2);
  });

  it('round-trips from an application to its consolidated import and back', async () => {
    const { specialGoodsApplication } = expectData(
      await customs.graphql(
        `query($n: ID!) { specialGoodsApplication(number: $n) {
         number consolidatedImport { id specialGoodsApplication { number } } } }`,
        { n: A.approved },
      ),
    );
    expect(specialGoodsApplication).toEqual({
      number: A.approved,
      consolidatedImport: { id: 'CI-2024-001', specialGoodsApplication: { number: A.approved } },
    });
  });

  it('documents the rule on the field', async () => {
    const { __type } = expectData(
      await customs.graphql(
        `{ __type(name: "ConsolidatedImport") { fields { name description } } }`,
      ),
    );
    const field = __type.fields.find((f: { name: string }) => f.name === 'specialGoodsApplication');
    expect(field.description).toMatch(/most recently submitted one not REJECTED/);
  });
});
