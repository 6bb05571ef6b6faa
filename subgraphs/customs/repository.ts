import { Database, keyset, keysetSql, PageRequest, RowAccess } from '../kit';
import { BondedZone } from './entities/bonded-zone';
import { ClearanceGroupBy, ClearanceStat } from './entities/clearance-stat';
import {
  CustomsOffice,
  Declaration,
  DeclarationItem,
  Licence,
  SupervisionMode,
} from './entities/declaration';
import { Enterprise } from './entities/enterprise';
import { SpecialGoodsApplication } from './entities/special-goods-application';
import { ClearanceStatus, Shipment } from './entities/shipment';

/**
 * Every SQL statement of the customs subgraph. Each function is one statement; batch functions
 * take every key a DataLoader collected in one tick (`= ANY($1)`), so N parents cost one query.
 */

/** Validated filters of `shipments` (identifiers already checked and normalised). */
export interface ShipmentQuery {
  awbs?: string[] | null;
  arrivalAirport?: string | null;
  destinationAirport?: string | null;
  consignee?: string | null;
  supervisionMode?: string | null;
  clearanceStatus?: ClearanceStatus | null;
  manifestedFrom?: Date | null;
  manifestedTo?: Date | null;
}

/**
 * The shipments an enterprise is a party to: consignee of the manifest or declarant of one of its
 * declarations (the row rule of issue 7's access model; customs alone knows the parties).
 */
function partyOfShipment(uscc: string): string {
  return `(s.consignee_uscc = ${uscc}
           OR EXISTS (SELECT 1 FROM customs.declaration pd
                       WHERE pd.awb = s.awb AND pd.declarant_uscc = ${uscc}))`;
}

/** The row rule as SQL: ALL adds nothing; PARTY the party condition; NONE is not queried. */
function shipmentAccessWhere(access: RowAccess, values: unknown[]): string[] {
  return access.kind === 'PARTY' ? [partyOfShipment(`$${values.push(access.uscc)}`)] : [];
}

export interface ClearanceStatsQuery {
  airport: string | null;
  from: string;
  to: string;
  groupBy: ClearanceGroupBy;
  /** Groups with fewer declarations are left out (small-group suppression). */
  minGroup: number;
}

const SHIPMENT_COLUMNS = `
  s.awb,
  s.origin_iata AS "originIata",
  s.destination_iata AS "destinationIata",
  s.port_of_entry_iata AS "portOfEntryIata",
  s.shipper,
  s.consignee_uscc AS "consigneeUscc",
  s.pieces,
  s.gross_weight_kg AS "grossWeightKg",
  s.goods_description AS "goodsDescription",
  s.manifested_at AS "manifestedAt",
  s.manifested_at::text AS "cursorAt",
  s.clearance_status AS "clearanceStatus",
  s.released_at AS "releasedAt",
  s.version`;

const DECLARATION_COLUMNS = `
  d.number,
  d.awb,
  d.direction,
  d.customs_office_code AS "customsOfficeCode",
  d.supervision_mode_code AS "supervisionModeCode",
  d.status,
  d.declarant_uscc AS "declarantUscc",
  d.filed_at AS "filedAt",
  d.released_at AS "releasedAt",
  d.rejection_reason AS "rejectionReason",
  d.total_value AS "totalAmount",
  d.currency,
  d.bonded_zone_code AS "bondedZoneCode",
  d.inspection_required AS "inspectionRequired",
  d.inspection_site_id AS "inspectionSiteId",
  d.inspection_result AS "inspectionResult",
  d.inspection_completed_at AS "inspectionCompletedAt",
  d.version`;

interface DeclarationRow {
  number: string;
  awb: string;
  direction: Declaration['direction'];
  customsOfficeCode: string;
  supervisionModeCode: string;
  status: Declaration['status'];
  declarantUscc: string;
  filedAt: Date;
  releasedAt: Date | null;
  rejectionReason: string | null;
  totalAmount: string;
  currency: string;
  bondedZoneCode: string | null;
  inspectionRequired: boolean;
  inspectionSiteId: string | null;
  inspectionResult: NonNullable<Declaration['inspection']>['result'];
  inspectionCompletedAt: Date | null;
  version: number;
}

