import type { Line } from './cargo';
import { CAPITAL_AIRPORT_OFFICE, DEMO_NOW, DEMO_NOW_DAY, officeForPort } from './config';
import { applicationHistory, consolidatedImportHistory } from './history';
import { AgentRef, AGENTS, DRUG_APPROVALS, DrugApprovalRef } from './reference';
import { Rng } from './rng';
import type { Trip } from './routing';
import type { Output, ShipmentSpec } from './shipments';
import type { HubEvent } from './timeline';
import { DAY, beijingYear, dayOf, iso, isoDate } from './time';
import {
  ApplicationStatus,
  ApprovalStatus,
  ConsolidatedImportStatus,
  DrugCategory,
  HandlingEventType,
  SpecialGoodsCategory,
  SpecialGoodsRisk,
} from './vocabulary';

/**
 * The drug side of the demo: who imports a drug shipment under which approvals, the agent's
 * consolidated import for the hospitals' needs, and customs' special-goods application for it.
 */

export interface DrugSupply {
  category: `${DrugCategory}` | null;
  agent: AgentRef | null;
  /** Approvals the shipment's lines may use. */
  approvals: readonly DrugApprovalRef[];
}

const NO_DRUGS: DrugSupply = { category: null, agent: null, approvals: [] };

/**
 * For a drug shipment: its category, an agent qualified for it and the approvals valid for it,
 * each at least a month old on the shipment's day; null when there are none yet.
 */
export function chooseDrugSupply(spec: ShipmentSpec, rng: Rng): DrugSupply | null {
  if (spec.kind !== 'DRUG') return NO_DRUGS;
  const category =
    spec.drugCategory ??
    rng.weighted(
      [DrugCategory.CELL_THERAPY, DrugCategory.GENE_THERAPY, DrugCategory.CLINICALLY_URGENT_DRUG],
      [5, 2, 3],
    );
  const agents = AGENTS.filter(
    (a) => a.categories.includes(category) && dayOf(a.qualifiedSince) + 30 <= spec.day,
  );
  const approvals = DRUG_APPROVALS.filter(
    (a) =>
      a.category === category &&
      a.status === ApprovalStatus.VALID &&
      dayOf(a.approvedOn) + 30 <= spec.day,
  );
  if (!agents.length || !approvals.length) return null;
  return { category, agent: rng.pick(agents), approvals };
}

const applicationCategory = (category: `${DrugCategory}`) =>
  category === DrugCategory.CELL_THERAPY
    ? SpecialGoodsCategory.HUMAN_TISSUE
    : SpecialGoodsCategory.BIOLOGICAL_PRODUCT;

/** `CI-<year>-<serial>`, the consolidated import's id. */
const importId = (year: number, n: number) => `CI-${year}-${String(n + 1).padStart(6, '0')}`;

/** `SGA-<office>-<year>-<serial>`, the special-goods application's number. */
const applicationNumber = (office: string, year: number, n: number) =>
  `SGA-${office}-${year}-${String(n + 1).padStart(6, '0')}`;

/**
 * A drug shipment's consolidated import (one line per hospital need) and the special-goods
 * application for it, linked both ways, each as far along as "now" has come.
 */
