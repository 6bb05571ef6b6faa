import { seedDemo } from '../../scripts/demo/seed-demo';
import { AGENTS, demoEnterprises, EnterpriseRef } from '../../scripts/demo/reference';
import { InProcessFederation, startInProcessFederation } from '../../scripts/in-process-federation';
import { Database } from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { GraphQLResponse, Json } from './harness';

/**
 * The whole federation over one seeded test database, for the drugs mutations: mutations go
 * straight to the drugs subgraph (the committed supergraph has none yet), and the drugs
 * subgraph's cross-agency reads reach the real customs subgraph through the real gateway.
 */
export interface MutationFederation {
  fed: InProcessFederation;
  testDb: TestDatabase;
  drugsUrl: string;
  /** The drugs agency's database, for assertions on what was (not) written. */
  db: Database;
  gql<T = Json>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export async function startMutationFederation(shipments = 300): Promise<MutationFederation> {
  const testDb = await createTestDatabase();
  const urls = { airports: testDb.url, customs: testDb.url, drugs: testDb.url, routes: testDb.url };
  let fed: InProcessFederation;
  try {
    await seedDemo({ urls, shipments });
    fed = await startInProcessFederation(urls);
  } catch (err) {
    await testDb.drop();
    throw err;
  }
  const drugsUrl = fed.subgraphs.find((s) => s.name === 'drugs')!.url;
  return {
    fed,
    testDb,
    drugsUrl,
    db: fed.databases.drugs,
    gql: (query, variables) => post(drugsUrl, query, variables),
    async stop() {
      await fed.stop();
      await testDb.drop();
    },
  };
}

export async function post<T = Json>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/** The one error of a refused mutation, with its code and field. */
export function errorOf(res: GraphQLResponse): { code: string; field?: string; message: string } {
  expect(res.errors).toHaveLength(1);
  const [e] = res.errors!;
  return { code: e.extensions?.code, field: e.extensions?.field, message: e.message };
}

/** The data of a mutation that must have succeeded. */
export function dataOf<T = Json>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** Seeded, qualified agents (all ADVANCED_CERTIFIED at customs). */
export const SEEDED_AGENTS = AGENTS;

const agentUsccs = new Set(AGENTS.map((a) => a.uscc));

/** Enterprises of the seeded customs register that are not drug import agents, by rating. */
export function registeredEnterprises(rating: EnterpriseRef['rating']): EnterpriseRef[] {
  return demoEnterprises().filter((e) => e.rating === rating && !agentUsccs.has(e.uscc));
}

export const APPROVAL_FIELDS = `number productName category manufacturer originCountry approvedOn
  validUntil status safetyAssessed version approvedUnits { id }
  history { from to actor reason at }`;

export const IMPORT_FIELDS = `id status version createdAt submittedAt agent { uscc }
  lines { line quantity unit approval { number } institution { id } }
  shipments { awb } history { from to actor reason at }`;

export const REGISTER = `mutation($input: RegisterDrugApprovalInput!) {
  registerDrugApproval(input: $input) { ${APPROVAL_FIELDS} } }`;
export const SET_STATUS = `mutation($input: SetDrugApprovalStatusInput!) {
  setDrugApprovalStatus(input: $input) { ${APPROVAL_FIELDS} } }`;
export const QUALIFY = `mutation($input: QualifyAgentInput!) {
  qualifyAgent(input: $input) { uscc drugImportAgent { qualifiedSince categories } } }`;
export const CREATE_IMPORT = `mutation($input: CreateConsolidatedImportInput!) {
  createConsolidatedImport(input: $input) { ${IMPORT_FIELDS} } }`;
export const ADD_LINE = `mutation($input: AddConsolidatedLineInput!) {
  addConsolidatedLine(input: $input) { ${IMPORT_FIELDS} } }`;
export const SUBMIT = `mutation($input: SubmitConsolidatedImportInput!) {
  submitConsolidatedImport(input: $input) { ${IMPORT_FIELDS} } }`;
export const LINK_SHIPMENT = `mutation($input: LinkConsolidatedShipmentInput!) {
  linkConsolidatedShipment(input: $input) { ${IMPORT_FIELDS} } }`;
export const APPROVAL = `query($n: ID!) { drugApproval(number: $n) { ${APPROVAL_FIELDS} } }`;
export const IMPORT = `query($id: ID!) { consolidatedImport(id: $id) { ${IMPORT_FIELDS} } }`;

let serial = 0;
/** A fresh approval number that neither the fixtures nor the demo seed use: SJ2099xxxx. */
export function freshApprovalNumber(): string {
  serial++;
  return `SJ2099${String(serial).padStart(4, '0')}`;
}

/** A valid registerDrugApproval input; override what a test is about. */
export function approvalInput(
  overrides: Record<string, unknown> = {},
): { number: string } & Record<string, unknown> {
  return {
    number: freshApprovalNumber(),
    productName: 'Test CAR-T suspension',
    category: 'CELL_THERAPY',
    manufacturer: 'Test Biologics AG',
    originCountry: 'CH',
    approvedOn: '2025-01-15',
    validUntil: '2030-01-14',
    safetyAssessed: true,
    approvedUnitIds: ['BJ-PUMCH', 'BJ-PLAGH'],
    ...overrides,
  };
}
