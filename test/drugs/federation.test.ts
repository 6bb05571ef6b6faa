import { buildASTSchema, GraphQLNamedType, isObjectType, parse } from 'graphql';
import { drugsSubgraph } from '../../subgraphs/drugs';
import { makeUscc } from '../../subgraphs/kit';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import {
  AGENT_CART,
  AGENT_URGENT,
  agentQualifications,
  approvals,
  consolidatedImports,
  insertFixtures,
  NOT_AN_AGENT,
  unrelatedAwbs,
} from './fixtures';

/**
 * The drugs block of the public schema contract (shared/schema-contract.md), verbatim in substance,
 * less `ConsolidatedImport.specialGoodsApplication`: customs records the application and the
 * import it names, so customs contributes that field (test/customs/federation.test.ts) and the
 * gateway still serves it (test/schema/contract.test.ts).
 */
const CONTRACT = `
scalar Date
type DrugApproval @key(fields: "number") {
  number: ID!
  productName: String!
  category: DrugCategory!
  manufacturer: String!
  originCountry: String!
  approvedOn: Date!
  validUntil: Date!
  status: ApprovalStatus!
  safetyAssessed: Boolean!
  approvedUnits: [MedicalInstitution!]!
}
enum DrugCategory { CELL_THERAPY GENE_THERAPY CLINICALLY_URGENT_DRUG REGISTERED_DRUG }
enum ApprovalStatus { VALID SUSPENDED EXPIRED REVOKED }
type MedicalInstitution @key(fields: "id") { id: ID! name: String! district: String! }
type Enterprise @key(fields: "uscc") {
  uscc: ID!
  drugImportAgent: AgentQualification
}
type AgentQualification { qualifiedSince: Date! categories: [DrugCategory!]! }
type ConsolidatedImport @key(fields: "id") {
  id: ID!
  agent: Enterprise!
  lines: [ConsolidatedLine!]!
  status: ConsolidatedImportStatus!
  shipments: [Shipment!]!
}
type ConsolidatedLine { approval: DrugApproval! institution: MedicalInstitution! quantity: Float! unit: String! }
enum ConsolidatedImportStatus { COLLECTING SUBMITTED APPROVED IN_TRANSIT DELIVERED }
type Shipment @key(fields: "awb") {
  awb: ID!
  consolidatedImport: ConsolidatedImport
}
type Query {
  drugApproval(number: ID!): DrugApproval
  drugApprovals(category: DrugCategory, status: ApprovalStatus, first: Int, after: String): DrugApprovalConnection!
  consolidatedImports(agent: ID, status: ConsolidatedImportStatus, first: Int, after: String): ConsolidatedImportConnection!
}
type DrugApprovalConnection { edges: [DrugApprovalEdge!]! nodes: [DrugApproval!]! pageInfo: PageInfo! totalCount: Int! }
type DrugApprovalEdge { cursor: String! node: DrugApproval! }
type ConsolidatedImportConnection { edges: [ConsolidatedImportEdge!]! nodes: [ConsolidatedImport!]! pageInfo: PageInfo! totalCount: Int! }
type ConsolidatedImportEdge { cursor: String! node: ConsolidatedImport! }
type PageInfo { hasNextPage: Boolean! endCursor: String }
`;

