import { AGENTS, demoEnterprises, EnterpriseRef } from '../../scripts/demo/reference';
import { beijingDate } from '../support/dates';

/** The drugs mutations as the tests send them, and builders of their inputs. */

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
    // Valid for three more years whenever the suite runs: rules compare it with today.
    validUntil: beijingDate(3 * 365),
    safetyAssessed: true,
    approvedUnitIds: ['BJ-PUMCH', 'BJ-PLAGH'],
    ...overrides,
  };
}
