import { Database, keyset, keysetSql, KeysetSql, PageRequest, RowAccess } from '../kit';
import { AgentQualification } from './entities/agent-qualification';
import {
  ConsolidatedImport,
  ConsolidatedImportStatus,
  ConsolidatedLine,
} from './entities/consolidated-import';
import { ApprovalStatus, DrugApproval, DrugCategory } from './entities/drug-approval';
import { MedicalInstitution } from './entities/medical-institution';

/**
 * Every SQL statement of the drugs subgraph. Each method is one statement; the batch methods take
 * all the keys a DataLoader collected in one tick. Rows come back in camelCase so that they map
 * onto the entity classes as they are.
 */

export interface ApprovedUnitRow extends MedicalInstitution {
  approvalNumber: string;
}

export interface InstitutionApprovalRow extends DrugApproval {
  institutionId: string;
}

export interface ConsolidatedShipmentRow {
  consolidatedImportId: string;
  awb: string;
}

export interface ShipmentImportRow extends ConsolidatedImport {
  awb: string;
}

/** The order of `drugApprovals`: by number. */
export const DRUG_APPROVAL_PAGE = keyset<DrugApproval>([
  { sql: 'a.number', type: 'text', field: 'number' },
]);

/** The order of `consolidatedImports`: by id. */
export const CONSOLIDATED_IMPORT_PAGE = keyset<ConsolidatedImport>([
  { sql: 'c.id', type: 'text', field: 'id' },
]);

export interface DrugApprovalFilter {
  category?: DrugCategory | null;
  status?: ApprovalStatus | null;
}

export interface ConsolidatedImportFilter {
  agent?: string | null;
  status?: ConsolidatedImportStatus | null;
}

const APPROVAL_COLUMNS = `
  a.number,
  a.product_name AS "productName",
  a.category,
  a.manufacturer,
  a.origin_country AS "originCountry",
  a.approved_on AS "approvedOn",
  a.valid_until AS "validUntil",
  a.status,
  a.safety_assessed AS "safetyAssessed",
  a.version`;

const IMPORT_COLUMNS = `
  c.id,
  c.agent_uscc AS "agentUscc",
  c.status,
  c.created_at AS "createdAt",
  c.submitted_at AS "submittedAt",
  c.version`;

/** Collects `AND`-ed conditions with their positional parameters. */
class Where {
  readonly conditions: string[] = [];
  readonly values: unknown[] = [];