function toDeclaration(row: DeclarationRow): Declaration {
  const hasInspection =
    row.inspectionRequired ||
    row.inspectionSiteId !== null ||
    row.inspectionResult !== null ||
    row.inspectionCompletedAt !== null;
  return {
    number: row.number,
    awb: row.awb,
    direction: row.direction,
    customsOfficeCode: row.customsOfficeCode,
    supervisionModeCode: row.supervisionModeCode,
    status: row.status,
    declarantUscc: row.declarantUscc,
    filedAt: row.filedAt,
    releasedAt: row.releasedAt,
    rejectionReason: row.rejectionReason,
    totalValue: { amount: row.totalAmount, currency: row.currency },
    version: row.version,
    bondedZoneCode: row.bondedZoneCode,
    inspection: hasInspection
      ? {
          required: row.inspectionRequired,
          site: row.inspectionSiteId === null ? null : { id: row.inspectionSiteId },
          result: row.inspectionResult,
          completedAt: row.inspectionCompletedAt,
          declarationNumber: row.number,
        }
      : null,
  };
}

type ItemRow = Omit<DeclarationItem, 'value' | 'drugApproval'> & {
  declarationNumber: string;
  amount: string;
  currency: string;
  drugApprovalNumber: string | null;
};

export type DeclarationItemRow = DeclarationItem & { declarationNumber: string };
export type LicenceRow = Licence & { declarationNumber: string };
export type ApplicationShipmentRow = Shipment & { applicationNumber: string };
export type ShipmentApplicationRow = SpecialGoodsApplication & { awb: string };
export type ConsolidatedImportApplicationRow = SpecialGoodsApplication & {
  consolidatedImportId: string;
};

type ApplicationRow = Omit<SpecialGoodsApplication, 'consolidatedImport'> & {
  consolidatedImportId: string | null;
};

const APPLICATION_COLUMNS = `
  a.number,
  a.applicant_uscc AS "applicantUscc",
  a.category,
  a.risk_level AS "riskLevel",
  a.status,
  a.submitted_at AS "submittedAt",
  a.decided_at AS "decidedAt",
  a.valid_until AS "validUntil",
  a.consolidated_import_id AS "consolidatedImportId",
  a.version`;

function toApplication<R extends ApplicationRow>(
  row: R,
): Omit<R, 'consolidatedImportId'> & SpecialGoodsApplication {
  const { consolidatedImportId, ...rest } = row;
  return {
    ...rest,
    consolidatedImport: consolidatedImportId === null ? null : { id: consolidatedImportId },
  };
}

/**
 * The order of `shipments`: newest manifest first, ties broken by AWB. The cursor keeps the
 * instant as PostgreSQL's text (`cursorAt`), which holds the microseconds a JS Date would drop.
 */
export const SHIPMENT_PAGE = keyset<Shipment>(
  [
    { sql: 's.manifested_at', type: 'timestamptz', field: 'cursorAt' },
    { sql: 's.awb', type: 'text', field: 'awb' },
  ],
  'DESC',
);

/** The statement behind `shipments` and its `totalCount`: WHERE clause and its parameters. */
function shipmentWhere(filter: ShipmentQuery, values: unknown[]): string[] {
  const where: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.awbs) where.push(`s.awb = ANY(${param(filter.awbs)}::text[])`);
  if (filter.arrivalAirport) where.push(`s.port_of_entry_iata = ${param(filter.arrivalAirport)}`);
  if (filter.destinationAirport) {
    where.push(`s.destination_iata = ${param(filter.destinationAirport)}`);
  }
  if (filter.consignee) where.push(`s.consignee_uscc = ${param(filter.consignee)}`);
  if (filter.clearanceStatus) where.push(`s.clearance_status = ${param(filter.clearanceStatus)}`);
  if (filter.manifestedFrom) where.push(`s.manifested_at >= ${param(filter.manifestedFrom)}`);
  if (filter.manifestedTo) where.push(`s.manifested_at <= ${param(filter.manifestedTo)}`);
  if (filter.supervisionMode) {
    where.push(
      `EXISTS (SELECT 1 FROM customs.declaration d
               WHERE d.awb = s.awb AND d.supervision_mode_code = ${param(filter.supervisionMode)})`,
    );
  }
  return where;
}

