import {
  DocumentNode,
  EnumTypeDefinitionNode,
  FieldDefinitionNode,
  Kind,
  ObjectTypeDefinitionNode,
  parse,
  print,
} from 'graphql';
import { airportsSubgraph } from '../../subgraphs/airports';
import { composeWithCommittedNeighbours } from '../support/composition';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { insertFixtures } from './fixtures';

/** `(arg: T = default, ...): Ret` of every field of the object types in an SDL document. */
function signatures(doc: DocumentNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue;
    for (const field of (def as ObjectTypeDefinitionNode).fields ?? []) {
      out.set(`${def.name.value}.${field.name.value}`, signature(field));
    }
  }
  return out;
}

function signature(field: FieldDefinitionNode): string {
  const args = (field.arguments ?? []).map(
    (a) =>
      `${a.name.value}: ${print(a.type)}${a.defaultValue ? ` = ${print(a.defaultValue)}` : ''}`,
  );
  return `${args.length ? `(${args.join(', ')})` : ''}: ${print(field.type)}`;
}

// The airports block of /work/shared/schema-contract.md, field by field.
const CONTRACT: Record<string, string> = {
  'Airport.iataCode': ': ID!',
  'Airport.icaoCode': ': String!',
  'Airport.name': ': String!',
  'Airport.city': ': String!',
  'Airport.countryCode': ': String!',
  'Airport.timezone': ': String!',
  'Airport.isBeijingHub': ': Boolean!',
  'Facility.id': ': ID!',
  'Facility.airport': ': Airport!',
  'Facility.kind': ': FacilityKind!',
  'Facility.name': ': String!',
  'Facility.status': ': FacilityStatus!',
  'Facility.commissionedOn': ': Date',
  'Facility.annualCapacityTonnes': ': Float',
  'Shipment.awb': ': ID!',
  'Shipment.arrival': ': CargoArrival',
  'Shipment.handlingEvents': ': [HandlingEvent!]!',
  'CargoArrival.airport': ': Airport!',
  'CargoArrival.facility': ': Facility!',
  'CargoArrival.arrivedAt': ': DateTime!',
  'CargoArrival.pieces': ': Int!',
  'CargoArrival.weightKg': ': Float!',
  'HandlingEvent.at': ': DateTime!',
  'HandlingEvent.type': ': HandlingEventType!',
  'HandlingEvent.facility': ': Facility',
  'HandlingEvent.note': ': String',
  'Query.airport': '(iataCode: ID!): Airport',
  'Query.airports': '(beijingHubsOnly: Boolean = false): [Airport!]!',
  'Query.facility': '(id: ID!): Facility',
  'Query.cargoThroughput':
    '(airport: ID!, from: Date!, to: Date!, interval: Interval!): [ThroughputPoint!]!',
  'ThroughputPoint.periodStart': ': Date!',
  'ThroughputPoint.shipments': ': Int!',
  'ThroughputPoint.weightKg': ': Float!',
};

const ENUMS: Record<string, string[]> = {
  FacilityKind: [
    'INTERNATIONAL_EXPRESS_WAREHOUSE',
    'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
    'COLD_CHAIN_WAREHOUSE',
    'CONSOLIDATED_CARGO_WAREHOUSE',
    'GENERAL_CARGO_WAREHOUSE',
    'DESIGNATED_SITE_FRUIT',
    'DESIGNATED_SITE_CHILLED_AQUATIC',
  ],
  FacilityStatus: ['PLANNED', 'UNDER_CONSTRUCTION', 'OPERATIONAL'],
  HandlingEventType: [
    'ARRIVED',
    'TALLIED',
    'STORED',
    'INSPECTED_AT_DESIGNATED_SITE',
    'TEMPERATURE_EXCURSION',
    'RELEASED_FROM_WAREHOUSE',
    'PICKED_UP',
    'TRANSFERRED_FOR_TRANSSHIPMENT',
  ],
  Interval: ['DAY', 'WEEK', 'MONTH'],
};

describe('airports subgraph schema (_service.sdl)', () => {
  let airports: SubgraphUnderTest;
  let sdl: string;
  let doc: DocumentNode;

  beforeAll(async () => {
    airports = await startSubgraphUnderTest(airportsSubgraph, { fixtures: insertFixtures });
    const res = await airports.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    sdl = expectData(res)._service.sdl;
    doc = parse(sdl);
  });
  afterAll(() => airports?.stop());

  it('declares the contract keys as resolvable federation v2 entities', () => {
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    expect(sdl).toMatch(/type Airport\s+@key\(fields: "iataCode"\)/);
    expect(sdl).toMatch(/type Facility\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Shipment\s+@key\(fields: "awb"\)/);
    expect(sdl).not.toContain('resolvable: false');
  });

  it('has every field of the contract with its exact arguments and nullability', () => {
    const actual = signatures(doc);
    for (const [field, expected] of Object.entries(CONTRACT)) {
      expect(`${field}${actual.get(field) ?? ' MISSING'}`).toBe(`${field}${expected}`);
    }
    // `facilities(kind: FacilityKind)` may carry extra optional filters, but not required ones.
    expect(actual.get('Airport.facilities')).toMatch(
      /^\(kind: FacilityKind(, \w+: [A-Za-z]+)*\): \[Facility!\]!$/,
    );
  });

  it('has the contract enums with exactly their values', () => {
    for (const [name, values] of Object.entries(ENUMS)) {
      const def = doc.definitions.find(
        (d): d is EnumTypeDefinitionNode =>
          d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name,
      );
      expect(def?.values?.map((v) => v.name.value)).toEqual(values);
    }
  });

  it('describes its types and fields for the explorer', () => {
    const described = doc.definitions.filter(
      (d): d is ObjectTypeDefinitionNode =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION &&
        ['Airport', 'Facility', 'Shipment'].includes(d.name.value),
    );
    expect(described).toHaveLength(3);
    for (const type of described) {
      expect(type.description?.value).toBeTruthy();
      for (const field of type.fields ?? []) {
        expect(`${type.name.value}.${field.name.value}: ${field.description?.value ?? ''}`).toMatch(
          /: \S/,
        );
      }
    }
  });

  it("composes with the other agencies' committed SDL, which reference Airport and Facility by key", async () => {
    const result = await composeWithCommittedNeighbours(airportsSubgraph);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    const supergraph = result.supergraphSdl ?? '';
    expect(supergraph).toMatch(/arrival: CargoArrival @join__field\(graph: AIRPORTS\)/);
    expect(supergraph).toContain('cargoThroughput(');
  });
});
