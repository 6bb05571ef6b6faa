import { Tx } from '../kit';
import { ConsolidatedImportStatus } from './entities/consolidated-import';
import { ApprovalStatus, DrugCategory } from './entities/drug-approval';
import { ApprovalToRegister } from './validation';

/**
 * Every SQL statement the drugs mutations run, inside the mutation's transaction. Reads that a
 * decision depends on lock what they read: `FOR UPDATE` on the record being changed (concurrent
 * changes of one record serialise), `FOR SHARE` on the records a rule relies on (an approval
 * cannot be suspended while a line citing it is being added).
 */

/** Today in Beijing, as PostgreSQL sees it: validity dates are Beijing calendar days. */
const BEIJING_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

export interface LockedApproval {
  number: string;
  category: DrugCategory;
  status: ApprovalStatus;
  validUntil: string;
  /** Whether `validUntil` is before today (Beijing), whatever the status says. */
  pastValidity: boolean;
  version: number;
}

export interface LockedImport {
  id: string;
  agentUscc: string;
  status: ConsolidatedImportStatus;
  version: number;
}

export interface LineApprovalProblem {
  line: number;
  approvalNumber: string;
  status: ApprovalStatus;
  pastValidity: boolean;
}

const LOCKED_APPROVAL = `number, category, status, valid_until AS "validUntil",
  valid_until < ${BEIJING_TODAY} AS "pastValidity", version`;

export class DrugsWriteRepository {
  constructor(private readonly tx: Tx) {}

  // ---- drug approvals -------------------------------------------------------------------------

  /** Inserts the approval as VALID, version 1; false when the number is taken. */
  async insertApproval(a: ApprovalToRegister): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO drugs.drug_approval (number, product_name, category, manufacturer,
         origin_country, approved_on, valid_until, status, safety_assessed, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'VALID', $8, 1)
       ON CONFLICT (number) DO NOTHING RETURNING number`,
      [
        a.number,
        a.productName,
        a.category,
        a.manufacturer,
        a.originCountry,
        a.approvedOn,
        a.validUntil,
        a.safetyAssessed,
      ],
    );
    return rows.length === 1;
  }

  async insertApprovedUnits(approvalNumber: string, institutionIds: string[]): Promise<void> {
    if (institutionIds.length === 0) return;
    await this.tx.query(
      `INSERT INTO drugs.approved_unit (approval_number, institution_id)
       SELECT $1, unnest($2::text[])`,
      [approvalNumber, institutionIds],
    );
  }

  async existingInstitutionIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.tx.query<{ id: string }>(
      `SELECT id FROM drugs.medical_institution WHERE id = ANY($1::text[]) FOR SHARE`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async lockApproval(number: string): Promise<LockedApproval | null> {
    const [row] = await this.tx.query<LockedApproval>(
      `SELECT ${LOCKED_APPROVAL} FROM drugs.drug_approval WHERE number = $1 FOR UPDATE`,
      [number],
    );
    return row ?? null;
  }

  /** Reads the approval and keeps it from changing until the transaction ends. */
  async shareApproval(number: string): Promise<LockedApproval | null> {
    const [row] = await this.tx.query<LockedApproval>(
      `SELECT ${LOCKED_APPROVAL} FROM drugs.drug_approval WHERE number = $1 FOR SHARE`,
      [number],
    );
    return row ?? null;
  }

  async setApprovalStatus(number: string, status: ApprovalStatus): Promise<void> {
    await this.tx.query(
      `UPDATE drugs.drug_approval SET status = $2, version = version + 1 WHERE number = $1`,
      [number, status],
    );
  }

  async institutionExists(id: string): Promise<boolean> {
    const rows = await this.tx.query(
      `SELECT 1 FROM drugs.medical_institution WHERE id = $1 FOR SHARE`,
      [id],
    );
    return rows.length === 1;
  }

  async approvalCovers(approvalNumber: string, institutionId: string): Promise<boolean> {
    const rows = await this.tx.query(
      `SELECT 1 FROM drugs.approved_unit WHERE approval_number = $1 AND institution_id = $2`,
      [approvalNumber, institutionId],
    );
    return rows.length === 1;
  }

  // ---- agent qualifications -------------------------------------------------------------------

  async upsertAgentQualification(
    uscc: string,
    qualifiedSince: string,
    categories: DrugCategory[],
  ): Promise<void> {
    await this.tx.query(
      `INSERT INTO drugs.agent_qualification (uscc, qualified_since, categories)
       VALUES ($1, $2, $3::text[])
       ON CONFLICT (uscc) DO UPDATE
         SET qualified_since = EXCLUDED.qualified_since, categories = EXCLUDED.categories`,
      [uscc, qualifiedSince, categories],
    );
  }

  /** The agent's categories (locked against a concurrent re-qualification), or null. */
  async agentCategories(uscc: string): Promise<DrugCategory[] | null> {
    const [row] = await this.tx.query<{ categories: DrugCategory[] }>(
      `SELECT categories FROM drugs.agent_qualification WHERE uscc = $1 FOR SHARE`,
      [uscc],
    );
    return row?.categories ?? null;
  }

  // ---- consolidated imports -------------------------------------------------------------------

  /**
   * The next id of the current (Beijing) year, `CI-2026-000123`: one more than the highest of
   * the year. A transaction-scoped advisory lock serialises concurrent creations until commit.
   */
  async nextConsolidatedImportId(): Promise<string> {
    await this.tx.query(`SELECT pg_advisory_xact_lock(hashtext('drugs.consolidated_import.id'))`);
    const [row] = await this.tx.query<{ id: string }>(
      `WITH y AS (SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year)
       SELECT 'CI-' || y.year || '-' || lpad((coalesce(max(substr(c.id, 9)::int), 0) + 1)::text, 6, '0') AS id
         FROM y LEFT JOIN drugs.consolidated_import c ON c.id ~ ('^CI-' || y.year || '-\\d{6}$')
        GROUP BY y.year`,
    );
    return row.id;
  }

  async insertConsolidatedImport(id: string, agentUscc: string): Promise<void> {
    await this.tx.query(
      `INSERT INTO drugs.consolidated_import (id, agent_uscc, status, created_at, version)
       VALUES ($1, $2, 'COLLECTING', now(), 1)`,
      [id, agentUscc],
    );
  }

  async lockConsolidatedImport(id: string): Promise<LockedImport | null> {
    const [row] = await this.tx.query<LockedImport>(
      `SELECT id, agent_uscc AS "agentUscc", status, version
         FROM drugs.consolidated_import WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Appends a line (the import is locked, so line numbers cannot collide); returns its number. */
  async appendLine(
    importId: string,
    line: { approvalNumber: string; institutionId: string; quantity: number; unit: string },
  ): Promise<number> {
    const [row] = await this.tx.query<{ line: number }>(
      `INSERT INTO drugs.consolidated_line
         (consolidated_import_id, line, approval_number, institution_id, quantity, unit)
       SELECT $1, coalesce(max(line), 0) + 1, $2, $3, $4, $5
         FROM drugs.consolidated_line WHERE consolidated_import_id = $1
       RETURNING line`,
      [importId, line.approvalNumber, line.institutionId, line.quantity, line.unit],
    );
    return row.line;
  }