  add(condition: (param: string) => string, value: unknown): this {
    this.values.push(value);
    this.conditions.push(condition(`$${this.values.length}`));
    return this;
  }

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Adds the page's keyset conditions; returns its ORDER BY and LIMIT. */
  keyset<T>(page: PageRequest<T>): KeysetSql {
    const keys = keysetSql(page, (value) => this.param(value));
    this.conditions.push(...keys.conditions);
    return keys;
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/**
 * The row rule of consolidated imports: an enterprise reads those it is the agent of (PARTY);
 * `trade:read` all (ALL); NONE is answered without a statement by the callers.
 */
function agentRule(where: Where, access: RowAccess): void {
  if (access.kind === 'PARTY') where.add((p) => `c.agent_uscc = ${p}`, access.uscc);
}

export class DrugsRepository {
  constructor(private readonly db: Database) {}

  // ---- entity lookups -------------------------------------------------------------------------

  approvalsByNumbers(numbers: readonly string[]): Promise<DrugApproval[]> {
    return this.db.query<DrugApproval & Record<string, unknown>>(
      `SELECT ${APPROVAL_COLUMNS} FROM drugs.drug_approval a WHERE a.number = ANY($1::text[])`,
      [numbers],
    );
  }

  institutionsByIds(ids: readonly string[]): Promise<MedicalInstitution[]> {
    return this.db.query<MedicalInstitution & Record<string, unknown>>(
      `SELECT i.id, i.name, i.district FROM drugs.medical_institution i WHERE i.id = ANY($1::text[])`,
      [ids],
    );
  }

  consolidatedImportsByIds(ids: readonly string[]): Promise<ConsolidatedImport[]> {
    return this.db.query<ConsolidatedImport & Record<string, unknown>>(
      `SELECT ${IMPORT_COLUMNS} FROM drugs.consolidated_import c WHERE c.id = ANY($1::text[])`,
      [ids],
    );
  }

  agentQualificationsByUsccs(usccs: readonly string[]): Promise<AgentQualification[]> {
    return this.db.query<AgentQualification & Record<string, unknown>>(
      `SELECT q.uscc, q.qualified_since AS "qualifiedSince", q.categories
         FROM drugs.agent_qualification q WHERE q.uscc = ANY($1::text[])`,
      [usccs],
    );
  }

  /** The consolidated imports among `ids` the caller may read (`access`); the others as if absent. */
  async visibleConsolidatedImportsByIds(
    ids: readonly string[],
    access: RowAccess,
  ): Promise<ConsolidatedImport[]> {
    if (access.kind === 'NONE') return [];
    const where = new Where().add((p) => `c.id = ANY(${p}::text[])`, ids);
    agentRule(where, access);
    return this.db.query<ConsolidatedImport & Record<string, unknown>>(
      `SELECT ${IMPORT_COLUMNS} FROM drugs.consolidated_import c ${where}`,
      where.values,
    );
  }

  /** The consolidated import each shipment carries, among those the caller may read. */
  async consolidatedImportsByAwbs(
    awbs: readonly string[],
    access: RowAccess,
  ): Promise<ShipmentImportRow[]> {
    if (access.kind === 'NONE') return [];
    const where = new Where().add((p) => `s.awb = ANY(${p}::text[])`, awbs);
    agentRule(where, access);
    return this.db.query<ShipmentImportRow & Record<string, unknown>>(
      `SELECT s.awb, ${IMPORT_COLUMNS}
         FROM drugs.consolidated_import_shipment s
         JOIN drugs.consolidated_import c ON c.id = s.consolidated_import_id
        ${where}`,
      where.values,
    );
  }

  // ---- per-parent lists -----------------------------------------------------------------------

  approvedUnitsByApprovals(numbers: readonly string[]): Promise<ApprovedUnitRow[]> {
    return this.db.query<ApprovedUnitRow & Record<string, unknown>>(
      `SELECT u.approval_number AS "approvalNumber", i.id, i.name, i.district
         FROM drugs.approved_unit u
         JOIN drugs.medical_institution i ON i.id = u.institution_id
        WHERE u.approval_number = ANY($1::text[])
        ORDER BY u.approval_number, i.id`,
      [numbers],
    );
  }

  approvalsByInstitutions(ids: readonly string[]): Promise<InstitutionApprovalRow[]> {
    return this.db.query<InstitutionApprovalRow & Record<string, unknown>>(
      `SELECT u.institution_id AS "institutionId", ${APPROVAL_COLUMNS}
         FROM drugs.approved_unit u
         JOIN drugs.drug_approval a ON a.number = u.approval_number
        WHERE u.institution_id = ANY($1::text[])
        ORDER BY u.institution_id, a.number`,
      [ids],
    );
  }

  linesByConsolidatedImports(ids: readonly string[]): Promise<ConsolidatedLine[]> {
    return this.db.query<ConsolidatedLine & Record<string, unknown>>(
      `SELECT l.consolidated_import_id AS "consolidatedImportId", l.line,
              l.approval_number AS "approvalNumber", l.institution_id AS "institutionId",
              l.quantity, l.unit
         FROM drugs.consolidated_line l
        WHERE l.consolidated_import_id = ANY($1::text[])
        ORDER BY l.consolidated_import_id, l.line`,
      [ids],
    );
  }

  shipmentsByConsolidatedImports(ids: readonly string[]): Promise<ConsolidatedShipmentRow[]> {
    return this.db.query<ConsolidatedShipmentRow & Record<string, unknown>>(
      `SELECT s.consolidated_import_id AS "consolidatedImportId", s.awb
         FROM drugs.consolidated_import_shipment s
        WHERE s.consolidated_import_id = ANY($1::text[])
        ORDER BY s.consolidated_import_id, s.awb`,
      [ids],
    );
  }

  // ---- pages (keyset on the primary key) ------------------------------------------------------

  private approvalWhere(filter: DrugApprovalFilter): Where {
    const where = new Where();
    if (filter.category) where.add((p) => `a.category = ${p}`, filter.category);
    if (filter.status) where.add((p) => `a.status = ${p}`, filter.status);
    return where;
  }

  drugApprovalPage(
    filter: DrugApprovalFilter,
    page: PageRequest<DrugApproval>,
  ): Promise<DrugApproval[]> {
    const where = this.approvalWhere(filter);
    const keys = where.keyset(page);
    return this.db.query<DrugApproval & Record<string, unknown>>(
      `SELECT ${APPROVAL_COLUMNS} FROM drugs.drug_approval a ${where}
        ORDER BY ${keys.orderBy} LIMIT ${keys.limit}`,
      where.values,
    );
  }

  async drugApprovalCount(filter: DrugApprovalFilter): Promise<number> {
    const where = this.approvalWhere(filter);
    const [row] = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM drugs.drug_approval a ${where}`,
      where.values,
    );
    return row.count;
  }

  private importWhere(filter: ConsolidatedImportFilter, access: RowAccess): Where {
    const where = new Where();
    if (filter.agent) where.add((p) => `c.agent_uscc = ${p}`, filter.agent);
    if (filter.status) where.add((p) => `c.status = ${p}`, filter.status);
    agentRule(where, access);
    return where;
  }

  async consolidatedImportPage(
    filter: ConsolidatedImportFilter,
    page: PageRequest<ConsolidatedImport>,
    access: RowAccess,
  ): Promise<ConsolidatedImport[]> {
    if (access.kind === 'NONE') return [];
    const where = this.importWhere(filter, access);
    const keys = where.keyset(page);
    return this.db.query<ConsolidatedImport & Record<string, unknown>>(
      `SELECT ${IMPORT_COLUMNS} FROM drugs.consolidated_import c ${where}
        ORDER BY ${keys.orderBy} LIMIT ${keys.limit}`,
      where.values,
    );
  }

  async consolidatedImportCount(
    filter: ConsolidatedImportFilter,
    access: RowAccess,
  ): Promise<number> {
    if (access.kind === 'NONE') return 0;
    const where = this.importWhere(filter, access);
    const [row] = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM drugs.consolidated_import c ${where}`,
      where.values,
    );
    return row.count;
  }
}
