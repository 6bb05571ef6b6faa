import { Tx } from '../kit';
import { InspectionResult } from './entities/declaration';
import { ApplicationStatus, SpecialGoodsRisk } from './entities/special-goods-application';
import { DeclarationStatus, summariseClearance } from './rules/clearance';
import { NewDeclaration } from './rules/declaration-input';
import { ManifestRow } from './rules/manifest-input';
import { NewApplication } from './rules/special-goods-input';

/**
 * Every SQL statement of the customs mutations, inside the mutation's transaction. Rows that a
 * mutation changes are read with `FOR UPDATE` (a shipment before its declarations, always in that
 * order), so concurrent writes to one record queue up instead of losing updates.
 */

export interface LockedShipment {
  awb: string;
  portOfEntryIata: string;
  manifestedAt: Date;
  version: number;
}

export interface LockedDeclaration {
  number: string;
  awb: string;
  status: DeclarationStatus;
  filedAt: Date;
  inspectionRequired: boolean;
  inspectionSiteId: string | null;
  inspectionResult: InspectionResult | null;
  inspectionCompletedAt: Date | null;
  version: number;
}

export interface LockedApplication {
  number: string;
  status: ApplicationStatus;
  riskLevel: SpecialGoodsRisk;
  submittedAt: Date;
  validUntil: string | null;
  version: number;
}

/** What a declaration write may change (version is bumped by every write). */
export interface DeclarationPatch {
  status?: DeclarationStatus;
  releasedAt?: Date;
  rejectionReason?: string;
  inspectionRequired?: boolean;
  inspectionSiteId?: string;
  inspectionResult?: InspectionResult;
  inspectionCompletedAt?: Date | null;
}

const DECLARATION_PATCH_COLUMNS: Record<keyof DeclarationPatch, string> = {
  status: 'status',
  releasedAt: 'released_at',
  rejectionReason: 'rejection_reason',
  inspectionRequired: 'inspection_required',
  inspectionSiteId: 'inspection_site_id',
  inspectionResult: 'inspection_result',
  inspectionCompletedAt: 'inspection_completed_at',
};

export interface ApplicationPatch {
  status: ApplicationStatus;
  decidedAt?: Date;
  validUntil?: string;
}

/** Referenced reference data, by table: which key column to look in. */
const REFERENCES = {
  enterprise: 'uscc',
  customs_office: 'code',
  supervision_mode: 'code',
  bonded_zone: 'code',
  shipment: 'awb',
} as const;
export type Reference = keyof typeof REFERENCES;

/** Keys of the 9-digit (declaration) or 6-digit (application) serials under one prefix. */
function serialRange(prefix: string, digits: number): [string, string] {
  return [prefix + '0'.repeat(digits), prefix + '9'.repeat(digits)];
}

export class CustomsWriteRepository {
  constructor(private readonly tx: Tx) {}

  /** Which of `keys` are missing from the reference table (one statement). */
  async missing(table: Reference, keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const column = REFERENCES[table];
    const rows = await this.tx.query<{ key: string }>(
      `SELECT k AS key FROM unnest($1::text[]) AS k
        WHERE NOT EXISTS (SELECT 1 FROM customs.${table} t WHERE t.${column} = k)`,
      [keys],
    );
    return rows.map((r) => r.key);
  }