  async lineCount(importId: string): Promise<number> {
    const [row] = await this.tx.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM drugs.consolidated_line WHERE consolidated_import_id = $1`,
      [importId],
    );
    return row.count;
  }

  /** Lines whose approval is no longer VALID or is past its validity date (approvals locked). */
  async lineApprovalProblems(importId: string): Promise<LineApprovalProblem[]> {
    return this.tx.query<LineApprovalProblem>(
      `SELECT l.line, a.number AS "approvalNumber", a.status,
              a.valid_until < ${BEIJING_TODAY} AS "pastValidity"
         FROM drugs.consolidated_line l
         JOIN drugs.drug_approval a ON a.number = l.approval_number
        WHERE l.consolidated_import_id = $1
          AND (a.status <> 'VALID' OR a.valid_until < ${BEIJING_TODAY})
        ORDER BY l.line
          FOR SHARE OF a`,
      [importId],
    );
  }

  async touchConsolidatedImport(id: string): Promise<void> {
    await this.tx.query(
      `UPDATE drugs.consolidated_import SET version = version + 1 WHERE id = $1`,
      [id],
    );
  }

  async setConsolidatedImportStatus(id: string, status: ConsolidatedImportStatus): Promise<void> {
    await this.tx.query(
      `UPDATE drugs.consolidated_import
          SET status = $2, version = version + 1,
              submitted_at = CASE WHEN $2 = 'SUBMITTED' THEN now() ELSE submitted_at END
        WHERE id = $1`,
      [id, status],
    );
  }

  /** The import whose goods the shipment already carries, if any. */
  async importOfShipment(awb: string): Promise<string | null> {
    const [row] = await this.tx.query<{ id: string }>(
      `SELECT consolidated_import_id AS id FROM drugs.consolidated_import_shipment WHERE awb = $1`,
      [awb],
    );
    return row?.id ?? null;
  }

  /** Links the shipment; false when another transaction linked it first. */
  async linkShipment(importId: string, awb: string): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO drugs.consolidated_import_shipment (consolidated_import_id, awb)
       VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING awb`,
      [importId, awb],
    );
    return rows.length === 1;
  }
}