let drugs: SubgraphUnderTest;
beforeAll(async () => {
  drugs = await startSubgraphUnderTest(drugsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => drugs?.stop());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on DrugApproval { number officialNumber category approvedUnits { id name approvals { number } } }
  ... on MedicalInstitution { id name approvals { number } }
  ... on ConsolidatedImport {
    id status
    agent { uscc drugImportAgent { categories } }
    lines { line quantity approval { number approvedUnits { id } } institution { name } }
    shipments { awb consolidatedImport { id } }
  }
  ... on Enterprise { uscc drugImportAgent { qualifiedSince categories } }
  ... on Shipment { awb consolidatedImport { id status lines { line } } }
} }`;

describe('_service', () => {
  let sdl: string;
  beforeAll(async () => {
    const data = expectData(await drugs.graphql('{ _service { sdl } }'));
    sdl = data._service.sdl;
  });

  it('declares the contract’s keys', () => {
    expect(sdl).toContain('https://specs.apollo.dev/federation/v2.');
    for (const [type, key] of [
      ['DrugApproval', '"number"'],
      ['MedicalInstitution', '"id"'],
      ['ConsolidatedImport', '"id"'],
      ['Enterprise', '"uscc"'],
      ['Shipment', '"awb"'],
    ]) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: ${key}\\)`));
    }
  });

  it('leaves the special-goods application of a consolidated import to customs', () => {
    // Customs records the application and the import it names, and contributes the field; the
    // drugs subgraph neither serves it nor references the application at all.
    const served = buildASTSchema(parse(sdl), { assumeValidSDL: true });
    const consolidated = served.getType('ConsolidatedImport');
    expect(isObjectType(consolidated)).toBe(true);
    if (isObjectType(consolidated)) {
      expect(Object.keys(consolidated.getFields())).not.toContain('specialGoodsApplication');
    }
    expect(served.getType('SpecialGoodsApplication')).toBeUndefined();
    expect(sdl).not.toMatch(/specialGoodsApplication|SpecialGoodsApplication/);
  });

  it('has every contract type, field, argument and nullability', () => {
    const served = buildASTSchema(parse(sdl), { assumeValidSDL: true });
    const contract = buildASTSchema(parse(CONTRACT), { assumeValidSDL: true });
    const missing: string[] = [];
    for (const type of Object.values(contract.getTypeMap()) as GraphQLNamedType[]) {
      if (type.name.startsWith('__') || !isObjectType(type)) continue;
      const ours = served.getType(type.name);
      if (!ours || !isObjectType(ours)) {
        missing.push(type.name);
        continue;
      }
      for (const field of Object.values(type.getFields())) {
        const mine = ours.getFields()[field.name];
        if (!mine || String(mine.type) !== String(field.type)) {
          missing.push(`${type.name}.${field.name}: ${field.type} (got ${mine?.type})`);
          continue;
        }
        for (const arg of field.args) {
          const a = mine.args.find((x) => x.name === arg.name);
          if (!a || String(a.type) !== String(arg.type)) {
            missing.push(`${type.name}.${field.name}(${arg.name}: ${arg.type}) (got ${a?.type})`);
          }
        }
        // No extra required arguments that would break contract callers.
        for (const a of mine.args) {
          if (!field.args.some((x) => x.name === a.name) && String(a.type).endsWith('!')) {
            missing.push(`${type.name}.${field.name}: extra required argument ${a.name}`);
          }
        }
      }
    }
    for (const name of ['DrugCategory', 'ApprovalStatus', 'ConsolidatedImportStatus']) {
      const values = (t: GraphQLNamedType | undefined | null) =>
        t && 'getValues' in t ? t.getValues().map((v) => v.name) : [];
      expect(values(served.getType(name))).toEqual(values(contract.getType(name)));
    }
    expect(missing).toEqual([]);
  });

  it('has descriptions on the owned types', () => {
    const served = buildASTSchema(parse(sdl), { assumeValidSDL: true });
    for (const name of [
      'DrugApproval',
      'MedicalInstitution',
      'ConsolidatedImport',
      'ConsolidatedLine',
      'AgentQualification',
    ]) {
      const type = served.getType(name);
      expect(type?.description).toBeTruthy();
      if (isObjectType(type)) {
        for (const f of Object.values(type.getFields()))
          expect([name, f.name, f.description]).toEqual([name, f.name, expect.any(String)]);
      }
    }
  });
});

