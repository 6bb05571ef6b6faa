import { DEMO_NOW, DEMO_NOW_DAY } from './config';
import { Flight, flightState } from './flights';
import { DRUG_APPROVALS, FACILITIES, ROUTES } from './reference';
import { hash01, Rng } from './rng';
import { Agency, historyTable, RowSink, TableName } from './tables';
import { DAY, dayOf, HOUR, iso, MINUTE } from './time';
import {
  ApplicationStatus,
  ApprovalStatus,
  ConsolidatedImportStatus,
  DeclarationStatus,
  FacilityStatus,
  FlightStatus,
  RouteStatus,
  flightHistoryId,
} from './vocabulary';
import { floor, min, round } from './math';

/**
 * The status history of the seeded records, as `<agency>.status_change` rows: a creation row
 * (`from_status` NULL), then every transition on the way to the record's current status, each
 * legal for its state machine and no earlier than the one before. The kit's `statusHistoryLoader`
 * reads them by entity type and id (the types below; a flight's id is `<number>/<date>`).
 */

/** Who made the seeded changes: clearly the seeder, never a user or a service. */
export const SEED_ACTOR = 'system:demo-seed';

/** Entity types as the subgraphs' `history` fields ask for them. */
export const ENTITY = {
  declaration: 'Declaration',
  application: 'SpecialGoodsApplication',
  consolidatedImport: 'ConsolidatedImport',
  drugApproval: 'DrugApproval',
  route: 'Route',
  flight: 'Flight',
  facility: 'Facility',
} as const;

/** Start of a Beijing calendar date (UTC+8), the instant a dated change takes effect. */
export function beijingStart(isoDate: string): number {
  return dayOf(isoDate) * DAY - 8 * HOUR;
}

/** Writes one record's history row by row: `begin` with its creation, then `to` each change. */
export class HistoryWriter {
  private table: TableName = 'customs_status_change';
  private type = '';
  private id = '';
  private status = '';
  private at = 0;

  constructor(private readonly sink: RowSink) {}

  begin(agency: Agency, type: string, id: string, status: string, at: number): this {
    if (at > DEMO_NOW) throw new Error(`demo data: ${type} ${id} created after now (${iso(at)})`);
    this.table = historyTable(agency);
    this.type = type;
    this.id = id;
    this.status = status;
    this.at = at;
    this.sink.add(this.table, type, id, iso(at), null, status, SEED_ACTOR, null);
    return this;
  }

  to(status: string, at: number, reason: string | null = null): this {
    if (at < this.at || at > DEMO_NOW) {
      throw new Error(
        `demo data: ${this.type} ${this.id} would go ${this.status} → ${status} at ${iso(at)}, ` +
          `out of order (previous change ${iso(this.at)}, now ${iso(DEMO_NOW)})`,
      );
    }
    this.sink.add(this.table, this.type, this.id, iso(at), this.status, status, SEED_ACTOR, reason);
    this.status = status;
    this.at = at;
    return this;
  }
}

/** A point between two instants, at a random fraction of the way (never before `from`). */
function between(from: number, until: number, rng: Rng, lo = 0.2, hi = 0.6): number {
  return until <= from ? from : from + (until - from) * rng.between(lo, hi);
}

export interface DeclarationRecord {
  number: string;
  status: `${DeclarationStatus}`;
  filed: number;
  /** When it was released or rejected (null while undecided). */
  decided: number | null;
  reason: string | null;
  /** An inspection was ordered (a released declaration went through INSPECTION_REQUIRED). */
  inspected: boolean;
  inspectionDone: number | null;
}

/**
 * A declaration: FILED, ACCEPTED after a few minutes, then review or inspection as its current
 * status says, and the decision (RELEASED, REJECTED with its reason) when it was made.
 */