export function writeConsolidatedImport(
  out: Output,
  awb: string,
  drugs: DrugSupply,
  lines: readonly Line[],
  trip: Trip,
  events: readonly HubEvent[],
  rng: Rng,
): void {
  const { agent, category } = drugs;
  if (!agent || !category) throw new Error(`demo data: drug shipment ${awb} has no agent`);
  const n = out.counters.consolidated++;
  const submitted = trip.firstLeg.scheduledDeparture - rng.between(10, 30) * DAY;
  const decided = submitted + rng.between(2, 7) * DAY;
  const created = submitted - rng.between(5, 25) * DAY;
  const year = beijingYear(submitted);
  const id = importId(year, n);
  const number = applicationNumber(officeForPort(trip.port), year, n);
  const validUntilDay = Math.floor(decided / DAY) + 365;
  const A = ApplicationStatus;
  const appStatus =
    decided > DEMO_NOW ? A.UNDER_REVIEW : validUntilDay < DEMO_NOW_DAY ? A.EXPIRED : A.APPROVED;
  const decision = appStatus === A.UNDER_REVIEW ? null : decided;
  const validUntil = decision === null ? null : isoDate(validUntilDay);
  const pickedUp = events.find((e) => e.type === HandlingEventType.PICKED_UP);
  const C = ConsolidatedImportStatus;
  const ciStatus =
    pickedUp && pickedUp.at <= DEMO_NOW
      ? C.DELIVERED
      : trip.firstLeg.departs <= DEMO_NOW
        ? C.IN_TRANSIT
        : decided <= DEMO_NOW
          ? C.APPROVED
          : C.SUBMITTED;
  const s = out.sink;
  s.add(
    'special_goods_application',
    number,
    agent.uscc,
    applicationCategory(category),
    SpecialGoodsRisk.D,
    appStatus,
    iso(submitted),
    decision === null ? null : iso(decision),
    validUntil,
    id,
  );
  s.add('special_goods_shipment', number, awb);
  s.add('consolidated_import', id, agent.uscc, ciStatus, iso(created), iso(submitted));
  applicationHistory(
    out.history,
    number,
    appStatus,
    submitted,
    decision,
    validUntil,
    out.historyRng,
  );
  consolidatedImportHistory(out.history, id, ciStatus, {
    created,
    submitted,
    approved: decided,
    departed: trip.firstLeg.departs,
    delivered: pickedUp ? pickedUp.at : null,
  });
  lines.forEach((l, i) =>
    s.add('consolidated_line', id, i + 1, l.approval, l.institution, l.quantity, l.goods.unit),
  );
  s.add('consolidated_import_shipment', id, awb);
}

/**
 * Consolidated imports still being collected or awaiting approval, with no shipment yet: the
 * agents' work in progress at "now".
 */
export function writePendingConsolidatedImports(out: Output, count: number, rng: Rng): void {
  const s = out.sink;
  for (let k = 0; k < count; k++) {
    const n = out.counters.consolidated++;
    const agent = AGENTS[k % AGENTS.length];
    const category = agent.categories[k % agent.categories.length];
    const approvals = DRUG_APPROVALS.filter(
      (a) => a.category === category && a.status === ApprovalStatus.VALID,
    );
    const created = DEMO_NOW - rng.between(2, 40) * DAY;
    const id = importId(beijingYear(created), n);
    const collecting = k % 2 === 0 || category === DrugCategory.REGISTERED_DRUG;
    let submitted: number | null = null;
    if (!collecting) {
      submitted = created + rng.between(1, 2) * DAY;
      // The application names the consolidated import (customs records the link).
      const number = applicationNumber(CAPITAL_AIRPORT_OFFICE, beijingYear(submitted), n);
      const status = k % 4 === 1 ? ApplicationStatus.SUBMITTED : ApplicationStatus.UNDER_REVIEW;
      s.add(
        'special_goods_application',
        number,
        agent.uscc,
        applicationCategory(category),
        SpecialGoodsRisk.D,
        status,
        iso(submitted),
        null,
        null,
        id,
      );
      applicationHistory(out.history, number, status, submitted, null, null, out.historyRng);
    }
    const ciStatus = collecting
      ? ConsolidatedImportStatus.COLLECTING
      : ConsolidatedImportStatus.SUBMITTED;
    s.add(
      'consolidated_import',
      id,
      agent.uscc,
      ciStatus,
      iso(created),
      submitted === null ? null : iso(submitted),
    );
    consolidatedImportHistory(out.history, id, ciStatus, {
      created,
      submitted,
      approved: null,
      departed: null,
      delivered: null,
    });
    const lineCount = rng.int(1, 3);
    const used = new Set<string>();
    let line = 0;
    for (let i = 0; i < lineCount; i++) {
      const a = rng.pick(approvals);
      const inst = rng.pick(a.units);
      if (used.has(a.number + inst)) continue;
      used.add(a.number + inst);
      s.add('consolidated_line', id, ++line, a.number, inst, rng.int(1, 6), a.unit);
    }
  }
}