describe('_entities', () => {
  it('resolves many representations of every kind, in order, with unknown keys as null', async () => {
    const reps = [
      { __typename: 'DrugApproval', number: 'SJ20180023' },
      { __typename: 'Enterprise', uscc: AGENT_URGENT },
      { __typename: 'Enterprise', uscc: NOT_AN_AGENT },
      { __typename: 'DrugApproval', number: 'SJ29990001' },
      { __typename: 'Shipment', awb: consolidatedImports[3].awbs[0] },
      { __typename: 'Shipment', awb: unrelatedAwbs[0] },
      { __typename: 'ConsolidatedImport', id: consolidatedImports[4].id },
      { __typename: 'ConsolidatedImport', id: 'CI-1999-0001' },
      { __typename: 'MedicalInstitution', id: 'BJ-BCH' },
      { __typename: 'DrugApproval', number: 'not-a-number' },
    ];
    const data = expectData(await drugs.graphql(ENTITIES, { r: reps }));
    const out = data._entities;
    expect(out).toHaveLength(reps.length);
    expect(out[0]).toMatchObject({
      __typename: 'DrugApproval',
      number: 'SJ20180023',
      officialNumber: '国药准字SJ20180023',
      category: 'CELL_THERAPY',
    });
    expect(out[0].approvedUnits.map((u: { id: string }) => u.id)).toEqual([
      'BJ-CHCAMS',
      'BJ-PLAGH',
      'BJ-PUMCH',
    ]);
    const urgent = agentQualifications.find((q) => q.uscc === AGENT_URGENT)!;
    expect(out[1]).toEqual({
      __typename: 'Enterprise',
      uscc: AGENT_URGENT,
      drugImportAgent: { qualifiedSince: urgent.qualifiedSince, categories: urgent.categories },
    });
    expect(out[2]).toEqual({ __typename: 'Enterprise', uscc: NOT_AN_AGENT, drugImportAgent: null });
    expect(out[3]).toBeNull();
    expect(out[4]).toMatchObject({
      __typename: 'Shipment',
      awb: consolidatedImports[3].awbs[0],
      consolidatedImport: { id: consolidatedImports[3].id, status: 'IN_TRANSIT' },
    });
    expect(out[5]).toEqual({
      __typename: 'Shipment',
      awb: unrelatedAwbs[0],
      consolidatedImport: null,
    });
    const ci = consolidatedImports[4];
    expect(out[6]).toMatchObject({
      __typename: 'ConsolidatedImport',
      id: ci.id,
      status: ci.status,
      agent: { uscc: ci.agentUscc },
    });
    expect(out[6].lines.map((l: { line: number }) => l.line)).toEqual(ci.lines.map((l) => l.line));
    expect(out[6].shipments).toEqual(
      [...ci.awbs].sort().map((awb) => ({ awb, consolidatedImport: { id: ci.id } })),
    );
    expect(out[7]).toBeNull();
    expect(out[8]).toMatchObject({ __typename: 'MedicalInstitution', id: 'BJ-BCH' });
    expect(out[8].approvals.map((a: { number: string }) => a.number)).toEqual(
      approvals
        .filter((a) => a.units.includes('BJ-BCH'))
        .map((a) => a.number)
        .sort(),
    );
    expect(out[9]).toBeNull();
  });

  it('accepts the official approval number form in a representation', async () => {
    const data = expectData(
      await drugs.graphql(ENTITIES, {
        r: [{ __typename: 'DrugApproval', number: '国药准字SC20210007' }],
      }),
    );
    expect(data._entities[0]).toMatchObject({ number: 'SC20210007', category: 'GENE_THERAPY' });
  });
});