export function declarationHistory(h: HistoryWriter, d: DeclarationRecord, rng: Rng): void {
  const S = DeclarationStatus;
  h.begin('customs', ENTITY.declaration, d.number, S.FILED, d.filed);
  if (d.status === S.FILED) return;
  const end = d.decided ?? DEMO_NOW;
  if (d.status === S.REJECTED && rng.chance(0.5)) {
    h.to(S.REJECTED, end, d.reason); // refused on receipt: incomplete or wrong filing
    return;
  }
  // An inspection is ordered before it is done.
  const limit = d.inspectionDone !== null && d.inspectionDone < end ? d.inspectionDone : end;
  const accepted = d.filed + min(rng.int(3, 40) * MINUTE, (limit - d.filed) * 0.3);
  h.to(S.ACCEPTED, accepted);
  switch (d.status) {
    case S.ACCEPTED:
      return;
    case S.UNDER_REVIEW:
      h.to(S.UNDER_REVIEW, between(accepted, end, rng));
      return;
    case S.REJECTED:
      h.to(S.UNDER_REVIEW, between(accepted, end, rng)).to(S.REJECTED, end, d.reason);
      return;
    case S.INSPECTION_REQUIRED:
      if (rng.chance(0.3)) {
        const review = between(accepted, end, rng);
        h.to(S.UNDER_REVIEW, review).to(S.INSPECTION_REQUIRED, between(review, end, rng));
      } else {
        h.to(S.INSPECTION_REQUIRED, between(accepted, end, rng));
      }
      return;
    case S.RELEASED:
      if (d.inspected) h.to(S.INSPECTION_REQUIRED, between(accepted, limit, rng));
      else if (rng.chance(0.25)) h.to(S.UNDER_REVIEW, between(accepted, end, rng));
      h.to(S.RELEASED, end);
      return;
  }
  throw new Error(`demo data: declaration ${d.number} has no history for status ${d.status}`);
}

/**
 * A special-goods application: SUBMITTED, UNDER_REVIEW within a day, then APPROVED at the
 * decision (and EXPIRED the day after `valid_until` when it has).
 */
export function applicationHistory(
  h: HistoryWriter,
  number: string,
  status: `${ApplicationStatus}`,
  submitted: number,
  decided: number | null,
  validUntil: string | null,
  rng: Rng,
): void {
  const S = ApplicationStatus;
  h.begin('customs', ENTITY.application, number, S.SUBMITTED, submitted);
  if (status === S.SUBMITTED) return;
  const end = decided ?? DEMO_NOW;
  h.to(S.UNDER_REVIEW, submitted + min(rng.between(2, 24) * HOUR, (end - submitted) * 0.5));
  if (status === S.UNDER_REVIEW) return;
  if (decided === null) throw new Error(`demo data: application ${number} has no decision time`);
  h.to(S.APPROVED, decided);
  if (status === S.APPROVED) return;
  if (status === S.EXPIRED && validUntil !== null) {
    h.to(S.EXPIRED, beijingStart(validUntil) + DAY);
    return;
  }
  throw new Error(`demo data: application ${number} has no history for status ${status}`);
}

/** The instants of a consolidated import's steps (null: not reached). */
export interface ConsolidatedImportTimes {
  created: number;
  submitted: number | null;
  approved: number | null;
  departed: number | null;
  delivered: number | null;
}

const IMPORT_STEPS = [
  ConsolidatedImportStatus.SUBMITTED,
  ConsolidatedImportStatus.APPROVED,
  ConsolidatedImportStatus.IN_TRANSIT,
  ConsolidatedImportStatus.DELIVERED,
] as const;

/** A consolidated import: COLLECTING when created, then each step up to its current status. */
export function consolidatedImportHistory(
  h: HistoryWriter,
  id: string,
  status: `${ConsolidatedImportStatus}`,
  t: ConsolidatedImportTimes,
): void {
  h.begin('drugs', ENTITY.consolidatedImport, id, ConsolidatedImportStatus.COLLECTING, t.created);
  if (status === ConsolidatedImportStatus.COLLECTING) return;
  const times = [t.submitted, t.approved, t.departed, t.delivered];
  for (let i = 0; i < IMPORT_STEPS.length; i++) {
    const at = times[i];
    if (at === null) throw new Error(`demo data: consolidated import ${id} lacks a time`);
    h.to(IMPORT_STEPS[i], at);
    if (IMPORT_STEPS[i] === status) return;
  }
  throw new Error(`demo data: consolidated import ${id} has no history for status ${status}`);
}

/** When the planned routes were announced [A]. */
const PLANNED_ROUTES_ANNOUNCED = beijingStart('2026-06-18');