export class CustomsRepository {
  constructor(private readonly db: Database) {}

  /** Rows typed as the camelCase shape the statement selects. */
  private query<T>(text: string, values: unknown[]): Promise<T[]> {
    return this.db.query(text, values) as Promise<never[]>;
  }

  /** One keyset page (`SHIPMENT_PAGE`, newest manifest first) of the matching shipments. */
  async shipmentPage(
    filter: ShipmentQuery,
    page: PageRequest<Shipment>,
    access: RowAccess,
  ): Promise<Shipment[]> {
    if (access.kind === 'NONE') return [];
    const values: unknown[] = [];
    const where = [...shipmentWhere(filter, values), ...shipmentAccessWhere(access, values)];
    const keys = keysetSql(page, (value) => `$${values.push(value)}`);
    where.push(...keys.conditions);
    return this.query<Shipment>(
      `SELECT ${SHIPMENT_COLUMNS}
         FROM customs.shipment s
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${keys.orderBy}
        LIMIT ${keys.limit}`,
      values,
    );
  }

  async countShipments(filter: ShipmentQuery, access: RowAccess): Promise<number> {
    if (access.kind === 'NONE') return 0;
    const values: unknown[] = [];
    const where = [...shipmentWhere(filter, values), ...shipmentAccessWhere(access, values)];
    const rows = await this.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM customs.shipment s
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      values,
    );
    return rows[0].count;
  }

  shipmentsByAwb(awbs: readonly string[]): Promise<Shipment[]> {
    return this.query<Shipment>(
      `SELECT ${SHIPMENT_COLUMNS} FROM customs.shipment s WHERE s.awb = ANY($1::text[])`,
      [awbs],
    );
  }

  /** The shipments among `awbs` the caller may read (`access`); the others as if absent. */
  async visibleShipmentsByAwb(awbs: readonly string[], access: RowAccess): Promise<Shipment[]> {
    if (access.kind === 'NONE') return [];
    const values: unknown[] = [awbs];
    const where = ['s.awb = ANY($1::text[])', ...shipmentAccessWhere(access, values)];
    return this.query<Shipment>(
      `SELECT ${SHIPMENT_COLUMNS} FROM customs.shipment s WHERE ${where.join(' AND ')}`,
      values,
    );
  }

  async declarationsByNumber(numbers: readonly string[]): Promise<Declaration[]> {
    const rows = await this.query<DeclarationRow>(
      `SELECT ${DECLARATION_COLUMNS} FROM customs.declaration d WHERE d.number = ANY($1::text[])`,
      [numbers],
    );
    return rows.map(toDeclaration);
  }

  /** The declarations among `numbers` the caller may read: those of the shipments it may read. */
  async visibleDeclarationsByNumber(
    numbers: readonly string[],
    access: RowAccess,
  ): Promise<Declaration[]> {
    if (access.kind === 'NONE') return [];
    const values: unknown[] = [numbers];
    const party = shipmentAccessWhere(access, values);
    const rows = await this.query<DeclarationRow>(
      `SELECT ${DECLARATION_COLUMNS} FROM customs.declaration d
        WHERE d.number = ANY($1::text[])
          ${party.length ? `AND EXISTS (SELECT 1 FROM customs.shipment s WHERE s.awb = d.awb AND ${party[0]})` : ''}`,
      values,
    );
    return rows.map(toDeclaration);
  }

  async declarationsByAwb(awbs: readonly string[]): Promise<Declaration[]> {
    const rows = await this.query<DeclarationRow>(
      `SELECT ${DECLARATION_COLUMNS} FROM customs.declaration d
        WHERE d.awb = ANY($1::text[])
        ORDER BY d.awb, d.filed_at, d.number`,
      [awbs],
    );
    return rows.map(toDeclaration);
  }

  async itemsByDeclaration(numbers: readonly string[]): Promise<DeclarationItemRow[]> {
    const rows = await this.query<ItemRow>(
      `SELECT i.declaration_number AS "declarationNumber",
              i.line,
              i.hs_code AS "hsCode",
              i.description,
              i.quantity,
              i.unit,
              i.value AS amount,
              i.currency,
              i.origin_country AS "originCountry",
              i.remanufactured,
              i.supervised_as_new AS "supervisedAsNew",
              i.drug_approval_number AS "drugApprovalNumber"
         FROM customs.declaration_item i
        WHERE i.declaration_number = ANY($1::text[])
        ORDER BY i.declaration_number, i.line`,
      [numbers],
    );
    return rows.map(({ amount, currency, drugApprovalNumber, ...item }) => ({
      ...item,
      value: { amount, currency },
      drugApproval: drugApprovalNumber === null ? null : { number: drugApprovalNumber },
    }));
  }

  licencesByDeclaration(numbers: readonly string[]): Promise<LicenceRow[]> {
    return this.query<LicenceRow>(
      `SELECT l.declaration_number AS "declarationNumber", l.code, l.number
         FROM customs.licence l
        WHERE l.declaration_number = ANY($1::text[])
        ORDER BY l.declaration_number, l.code, l.number`,
      [numbers],
    );
  }

  customsOffices(codes: readonly string[]): Promise<CustomsOffice[]> {
    return this.query<CustomsOffice>(
      `SELECT o.code, o.name FROM customs.customs_office o WHERE o.code = ANY($1::text[])`,
      [codes],
    );
  }

  supervisionModes(codes: readonly string[]): Promise<SupervisionMode[]> {
    return this.query<SupervisionMode>(
      `SELECT m.code, m.name FROM customs.supervision_mode m WHERE m.code = ANY($1::text[])`,
      [codes],
    );
  }

  enterprisesByUscc(usccs: readonly string[]): Promise<Enterprise[]> {
    return this.query<Enterprise>(
      `SELECT e.uscc, e.name, e.customs_credit_rating AS "customsCreditRating"
         FROM customs.enterprise e WHERE e.uscc = ANY($1::text[])`,
      [usccs],
    );
  }

  private async bondedZones(codes: readonly string[] | null): Promise<BondedZone[]> {
    const rows = await this.query<BondedZone>(
      `SELECT z.code, z.name, z.airport_iata AS "airportIata",
              z.supervision_model AS "supervisionModel", z.area_km2 AS "areaKm2",
              z.opened_on AS "openedOn"
         FROM customs.bonded_zone z
        WHERE $1::text[] IS NULL OR z.code = ANY($1::text[])
        ORDER BY z.code`,
      [codes],
    );
    return rows.map((z) => ({
      ...z,
      airport: z.airportIata === null ? null : { iataCode: z.airportIata },
    }));
  }

  allBondedZones(): Promise<BondedZone[]> {
    return this.bondedZones(null);
  }

  bondedZonesByCode(codes: readonly string[]): Promise<BondedZone[]> {
    return this.bondedZones(codes);
  }

  /** The applications among `numbers` the caller may read: an enterprise, those it applied for. */
  async visibleApplicationsByNumber(
    numbers: readonly string[],
    access: RowAccess,
  ): Promise<SpecialGoodsApplication[]> {
    if (access.kind === 'NONE') return [];
    const values: unknown[] = [numbers];
    const party =
      access.kind === 'PARTY' ? `AND a.applicant_uscc = $${values.push(access.uscc)}` : '';
    const rows = await this.query<ApplicationRow>(
      `SELECT ${APPLICATION_COLUMNS}
         FROM customs.special_goods_application a WHERE a.number = ANY($1::text[]) ${party}`,
      values,
    );
    return rows.map(toApplication);
  }

  async applicationsByNumber(numbers: readonly string[]): Promise<SpecialGoodsApplication[]> {
    const rows = await this.query<ApplicationRow>(
      `SELECT ${APPLICATION_COLUMNS}
         FROM customs.special_goods_application a WHERE a.number = ANY($1::text[])`,
      [numbers],
    );
    return rows.map(toApplication);
  }

  /**
   * The application each consolidated import shows (one row per import that has any): the most
   * recently submitted one not REJECTED, else the most recently submitted one.
   */
  async applicationsByConsolidatedImport(
    ids: readonly string[],
  ): Promise<ConsolidatedImportApplicationRow[]> {
    const rows = await this.query<ApplicationRow & { consolidatedImportId: string }>(
      `SELECT DISTINCT ON (a.consolidated_import_id) ${APPLICATION_COLUMNS}
         FROM customs.special_goods_application a
        WHERE a.consolidated_import_id = ANY($1::text[])
        ORDER BY a.consolidated_import_id, a.status = 'REJECTED', a.submitted_at DESC, a.number DESC`,
      [ids],
    );
    return rows.map((row) => ({
      ...toApplication(row),
      consolidatedImportId: row.consolidatedImportId,
    }));
  }

  async applicationsByAwb(awbs: readonly string[]): Promise<ShipmentApplicationRow[]> {
    const rows = await this.query<ApplicationRow & { awb: string }>(
      `SELECT sgs.awb, ${APPLICATION_COLUMNS}
         FROM customs.special_goods_shipment sgs
         JOIN customs.special_goods_application a ON a.number = sgs.application_number
        WHERE sgs.awb = ANY($1::text[])
        ORDER BY sgs.awb, a.submitted_at, a.number`,
      [awbs],
    );
    return rows.map(toApplication);
  }

  shipmentsByApplication(numbers: readonly string[]): Promise<ApplicationShipmentRow[]> {
    return this.query<ApplicationShipmentRow>(
      `SELECT sgs.application_number AS "applicationNumber", ${SHIPMENT_COLUMNS}
         FROM customs.special_goods_shipment sgs
         JOIN customs.shipment s ON s.awb = sgs.awb
        WHERE sgs.application_number = ANY($1::text[])
        ORDER BY sgs.application_number, s.manifested_at DESC, s.awb DESC`,
      [numbers],
    );
  }

  /**
   * Declarations filed in [from, to] (calendar days in Asia/Shanghai), grouped; hours are filing
   * → release, percentiles (continuous) over the released declarations only.
   */
  clearanceStats(q: ClearanceStatsQuery): Promise<ClearanceStat[]> {
    const key: Record<ClearanceGroupBy, string> = {
      [ClearanceGroupBy.AIRPORT]: 's.port_of_entry_iata',
      [ClearanceGroupBy.SUPERVISION_MODE]: 'd.supervision_mode_code',
      [ClearanceGroupBy.BONDED_ZONE]: `coalesce(d.bonded_zone_code, 'NONE')`,
      [ClearanceGroupBy.MONTH]: `to_char(d.filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
    };
    return this.query<ClearanceStat>(
      `SELECT g.key,
              count(*)::int AS declarations,
              count(g.hours)::int AS released,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY g.hours))::numeric, 2)::float8
                AS "medianHours",
              round((percentile_cont(0.9) WITHIN GROUP (ORDER BY g.hours))::numeric, 2)::float8
                AS "p90Hours"
         FROM (SELECT ${key[q.groupBy]} AS key,
                      CASE WHEN d.status = 'RELEASED' AND d.released_at IS NOT NULL
                           THEN extract(epoch FROM d.released_at - d.filed_at) / 3600
                      END AS hours
                 FROM customs.declaration d
                 JOIN customs.shipment s ON s.awb = d.awb
                WHERE d.filed_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                  AND d.filed_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
                  AND ($3::text IS NULL OR s.port_of_entry_iata = $3::text)) g
        GROUP BY g.key
       HAVING count(*) >= $4
        ORDER BY g.key`,
      [q.from, q.to, q.airport, q.minGroup],
    );
  }
}