describe('batching: N parents cost one SQL statement per field', () => {
  // Shipped imports first, so that even 2 parents reach every field (shipments included): the
  // 2-parent and 20-parent requests then touch the same fields and must cost the same.
  const shippedFirst = [
    ...consolidatedImports.filter((c) => c.awbs.length > 0),
    ...consolidatedImports.filter((c) => c.awbs.length === 0),
  ];

  async function compare(reps: (n: number) => object[], expectedStatements: number) {
    const small = await drugs.statementsOf(() => drugs.graphql(ENTITIES, { r: reps(2) }));
    const large = await drugs.statementsOf(() => drugs.graphql(ENTITIES, { r: reps(20) }));
    expectData(small.result);
    expect(expectData(large.result)._entities.filter(Boolean)).toHaveLength(20);
    expect({ small: small.statements, large: large.statements }).toEqual({
      small: expectedStatements,
      large: expectedStatements,
    });
  }

  it('DrugApproval: lookup, approvedUnits, institutions’ approvals', async () => {
    await compare(
      (n) => approvals.slice(0, n).map((a) => ({ __typename: 'DrugApproval', number: a.number })),
      3,
    );
  });

  it('ConsolidatedImport: lookup, agent, lines, line.approval, line.institution, approvedUnits, shipments, shipment.consolidatedImport', async () => {
    await compare(
      (n) => shippedFirst.slice(0, n).map((c) => ({ __typename: 'ConsolidatedImport', id: c.id })),
      8,
    );
  });

  it('Enterprise: drugImportAgent', async () => {
    const usccs = [
      AGENT_CART,
      AGENT_URGENT,
      ...Array.from({ length: 18 }, (_, i) =>
        makeUscc(`9111000060001${String(i).padStart(4, '0')}`),
      ),
    ];
    await compare((n) => usccs.slice(0, n).map((uscc) => ({ __typename: 'Enterprise', uscc })), 1);
  });

  it('Shipment: consolidatedImport and its lines', async () => {
    const shipped = consolidatedImports.flatMap((c) => c.awbs);
    const awbs = [...shipped.slice(0, 10), ...unrelatedAwbs.slice(0, 10)];
    // Interleave so that both small and large requests mix linked and unlinked shipments.
    const mixed = awbs.map((_, i) => (i % 2 === 0 ? awbs[i / 2] : awbs[10 + (i - 1) / 2]));
    await compare((n) => mixed.slice(0, n).map((awb) => ({ __typename: 'Shipment', awb })), 2);
  });

  it('a mixed request of all kinds costs at most one statement per field, for 2 or 20 of each', async () => {
    const mix = (n: number) => [
      ...approvals.slice(0, n).map((a) => ({ __typename: 'DrugApproval', number: a.number })),
      ...shippedFirst.slice(0, n).map((c) => ({ __typename: 'ConsolidatedImport', id: c.id })),
      ...Array.from({ length: n }, (_, i) => ({
        __typename: 'Enterprise',
        uscc: makeUscc(`9111000070001${String(i).padStart(4, '0')}`),
      })),
      ...unrelatedAwbs.slice(0, n).map((awb) => ({ __typename: 'Shipment', awb })),
    ];
    const small = await drugs.statementsOf(() => drugs.graphql(ENTITIES, { r: mix(2) }));
    const large = await drugs.statementsOf(() => drugs.graphql(ENTITIES, { r: mix(20) }));
    expectData(small.result);
    expect(expectData(large.result)._entities).toHaveLength(80);
    // The fields ENTITIES touches that need a statement: DrugApproval lookup, approvedUnits,
    // institution.approvals; ConsolidatedImport lookup, agent.drugImportAgent, lines,
    // line.approval, line.approval.approvedUnits, line.institution, shipments,
    // shipment.consolidatedImport; Enterprise.drugImportAgent; Shipment.consolidatedImport and
    // its lines. Loaders shared across the kinds may hit their cache (a line's approval already
    // loaded as a representation), so a request can cost less than this, never more.
    const FIELDS = 14;
    expect(small.statements).toBeLessThanOrEqual(FIELDS);
    expect(large.statements).toBeLessThanOrEqual(FIELDS);
    expect(small.statements).toBeGreaterThan(0);
  });
});