  /** Inserts the manifest; false when the AWB is already registered. */
  async insertShipment(m: ManifestRow): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO customs.shipment (awb, origin_iata, destination_iata, port_of_entry_iata, shipper,
                                     consignee_uscc, pieces, gross_weight_kg, goods_description,
                                     manifested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (awb) DO NOTHING
       RETURNING awb`,
      [
        m.awb,
        m.originIata,
        m.destinationIata,
        m.portOfEntryIata,
        m.shipper,
        m.consigneeUscc,
        m.pieces,
        m.grossWeightKg,
        m.goodsDescription,
        m.manifestedAt,
      ],
    );
    return rows.length === 1;
  }

  async lockShipment(awb: string): Promise<LockedShipment | null> {
    const [row] = await this.tx.query<LockedShipment>(
      `SELECT awb, port_of_entry_iata AS "portOfEntryIata", manifested_at AS "manifestedAt", version
         FROM customs.shipment WHERE awb = $1 FOR UPDATE`,
      [awb],
    );
    return row ?? null;
  }

  /**
   * The next free number under `office + year + direction digit`. Numbering of one prefix is
   * serialised by a transaction-scoped advisory lock, so concurrent filings never collide.
   */
  async nextDeclarationNumber(prefix: string): Promise<string> {
    await this.tx.query(`SELECT pg_advisory_xact_lock(hashtext('customs.declaration:' || $1))`, [
      prefix,
    ]);
    const [low, high] = serialRange(prefix, 9);
    const [last] = await this.tx.query<{ number: string }>(
      `SELECT number FROM customs.declaration
        WHERE number BETWEEN $1 AND $2 ORDER BY number DESC LIMIT 1`,
      [low, high],
    );
    const serial = last ? Number(last.number.slice(9)) + 1 : 1;
    if (serial > 999_999_999) throw new Error(`declaration serials of ${prefix} are exhausted`);
    return prefix + String(serial).padStart(9, '0');
  }

  /** Inserts the declaration with its lines and licences; false when the number is taken. */
  async insertDeclaration(d: NewDeclaration & { number: string }): Promise<boolean> {
    const inserted = await this.tx.query(
      `INSERT INTO customs.declaration (number, awb, direction, customs_office_code,
                                        supervision_mode_code, status, declarant_uscc, filed_at,
                                        total_value, currency, bonded_zone_code)
       VALUES ($1, $2, $3, $4, $5, 'FILED', $6, $7, $8, $9, $10)
       ON CONFLICT (number) DO NOTHING
       RETURNING number`,
      [
        d.number,
        d.awb,
        d.direction,
        d.customsOfficeCode,
        d.supervisionModeCode,
        d.declarantUscc,
        d.filedAt,
        d.totalValue,
        d.currency,
        d.bondedZoneCode,
      ],
    );
    if (inserted.length === 0) return false;
    const it = d.items;
    await this.tx.query(
      `INSERT INTO customs.declaration_item (declaration_number, line, hs_code, description,
                                             quantity, unit, value, currency, origin_country,
                                             remanufactured, supervised_as_new, drug_approval_number)
       SELECT $1, u.line, u.hs, u.descr, u.qty, u.unit, u.value, $2, u.origin, u.reman, u.as_new, u.drug
         FROM unnest($3::int[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::numeric[],
                     $9::text[], $10::bool[], $11::bool[], $12::text[])
              AS u(line, hs, descr, qty, unit, value, origin, reman, as_new, drug)`,
      [
        d.number,
        d.currency,
        it.map((i) => i.line),
        it.map((i) => i.hsCode),
        it.map((i) => i.description),
        it.map((i) => i.quantity),
        it.map((i) => i.unit),
        it.map((i) => i.value),
        it.map((i) => i.originCountry),
        it.map((i) => i.remanufactured),
        it.map((i) => i.supervisedAsNew),
        it.map((i) => i.drugApprovalNumber),
      ],
    );
    if (d.licences.length) {
      await this.tx.query(
        `INSERT INTO customs.licence (declaration_number, code, number)
         SELECT $1, u.code, u.number FROM unnest($2::text[], $3::text[]) AS u(code, number)`,
        [d.number, d.licences.map((l) => l.code), d.licences.map((l) => l.number)],
      );
    }
    return true;
  }

  async lockDeclaration(number: string): Promise<LockedDeclaration | null> {
    const [row] = await this.tx.query<LockedDeclaration>(
      `SELECT number, awb, status, filed_at AS "filedAt",
              inspection_required AS "inspectionRequired",
              inspection_site_id AS "inspectionSiteId",
              inspection_result AS "inspectionResult",
              inspection_completed_at AS "inspectionCompletedAt",
              version
         FROM customs.declaration WHERE number = $1 FOR UPDATE`,
      [number],
    );
    return row ?? null;
  }

  async updateDeclaration(number: string, patch: DeclarationPatch): Promise<void> {
    const values: unknown[] = [number];
    const sets = (Object.keys(patch) as (keyof DeclarationPatch)[]).map((key) => {
      values.push(patch[key]);
      return `${DECLARATION_PATCH_COLUMNS[key]} = $${values.length}`;
    });
    await this.tx.query(
      `UPDATE customs.declaration SET ${[...sets, 'version = version + 1'].join(', ')}
        WHERE number = $1`,
      values,
    );
  }

  /**
   * Recomputes the shipment's stored clearance summary from its declarations by the clearance
   * rule (`summariseClearance`), in the same transaction as the declaration write. The caller
   * holds the shipment's row lock, so the declarations read here are every committed one.
   */
  async syncClearance(awb: string): Promise<void> {
    const declarations = await this.tx.query<{
      status: DeclarationStatus;
      releasedAt: Date | null;
    }>(`SELECT status, released_at AS "releasedAt" FROM customs.declaration WHERE awb = $1`, [awb]);
    const summary = summariseClearance(declarations);
    await this.tx.query(
      `UPDATE customs.shipment
          SET clearance_status = $2, released_at = $3, version = version + 1
        WHERE awb = $1
          AND (clearance_status <> $2 OR released_at IS DISTINCT FROM $3::timestamptz)`,
      [awb, summary.status, summary.releasedAt],
    );
  }

  /**
   * The special-goods applications covering a shipment, locked FOR SHARE: a concurrent decision
   * on one of them waits until the release that relied on it commits.
   */
  coveringApplications(
    awb: string,
  ): Promise<{ number: string; status: ApplicationStatus; validUntil: string | null }[]> {
    return this.tx.query(
      `SELECT a.number, a.status, a.valid_until AS "validUntil"
         FROM customs.special_goods_shipment sgs
         JOIN customs.special_goods_application a ON a.number = sgs.application_number
        WHERE sgs.awb = $1
        ORDER BY a.number
          FOR SHARE OF a`,
      [awb],
    );
  }

  /** The next free `<prefix><6-digit serial>` application number, serialised like declarations. */
  async nextApplicationNumber(prefix: string): Promise<string> {
    await this.tx.query(`SELECT pg_advisory_xact_lock(hashtext('customs.application:' || $1))`, [
      prefix,
    ]);
    const [low, high] = serialRange(prefix, 6);
    const [last] = await this.tx.query<{ number: string }>(
      `SELECT number FROM customs.special_goods_application
        WHERE number BETWEEN $1 AND $2 AND length(number) = $3
        ORDER BY number DESC LIMIT 1`,
      [low, high, low.length],
    );
    const serial = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
    if (serial > 999_999) throw new Error(`application serials of ${prefix} are exhausted`);
    return prefix + String(serial).padStart(6, '0');
  }

  /** Inserts the application and its shipments; false when the number is taken. */
  async insertApplication(a: NewApplication & { number: string }): Promise<boolean> {
    const inserted = await this.tx.query(
      `INSERT INTO customs.special_goods_application (number, applicant_uscc, category, risk_level,
                                                      status, submitted_at, consolidated_import_id)
       VALUES ($1, $2, $3, $4, 'SUBMITTED', $5, $6)
       ON CONFLICT (number) DO NOTHING
       RETURNING number`,
      [a.number, a.applicantUscc, a.category, a.riskLevel, a.submittedAt, a.consolidatedImportId],
    );
    if (inserted.length === 0) return false;
    if (a.awbs.length) {
      await this.tx.query(
        `INSERT INTO customs.special_goods_shipment (application_number, awb)
         SELECT $1, awb FROM unnest($2::text[]) AS awb ON CONFLICT DO NOTHING`,
        [a.number, a.awbs],
      );
    }
    return true;
  }

  async lockApplication(number: string): Promise<LockedApplication | null> {
    const [row] = await this.tx.query<LockedApplication>(
      `SELECT number, status, risk_level AS "riskLevel", submitted_at AS "submittedAt",
              valid_until AS "validUntil", version
         FROM customs.special_goods_application WHERE number = $1 FOR UPDATE`,
      [number],
    );
    return row ?? null;
  }

  async updateApplication(number: string, patch: ApplicationPatch): Promise<void> {
    await this.tx.query(
      `UPDATE customs.special_goods_application
          SET status = $2,
              decided_at = coalesce($3, decided_at),
              valid_until = coalesce($4::date, valid_until),
              version = version + 1
        WHERE number = $1`,
      [number, patch.status, patch.decidedAt ?? null, patch.validUntil ?? null],
    );
  }
}
