/**
 * The tables the seeder writes, per agency, in foreign-key order, with the columns it fills
 * (defaults such as `version` and `handling_event.id` are left to the database), and a buffer of
 * rows in PostgreSQL's COPY text format.
 */

import { AGENCY_NAMES, AgencyName } from '../../subgraphs/agencies';

export type Agency = AgencyName;
export const AGENCIES: readonly Agency[] = AGENCY_NAMES;

export interface TableDef {
  agency: Agency;
  name: string;
  columns: readonly string[];
}

const t = (agency: Agency, name: string, columns: string): TableDef => ({
  agency,
  name,
  columns: columns.split(/,\s*/),
});

/** `<agency>.status_change`: its `id` is left to the sequence (restarted by the reseed). */
function history(agency: Agency): TableDef {
  return t(
    agency,
    'status_change',
    'entity_type, entity_id, at, from_status, to_status, actor, reason',
  );
}

/** Every table, parents before children within an agency. */
export const TABLES = {
  airport: t(
    'airports',
    'airport',
    'iata_code, icao_code, name, city, country_code, timezone, is_beijing_hub',
  ),
  facility: t(
    'airports',
    'facility',
    'id, airport_iata, kind, name, status, commissioned_on, annual_capacity_tonnes',
  ),
  cargo_arrival: t(
    'airports',
    'cargo_arrival',
    'awb, airport_iata, facility_id, arrived_at, pieces, weight_kg',
  ),
  handling_event: t('airports', 'handling_event', 'awb, at, type, facility_id, note'),

  airline: t('routes', 'airline', 'iata_code, icao_code, name, country_code, awb_prefix'),
  route: t(
    'routes',
    'route',
    'id, airline_iata, origin_iata, destination_iata, region, status, weekly_frequency, weekly_cargo_capacity_tonnes, opened_on, suspended_on, resumed_on',
  ),
  flight: t(
    'routes',
    'flight',
    'number, date, route_id, scheduled_departure, scheduled_arrival, actual_departure, actual_arrival, status',
  ),
  shipment_leg: t(
    'routes',
    'shipment_leg',
    'awb, sequence, flight_number, flight_date, from_iata, to_iata',
  ),

  customs_office: t('customs', 'customs_office', 'code, name'),
  supervision_mode: t('customs', 'supervision_mode', 'code, name'),
  enterprise: t('customs', 'enterprise', 'uscc, name, customs_credit_rating'),
  bonded_zone: t(
    'customs',
    'bonded_zone',
    'code, name, airport_iata, supervision_model, area_km2, opened_on',
  ),
  shipment: t(
    'customs',
    'shipment',
    'awb, origin_iata, destination_iata, port_of_entry_iata, shipper, consignee_uscc, pieces, gross_weight_kg, goods_description, manifested_at, clearance_status, released_at',
  ),
  declaration: t(
    'customs',
    'declaration',
    'number, awb, direction, customs_office_code, supervision_mode_code, status, declarant_uscc, filed_at, released_at, rejection_reason, total_value, currency, bonded_zone_code, inspection_required, inspection_site_id, inspection_result, inspection_completed_at',
  ),
  declaration_item: t(
    'customs',
    'declaration_item',
    'declaration_number, line, hs_code, description, quantity, unit, value, currency, origin_country, remanufactured, supervised_as_new, drug_approval_number',
  ),
  licence: t('customs', 'licence', 'declaration_number, code, number'),
  special_goods_application: t(
    'customs',
    'special_goods_application',
    'number, applicant_uscc, category, risk_level, status, submitted_at, decided_at, valid_until, consolidated_import_id',
  ),
  special_goods_shipment: t('customs', 'special_goods_shipment', 'application_number, awb'),

  medical_institution: t('drugs', 'medical_institution', 'id, name, district'),
  drug_approval: t(
    'drugs',
    'drug_approval',
    'number, product_name, category, manufacturer, origin_country, approved_on, valid_until, status, safety_assessed',
  ),
  approved_unit: t('drugs', 'approved_unit', 'approval_number, institution_id'),
  agent_qualification: t('drugs', 'agent_qualification', 'uscc, qualified_since, categories'),
  consolidated_import: t(
    'drugs',
    'consolidated_import',
    'id, agent_uscc, status, created_at, submitted_at',
  ),
  consolidated_line: t(
    'drugs',
    'consolidated_line',
    'consolidated_import_id, line, approval_number, institution_id, quantity, unit',
  ),
  consolidated_import_shipment: t(
    'drugs',
    'consolidated_import_shipment',
    'consolidated_import_id, awb',
  ),

  // Every agency's status history (see history.ts); no foreign keys, so loaded in any order.
  airports_status_change: history('airports'),
  customs_status_change: history('customs'),
  drugs_status_change: history('drugs'),
  routes_status_change: history('routes'),
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_ORDER = Object.keys(TABLES) as TableName[];

/**
 * Tables the seeder does not fill but empties with the rest, so a reseed leaves nothing of the
 * previous data set behind: the idempotency keys of mutations (their stored results name records
 * that are gone).
 */
export function clearedTables(agency: Agency): string[] {
  return [`${agency}.idempotency_key`];
}

/** The status history table of an agency. */
export function historyTable(agency: Agency): TableName {
  return `${agency}_status_change`;
}

export function qualified(def: TableDef): string {
  return `${def.agency}.${def.name}`;
}

/** A value as COPY text: null → \N, booleans t/f, text escaped. */
export type Cell = string | number | boolean | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function cell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return NEEDS_ESCAPE.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : v;
}

/** Rows for every table, appended as COPY text lines; drained chunk by chunk. */
export class RowSink {
  private parts = new Map<TableName, string[]>();
  readonly counts: Record<string, number> = {};

  constructor() {
    for (const name of TABLE_ORDER) this.counts[name] = 0;
  }

  add(table: TableName, ...values: Cell[]): void {
    let list = this.parts.get(table);
    if (!list) {
      list = [];
      this.parts.set(table, list);
    }
    let line = cell(values[0]);
    for (let i = 1; i < values.length; i++) line += '\t' + cell(values[i]);
    list.push(line + '\n');
    this.counts[table]++;
  }

  /** Takes the buffered text of every table and empties the buffers. */
  drain(): Map<TableName, string> {
    const out = new Map<TableName, string>();
    for (const [name, list] of this.parts) if (list.length) out.set(name, list.join(''));
    this.parts = new Map();
    return out;
  }
}