/**
 * The reference records' histories: routes (opened, suspended, resumed, or planned), facilities
 * (planned, built, commissioned) and drug approvals (valid, then suspended, expired or revoked).
 * Their dates come from the reference data; the facilities' planning and construction dates,
 * which it does not hold, from a fixed hash, so they do not depend on the seed either.
 */
export function writeReferenceHistory(h: HistoryWriter): void {
  const R = RouteStatus;
  for (const r of ROUTES) {
    if (r.status === R.PLANNED) {
      h.begin('routes', ENTITY.route, r.id, R.PLANNED, PLANNED_ROUTES_ANNOUNCED);
      continue;
    }
    if (r.openedOn === null) throw new Error(`demo data: route ${r.id} is ${r.status} unopened`);
    h.begin('routes', ENTITY.route, r.id, R.ACTIVE, beijingStart(r.openedOn));
    const suspended = r.status === R.SUSPENDED || r.status === R.RESUMED;
    if (
      suspended !== (r.suspendedOn !== null) ||
      (r.status === R.RESUMED) !== (r.resumedOn !== null)
    ) {
      throw new Error(`demo data: route ${r.id} is ${r.status} with other dates`);
    }
    if (r.suspendedOn !== null) h.to(R.SUSPENDED, beijingStart(r.suspendedOn));
    if (r.resumedOn !== null) h.to(R.RESUMED, beijingStart(r.resumedOn));
  }

  const today = DEMO_NOW_DAY * DAY - 8 * HOUR;
  FACILITIES.forEach((f, i) => {
    const days = (lo: number, hi: number, salt: number) =>
      round(lo + (hi - lo) * hash01(i, salt)) * DAY;
    const F = FacilityStatus;
    if (f.status === F.OPERATIONAL) {
      if (f.commissionedOn === null) throw new Error(`demo data: facility ${f.id} undated`);
      const commissioned = beijingStart(f.commissionedOn);
      h.begin('airports', ENTITY.facility, f.id, F.PLANNED, commissioned - days(900, 1400, 1))
        .to(F.UNDER_CONSTRUCTION, commissioned - days(420, 800, 2))
        .to(F.OPERATIONAL, commissioned);
    } else if (f.status === F.UNDER_CONSTRUCTION) {
      h.begin('airports', ENTITY.facility, f.id, F.PLANNED, today - days(500, 800, 1)).to(
        F.UNDER_CONSTRUCTION,
        today - days(60, 400, 2),
      );
    } else {
      h.begin('airports', ENTITY.facility, f.id, F.PLANNED, today - days(30, 300, 1));
    }
  });

  for (const a of DRUG_APPROVALS) {
    h.begin(
      'drugs',
      ENTITY.drugApproval,
      a.number,
      ApprovalStatus.VALID,
      beijingStart(a.approvedOn),
    );
    if (a.status === ApprovalStatus.VALID) continue;
    if (a.status === ApprovalStatus.EXPIRED) {
      h.to(ApprovalStatus.EXPIRED, beijingStart(a.validUntil) + DAY);
      continue;
    }
    if (!a.statusSince) throw new Error(`demo data: approval ${a.number} is ${a.status} undated`);
    h.to(a.status, beijingStart(a.statusSince));
  }
}

/**
 * A flight: SCHEDULED when the timetable was filed (45 days ahead), then CANCELLED a few hours
 * before departure, or DEPARTED and ARRIVED at its actual times, as far as "now" has come.
 */
export function flightHistory(h: HistoryWriter, f: Flight): void {
  const state = flightState(f);
  h.begin(
    'routes',
    ENTITY.flight,
    flightHistoryId(f.number, f.date),
    FlightStatus.SCHEDULED,
    f.scheduledDeparture - 45 * DAY,
  );
  if (state.status === FlightStatus.CANCELLED) {
    const hoursBefore = 2 + floor(22 * hash01(f.day, f.scheduledDeparture % 100_003, 7));
    h.to(FlightStatus.CANCELLED, f.scheduledDeparture - hoursBefore * HOUR);
    return;
  }
  if (state.actualDeparture !== null) h.to(FlightStatus.DEPARTED, state.actualDeparture);
  if (state.actualArrival !== null) h.to(FlightStatus.ARRIVED, state.actualArrival);
}
