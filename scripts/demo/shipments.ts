import { makeAwb, makeDeclarationNumber } from '../../subgraphs/kit/identifiers';
import {
  ATLANTIC_SALMON,
  CBEC_GOODS,
  CHERRIES,
  currencyFor,
  DURIAN,
  EXCURSION_NOTES,
  EXPORT_GOODS,
  GENERAL_GOODS,
  Goods,
  PACIFIC_SALMON,
  PER_USD,
  REJECTION_REASONS,
  REMANUFACTURED_GOODS,
  SEA_URCHIN,
  SHIPPERS,
  ZGC_FINISHED,
  ZGC_MATERIALS,
  ZONE_LOGISTICS_GOODS,
} from './catalog';
import { DATA_START_DAY, DEMO_NOW, DEMO_NOW_DAY, HOLD_WINDOW_MS, officeForPort } from './config';
import { Flight, FlightTable } from './flights';
import {
  applicationHistory,
  consolidatedImportHistory,
  declarationHistory,
  HistoryWriter,
} from './history';
import {
  AGENTS,
  AgentRef,
  AIRLINES,
  airport,
  BROKER_COUNT,
  DRUG_APPROVALS,
  DrugApprovalRef,
  DrugCategory,
  EnterpriseRef,
  facilityFor,
  FacilityKind,
  FacilityRef,
  INSTITUTIONS,
  PKX_AQUATIC_FIRST_DAY,
  PKX_FRUIT_FIRST_DAY,
  REMANUFACTURED_PILOT_DAY,
  RouteRef,
  ROUTES,
  ZGC_OPENED_DAY,
} from './reference';
import { Rng } from './rng';
import { RowSink } from './tables';
import { beijingYear, DAY, dayOf, HOUR, iso, isoDate, MINUTE } from './time';

/** What a shipment is, which decides its route, goods, facility, declaration and timing. */
export type Kind =
  | 'GENERAL'
  | 'CBEC_DIRECT'
  | 'BONDED_1210'
  | 'ZONE_LOGISTICS'
  | 'ZGC_MATERIALS'
  | 'ZGC_EXPORT'
  | 'EXPORT_B2B'
  | 'EXPORT_WAREHOUSE'
  | 'FRUIT'
  | 'SEAFOOD'
  | 'REMANUFACTURED'
  | 'DRUG'
  | 'TRANSIT';

/** How its clearance goes. Held outcomes only stay held close to "now". */
export type Outcome =
  | 'NORMAL'
  | 'INSPECTED'
  | 'LATE_FILING'
  | 'REJECTED'
  | 'REJECTED_REFILED'
  | 'HELD_INSPECTION'
  | 'HELD_REVIEW';

export type Variant = 'CHERRIES' | 'DURIAN' | 'ATLANTIC_SALMON' | 'PACIFIC_SALMON' | 'SEA_URCHIN';

export interface ShipmentSpec {
  awb?: string;
  kind: Kind;
  /** First day on which to look for the first leg's flight. */
  day: number;
  /** Route ids of the legs, in order (chosen by kind when absent). */
  chain?: readonly string[];
  variant?: Variant;
  drugCategory?: DrugCategory;
  weightKg?: number;
  pieces?: number;
  outcome?: Outcome;
}

const AIRLINE_PREFIX = new Map(AIRLINES.map((a) => [a.iata, a.prefix]));
const INSTITUTION_NAME = new Map(INSTITUTIONS.map((i) => [i.id, i.name]));
const HUBS = new Set(['PEK', 'PKX']);
const isHub = (iata: string) => HUBS.has(iata);

const INBOUND = ROUTES.filter((r) => isHub(r.destination) && !isHub(r.origin));
const OUTBOUND = ROUTES.filter((r) => isHub(r.origin) && !isHub(r.destination));
const DRUG_ORIGINS = new Set([
  'JFK',
  'LAX',
  'SFO',
  'IAD',
  'FRA',
  'MUC',
  'CDG',
  'AMS',
  'LHR',
  'SYD',
]);
const TRANSIT_PAIRS: [RouteRef, RouteRef][] = [];
for (const a of INBOUND) {
  if (a.region === 'ASIA' || a.region === 'OCEANIA') continue;
  for (const b of OUTBOUND) {
    if (b.origin === a.destination && (b.region === 'ASIA' || b.region === 'OCEANIA')) {
      TRANSIT_PAIRS.push([a, b]);
    }
  }
}

const MODE: Record<Kind, string> = {
  GENERAL: '0110',
  REMANUFACTURED: '0110',
  FRUIT: '0110',
  SEAFOOD: '0110',
  DRUG: '0110',
  CBEC_DIRECT: '9610',
  BONDED_1210: '1210',
  ZONE_LOGISTICS: '5034',
  ZGC_MATERIALS: '5000',
  ZGC_EXPORT: '5100',
  EXPORT_B2B: '9710',
  EXPORT_WAREHOUSE: '9810',
  TRANSIT: '',
};

const ZONE: Partial<Record<Kind, string>> = {
  BONDED_1210: 'BJ-DAXING-CBZ',
  ZONE_LOGISTICS: 'BJ-DAXING-CBZ',
  ZGC_MATERIALS: 'BJ-ZGC-CBZ',
  ZGC_EXPORT: 'BJ-ZGC-CBZ',
};

const EXPORT_KINDS = new Set<Kind>(['ZGC_EXPORT', 'EXPORT_B2B', 'EXPORT_WAREHOUSE']);
const PERISHABLE = new Set<Kind>(['FRUIT', 'SEAFOOD']);
const COLD = new Set<Kind>(['FRUIT', 'SEAFOOD', 'DRUG']);
const CBEC = new Set<Kind>(['CBEC_DIRECT', 'BONDED_1210', 'ZONE_LOGISTICS']);

/** Mix of random shipments (weights, not percentages). */
export const KIND_WEIGHTS: readonly [Kind, number][] = [
  ['GENERAL', 33],
  ['CBEC_DIRECT', 16],
  ['BONDED_1210', 10],
  ['ZONE_LOGISTICS', 4],
  ['ZGC_MATERIALS', 2],
  ['ZGC_EXPORT', 1],
  ['EXPORT_B2B', 4],
  ['EXPORT_WAREHOUSE', 3],
  ['FRUIT', 6],
  ['SEAFOOD', 5],
  ['REMANUFACTURED', 2],
  ['DRUG', 1.5],
  ['TRANSIT', 5],
];
const KINDS = KIND_WEIGHTS.map((k) => k[0]);
const KIND_W = KIND_WEIGHTS.map((k) => k[1]);

/** First day a kind can happen (its facility, zone or pilot exists). */
function earliestDay(kind: Kind): number {
  switch (kind) {
    case 'ZGC_MATERIALS':
    case 'ZGC_EXPORT':
      return ZGC_OPENED_DAY;
    case 'REMANUFACTURED':
      return REMANUFACTURED_PILOT_DAY;
    case 'DRUG':
      return dayOf('2023-02-20');
    default:
      return DATA_START_DAY;
  }
}

interface Line {
  goods: Goods;
  description: string;
  quantity: number;
  value: number;
  origin: string;
  remanufactured: boolean;
  approval: string | null;
  institution: string | null;
}

interface DeclPlan {
  filed: number;
  /** RELEASE: released at `release`; REJECT: rejected at `decided`; HOLD_*: never decided. */
  intent: 'RELEASE' | 'REJECT' | 'HOLD_INSPECTION' | 'HOLD_REVIEW';
  decided: number;
  reason: string | null;
  inspectionSite: string | null;
  inspectionDone: number | null;
}

interface Event {
  at: number;
  type: string;
  note: string | null;
}

export interface Counters {
  awb: Map<string, number>;
  declaration: number;
  licence: number;
  consolidated: number;
}

/**
 * Generates shipments with everything every agency records about them, into a RowSink. All
 * randomness comes from the Rng passed in; all counters live in `counters`, so a run is a pure
 * function of the seed and the order of calls.
 */
export class ShipmentGenerator {
  readonly counters: Counters = { awb: new Map(), declaration: 0, licence: 0, consolidated: 0 };
  private readonly consignees: EnterpriseRef[];
  private readonly brokers: EnterpriseRef[];
  private readonly history: HistoryWriter;

  /**
   * `historyRng` times the steps of the status histories: a stream of its own, so that the
   * records themselves do not change with how their histories are drawn.
   */
  constructor(
    readonly flights: FlightTable,
    enterprises: readonly EnterpriseRef[],
    private readonly sink: RowSink,
    private readonly historyRng: Rng,
  ) {
    this.brokers = enterprises.slice(0, BROKER_COUNT);
    this.consignees = enterprises.slice(BROKER_COUNT);
    this.history = new HistoryWriter(sink);
  }

  // -------------------------------------------------------------------------------------------
  // Random specs

  /** A day in the data period, more shipments in later months (trade grows, routes recover). */
  randomDay(rng: Rng, from = DATA_START_DAY): number {
    const span = DEMO_NOW_DAY + 1 - from;
    const u = rng.float();
    const x = (-1 + Math.sqrt(1 + 8 * u)) / 2; // density grows 1 → 3 over the period
    return from + Math.floor(x * span);
  }

  randomSpec(rng: Rng): ShipmentSpec {
    const kind = rng.weighted(KINDS, KIND_W);
    const day = this.randomDay(rng, earliestDay(kind));
    let outcome: Outcome = 'NORMAL';
    if (!EXPORT_KINDS.has(kind) && kind !== 'TRANSIT') {
      const u = rng.float();
      if (PERISHABLE.has(kind) || kind === 'DRUG') {
        if (u < 0.01) outcome = 'HELD_INSPECTION';
      } else if (u < 0.006) outcome = 'REJECTED';
      else if (u < 0.02) outcome = 'REJECTED_REFILED';
      else if (u < 0.06) outcome = 'INSPECTED';
      else if (u < 0.09) outcome = 'LATE_FILING';
      else if (u < 0.1) outcome = 'HELD_INSPECTION';
      else if (u < 0.11) outcome = 'HELD_REVIEW';
    }
    return { kind, day, outcome };
  }

  /** Generates one random shipment, retrying other days and routes when no flight fits. */
  generateRandom(rng: Rng): void {
    let spec = this.randomSpec(rng);
    for (let attempt = 0; attempt < 40; attempt++) {
      if (this.build(spec, rng)) return;
      const back = attempt < 20 ? rng.int(1, 14) : rng.int(20, 120);
      spec = { ...spec, day: Math.max(earliestDay(spec.kind), spec.day - back) };
      if (attempt === 30) spec = { kind: 'GENERAL', day: spec.day, outcome: 'NORMAL' };
    }
    throw new Error(
      `demo data: no flight found for a ${spec.kind} shipment near ${isoDate(spec.day)}`,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Routing

  private chooseChain(spec: ShipmentSpec, rng: Rng): { chain: string[]; variant?: Variant } | null {
    const day = spec.day;
    const inboundTo = (hub: string | null, filter?: (r: RouteRef) => boolean) => {
      const list = INBOUND.filter(
        (r) => (hub === null || r.destination === hub) && (!filter || filter(r)),
      );
      return list.length
        ? rng.weighted(
            list,
            list.map((r) => r.weeklyCapacityTonnes),
          ).id
        : null;
    };
    const one = (id: string | null) => (id ? { chain: [id] } : null);
    switch (spec.kind) {
      case 'GENERAL':
      case 'CBEC_DIRECT':
        return one(inboundTo(null, (r) => r.id !== 'QR-DOH-PKX' || rng.chance(0.5)));
      case 'BONDED_1210':
      case 'ZONE_LOGISTICS':
        return one(inboundTo('PKX'));
      case 'ZGC_MATERIALS':
        return one(inboundTo('PEK', (r) => r.region !== 'MIDDLE_EAST'));
      case 'REMANUFACTURED':
        return one(
          inboundTo(
            null,
            (r) => ['EUROPE', 'NORTH_AMERICA'].includes(r.region) || r.origin === 'NRT',
          ),
        );
      case 'DRUG':
        return one(inboundTo(rng.chance(0.75) ? 'PEK' : null, (r) => DRUG_ORIGINS.has(r.origin)));
      case 'EXPORT_B2B':
        return {
          chain: [
            rng.weighted(
              OUTBOUND,
              OUTBOUND.map((r) => r.weeklyCapacityTonnes),
            ).id,
          ],
        };
      case 'EXPORT_WAREHOUSE': {
        const list = OUTBOUND.filter((r) => r.region === 'EUROPE' || r.region === 'NORTH_AMERICA');
        return { chain: [rng.pick(list).id] };
      }
      case 'ZGC_EXPORT': {
        const list = OUTBOUND.filter((r) => r.origin === 'PEK' && r.region !== 'MIDDLE_EAST');
        return { chain: [rng.pick(list).id] };
      }
      case 'TRANSIT': {
        const [a, b] = rng.pick(TRANSIT_PAIRS);
        return { chain: [a.id, b.id] };
      }
      case 'FRUIT': {
        const month = new Date(day * DAY).getUTCMonth() + 1;
        const pkx = day >= PKX_FRUIT_FIRST_DAY && rng.chance(0.7);
        if (month >= 11 || month <= 2) {
          return { chain: ['QR-SCL-DOH', pkx ? 'QR-DOH-PKX' : 'QR-DOH-PEK'], variant: 'CHERRIES' };
        }
        return { chain: [pkx ? 'CZ-BKK-PKX' : 'CA-BKK-PEK'], variant: 'DURIAN' };
      }
      case 'SEAFOOD': {
        const pkx = day >= PKX_AQUATIC_FIRST_DAY && rng.chance(0.7);
        const u = rng.float();
        if (u < 0.4) return { chain: ['LH-OSL-FRA', 'CA-FRA-PEK'], variant: 'ATLANTIC_SALMON' };
        if (u < 0.65) {
          return {
            chain: ['QR-SCL-DOH', pkx ? 'QR-DOH-PKX' : 'QR-DOH-PEK'],
            variant: 'ATLANTIC_SALMON',
          };
        }
        if (u < 0.8) return { chain: ['FX-ANC-PEK'], variant: 'PACIFIC_SALMON' };
        return { chain: [pkx ? 'SU-SVO-PKX' : 'SU-SVO-PEK'], variant: 'SEA_URCHIN' };
      }
    }
  }

  private book(chain: readonly string[], day: number, kind: Kind): Flight[] | null {
    const first = this.flights.firstFrom(chain[0], day, 6);
    if (!first) return null;
    const legs = [first];
    for (let i = 1; i < chain.length; i++) {
      const connect = (kind === 'TRANSIT' ? 4 : 2.5) * HOUR;
      const next = this.flights.departingAfter(chain[i], legs[i - 1].arrives + connect);
      if (!next) return null;
      legs.push(next);
    }
    return legs;
  }

  // -------------------------------------------------------------------------------------------
  // One shipment

  private nextAwb(prefix: string): string {
    const c = this.counters.awb.get(prefix) ?? 0;
    this.counters.awb.set(prefix, c + 1);
    if (c >= 4999999) throw new Error(`demo data: AWB serials of prefix ${prefix} exhausted`);
    return makeAwb(prefix, 5000000 + ((c * 7919) % 4999999));
  }

  private declarationNumber(port: string, filed: number, direction: 'IMPORT' | 'EXPORT'): string {
    const serial = (this.counters.declaration++ * 7919 + 1234567) % 1_000_000_000;
    return makeDeclarationNumber(officeForPort(port), beijingYear(filed), direction, serial);
  }

  private licenceNumber(code: string, year: number, country: string): string {
    const n = String(this.counters.licence++).padStart(9, '0');
    switch (code) {
      case 'A':
        return `110${year}${n}`;
      case 'U':
        return `${country}-CC-${year}-${n.slice(3)}`;
      default:
        return `${year}110000${n.slice(2)}`;
    }
  }

  /**
   * Builds one shipment from a spec and writes all its rows. Returns false (writing nothing)
   * when no flight fits the spec's day and route, so the caller can try another day.
   */
  build(spec: ShipmentSpec, rng: Rng): boolean {
    const kind = spec.kind;
    if (spec.day < earliestDay(kind)) return false;
    const choice = spec.chain
      ? { chain: [...spec.chain], variant: spec.variant }
      : this.chooseChain(spec, rng);
    if (!choice) return false;
    const variant = spec.variant ?? choice.variant;
    const legs = this.book(choice.chain, spec.day, kind);
    if (!legs) return false;
    const firstLeg = legs[0];
    const lastLeg = legs[legs.length - 1];
    const isExport = EXPORT_KINDS.has(kind);
    const origin = firstLeg.route.origin;
    const destination = lastLeg.route.destination;
    const portLeg = isExport ? firstLeg : legs.find((l) => isHub(l.route.destination));
    if (!portLeg) return false;
    const port = isExport ? portLeg.route.origin : portLeg.route.destination;
    const portDay = Math.floor((isExport ? portLeg.departs : portLeg.arrives) / DAY);

    // Drug shipments: an agent qualified for the category, approvals valid on the day.
    let agent: AgentRef | undefined;
    let approvals: DrugApprovalRef[] = [];
    const category: DrugCategory | undefined =
      kind === 'DRUG'
        ? (spec.drugCategory ??
          rng.weighted<DrugCategory>(
            ['CELL_THERAPY', 'GENE_THERAPY', 'CLINICALLY_URGENT_DRUG'],
            [5, 2, 3],
          ))
        : undefined;
    if (category) {
      const agents = AGENTS.filter(
        (a) => a.categories.includes(category) && dayOf(a.qualifiedSince) + 30 <= spec.day,
      );
      approvals = DRUG_APPROVALS.filter(
        (a) =>
          a.category === category && a.status === 'VALID' && dayOf(a.approvedOn) + 30 <= spec.day,
      );
      if (!agents.length || !approvals.length) return false;
      agent = rng.pick(agents);
    }

    // Where the cargo is received at the hub.
    const facilityKind: FacilityKind = (() => {
      switch (kind) {
        case 'FRUIT':
          return 'DESIGNATED_SITE_FRUIT';
        case 'SEAFOOD':
          return 'DESIGNATED_SITE_CHILLED_AQUATIC';
        case 'DRUG':
          return 'COLD_CHAIN_WAREHOUSE';
        case 'CBEC_DIRECT':
          return ['FX', '5X'].includes(firstLeg.route.airline) || rng.chance(0.4)
            ? 'INTERNATIONAL_EXPRESS_WAREHOUSE'
            : 'CROSS_BORDER_ECOMMERCE_WAREHOUSE';
        case 'BONDED_1210':
        case 'EXPORT_B2B':
        case 'EXPORT_WAREHOUSE':
          return 'CROSS_BORDER_ECOMMERCE_WAREHOUSE';
        case 'ZONE_LOGISTICS':
        case 'TRANSIT':
          return 'CONSOLIDATED_CARGO_WAREHOUSE';
        default:
          return rng.chance(0.75) ? 'GENERAL_CARGO_WAREHOUSE' : 'CONSOLIDATED_CARGO_WAREHOUSE';
      }
    })();
    const facility: FacilityRef | undefined = facilityFor(port, facilityKind, portDay);
    if (!facility) return false;
    if (kind === 'FRUIT' && port === 'PKX' && portDay < PKX_FRUIT_FIRST_DAY) return false;
    if (kind === 'SEAFOOD' && port === 'PKX' && portDay < PKX_AQUATIC_FIRST_DAY) return false;

    // The manifest: at least 4 h before arrival, never after "now".
    let manifested: number;
    if (isExport) {
      manifested = firstLeg.departs - rng.int(180, 480) * MINUTE;
    } else {
      manifested = Math.min(
        firstLeg.scheduledDeparture - rng.int(90, 1080) * MINUTE,
        portLeg.arrives - (240 + rng.int(0, 60)) * MINUTE,
      );
    }
    if (manifested > DEMO_NOW) return false;

    // Goods, weight and value.
    const originCountry = airport(origin).country;
    const shipperCountry = isExport ? 'CN' : originCountry;
    const { weightKg, pieces } = this.weigh(spec, kind, variant, rng);
    const lines = this.goodsLines(
      kind,
      variant,
      weightKg,
      isExport ? 'CN' : originCountry,
      approvals,
      rng,
    );
    const currency = category ? 'USD' : currencyFor(isExport ? 'CN' : originCountry);
    const rate = PER_USD[currency];

    const consignee = agent ?? this.consignees[rng.skewedIndex(this.consignees.length)];
    const declarant = agent
      ? agent
      : rng.chance(0.35)
        ? consignee
        : this.brokers[rng.int(0, this.brokers.length - 1)];
    const shipper = isExport ? consignee.name : rng.pick(SHIPPERS[shipperCountry] ?? SHIPPERS.HK);

    // Timeline at the hub.
    const events: Event[] = [];
    const decls: DeclPlan[] = [];
    let outcome: Outcome = spec.outcome ?? 'NORMAL';
    let arrivedAt: number;
    if (isExport) {
      const release = firstLeg.departs - rng.int(120, 360) * MINUTE;
      const filed = release - rng.int(20, 150) * MINUTE;
      const stored = filed - rng.int(10, 60) * MINUTE;
      const tallied = stored - rng.int(10, 30) * MINUTE;
      arrivedAt = tallied - rng.int(15, 60) * MINUTE;
      events.push(
        { at: arrivedAt, type: 'ARRIVED', note: 'Received from the exporter by truck' },
        { at: tallied, type: 'TALLIED', note: null },
        { at: stored, type: 'STORED', note: null },
        {
          at: release + rng.int(20, 60) * MINUTE,
          type: 'RELEASED_FROM_WAREHOUSE',
          note: `Loaded for ${firstLeg.number}`,
        },
      );
      decls.push({
        filed,
        intent: 'RELEASE',
        decided: release,
        reason: null,
        inspectionSite: null,
        inspectionDone: null,
      });
    } else {
      arrivedAt = portLeg.arrives + rng.int(10, 40) * MINUTE;
      const perishable = PERISHABLE.has(kind);
      const tallied = arrivedAt + (perishable ? rng.int(10, 30) : rng.int(20, 90)) * MINUTE;
      const stored = tallied + (perishable ? rng.int(5, 15) : rng.int(5, 45)) * MINUTE;
      events.push(
        { at: arrivedAt, type: 'ARRIVED', note: `Off ${portLeg.number}` },
        { at: tallied, type: 'TALLIED', note: null },
        { at: stored, type: 'STORED', note: null },
      );
      if (kind === 'TRANSIT') {
        const onward = legs[legs.indexOf(portLeg) + 1];
        const transfer = Math.max(stored + 30 * MINUTE, onward.departs - rng.int(60, 180) * MINUTE);
        events.push({
          at: transfer,
          type: 'TRANSFERRED_FOR_TRANSSHIPMENT',
          note: `Onward on ${onward.number}`,
        });
      } else {
        const held = outcome === 'HELD_INSPECTION' || outcome === 'HELD_REVIEW';
        if (held && arrivedAt < DEMO_NOW - HOLD_WINDOW_MS) outcome = 'NORMAL';
        let filed: number;
        let release: number;
        let inspectionSite: string | null = null;
        let inspectionDone: number | null = null;
        if (perishable) {
          filed = stored + rng.int(5, 25) * MINUTE;
          inspectionSite = facility.id;
          inspectionDone = filed + rng.int(30, 75) * MINUTE;
          release = Math.max(
            inspectionDone + 10 * MINUTE,
            arrivedAt + rng.between(2.1, 5.9) * HOUR,
          );
        } else if (kind === 'DRUG') {
          filed = arrivedAt + rng.int(60, 360) * MINUTE;
          release = arrivedAt + rng.between(24, 72) * HOUR;
          inspectionSite = facility.id;
          inspectionDone = Math.max(filed + HOUR, release - rng.int(60, 360) * MINUTE);
        } else if (CBEC.has(kind)) {
          filed = arrivedAt + rng.int(30, 180) * MINUTE;
          release = filed + rng.between(2, 20) * HOUR;
        } else {
          const target = 12 + 36 * rng.float() * rng.float();
          filed = arrivedAt + rng.between(1, Math.max(1.5, target / 2)) * HOUR;
          release = arrivedAt + Math.max(target, (filed - arrivedAt) / HOUR + 2) * HOUR;
        }
        if (outcome === 'LATE_FILING') {
          filed = arrivedAt + rng.between(2, 13) * DAY;
          release = filed + rng.between(4, 30) * HOUR;
        }
        if (outcome === 'INSPECTED') {
          inspectionSite = facility.id;
          inspectionDone = filed + rng.between(4, 20) * HOUR;
          release = inspectionDone + rng.between(1, 6) * HOUR;
        }
        if (outcome === 'REJECTED' || outcome === 'REJECTED_REFILED') {
          const decided = filed + rng.int(60, 480) * MINUTE;
          decls.push({
            filed,
            intent: 'REJECT',
            decided,
            reason: rng.pick(REJECTION_REASONS),
            inspectionSite: null,
            inspectionDone: null,
          });
          if (outcome === 'REJECTED_REFILED') {
            filed = decided + rng.between(2, 30) * HOUR;
            release = filed + rng.between(3, 24) * HOUR;
          }
        }
        if (outcome === 'HELD_INSPECTION') {
          decls.push({
            filed,
            intent: 'HOLD_INSPECTION',
            decided: 0,
            reason: null,
            inspectionSite: inspectionSite ?? facility.id,
            inspectionDone: null,
          });
        } else if (outcome === 'HELD_REVIEW') {
          decls.push({
            filed,
            intent: 'HOLD_REVIEW',
            decided: 0,
            reason: null,
            inspectionSite: null,
            inspectionDone: null,
          });
        } else if (outcome !== 'REJECTED') {
          decls.push({
            filed,
            intent: 'RELEASE',
            decided: release,
            reason: null,
            inspectionSite,
            inspectionDone,
          });
          if (inspectionSite && facility.kind.startsWith('DESIGNATED_SITE')) {
            events.push({
              at: inspectionDone!,
              type: 'INSPECTED_AT_DESIGNATED_SITE',
              note: 'Quarantine inspection passed',
            });
          }
          if (COLD.has(kind) && rng.chance(0.05)) {
            events.push({
              at: stored + (release - stored) * rng.between(0.1, 0.9),
              type: 'TEMPERATURE_EXCURSION',
              note: rng.pick(EXCURSION_NOTES),
            });
          }
          const out = release + (perishable ? rng.int(10, 30) : rng.int(15, 90)) * MINUTE;
          events.push({ at: out, type: 'RELEASED_FROM_WAREHOUSE', note: null });
          events.push({
            at: out + (perishable ? rng.int(10, 60) : rng.int(20, 240)) * MINUTE,
            type: 'PICKED_UP',
            note: null,
          });
        }
      }
    }

    // ---- Rows (everything decided; apply "now" and write).
    const prefix = this.prefixOf(firstLeg);
    if (spec.awb && !spec.awb.startsWith(`${prefix}-`)) {
      throw new Error(
        `demo data: AWB ${spec.awb} is not of ${firstLeg.route.airline} (prefix ${prefix})`,
      );
    }
    const awb = spec.awb ?? this.nextAwb(prefix);
    const s = this.sink;
    legs.forEach((f, i) =>
      s.add('shipment_leg', awb, i + 1, f.number, f.date, f.route.origin, f.route.destination),
    );

    const arrived = arrivedAt <= DEMO_NOW && (isExport || portLeg.arrives <= DEMO_NOW);
    if (arrived) {
      s.add('cargo_arrival', awb, port, facility.id, iso(arrivedAt), pieces, weightKg);
      events.sort((a, b) => a.at - b.at);
      for (const e of events) {
        if (e.at > DEMO_NOW) break;
        s.add('handling_event', awb, iso(e.at), e.type, facility.id, e.note);
      }
    }

    const direction = isExport ? 'EXPORT' : 'IMPORT';
    const total = lines.reduce((sum, l) => sum + l.value, 0) * rate;
    let anyInspection = false;
    let released = 0;
    let releasedCount = 0;
    let rejectedCount = 0;
    let written = 0;
    for (const d of arrived ? decls : []) {
      if (d.filed > DEMO_NOW) continue;
      const number = this.declarationNumber(port, d.filed, direction);
      let status: string;
      let releasedAt: number | null = null;
      let reason: string | null = null;
      let result: string | null = null;
      let completed: number | null = null;
      if (d.intent === 'REJECT') {
        status = d.decided <= DEMO_NOW ? 'REJECTED' : 'UNDER_REVIEW';
        if (status === 'REJECTED') reason = d.reason;
      } else if (d.intent === 'HOLD_INSPECTION') {
        status = 'INSPECTION_REQUIRED';
        result = 'PENDING';
      } else if (d.intent === 'HOLD_REVIEW') {
        status = 'UNDER_REVIEW';
      } else if (d.decided <= DEMO_NOW) {
        status = 'RELEASED';
        releasedAt = d.decided;
        if (d.inspectionSite) {
          result = 'PASSED';
          completed = d.inspectionDone;
        }
      } else if (d.inspectionSite) {
        if (d.inspectionDone! <= DEMO_NOW) {
          status = 'ACCEPTED';
          result = 'PASSED';
          completed = d.inspectionDone;
        } else {
          status = 'INSPECTION_REQUIRED';
          result = 'PENDING';
        }
      } else {
        status =
          DEMO_NOW - d.filed < 30 * MINUTE
            ? 'FILED'
            : Math.floor(d.filed / 1000) % 3 === 0
              ? 'UNDER_REVIEW'
              : 'ACCEPTED';
      }
      if (status === 'INSPECTION_REQUIRED') anyInspection = true;
      if (status === 'RELEASED') {
        releasedCount++;
        released = Math.max(released, releasedAt!);
      }
      if (status === 'REJECTED') rejectedCount++;
      written++;
      s.add(
        'declaration',
        number,
        awb,
        direction,
        officeForPort(port),
        MODE[kind],
        status,
        declarant.uscc,
        iso(d.filed),
        releasedAt === null ? null : iso(releasedAt),
        reason,
        total.toFixed(2),
        currency,
        ZONE[kind] ?? null,
        d.inspectionSite !== null,
        d.inspectionSite,
        result,
        completed === null ? null : iso(completed),
      );
      declarationHistory(
        this.history,
        {
          number,
          status,
          filed: d.filed,
          decided: status === 'RELEASED' || status === 'REJECTED' ? d.decided : null,
          reason,
          inspected: d.inspectionSite !== null,
          inspectionDone: d.inspectionDone,
        },
        this.historyRng,
      );
      lines.forEach((l, i) =>
        s.add(
          'declaration_item',
          number,
          i + 1,
          l.goods.hs,
          l.description,
          l.quantity,
          l.goods.unit,
          (l.value * rate).toFixed(2),
          currency,
          l.origin,
          l.remanufactured,
          l.remanufactured,
          l.approval,
        ),
      );
      const year = beijingYear(d.filed);
      if (kind === 'FRUIT' || kind === 'SEAFOOD') {
        s.add('licence', number, 'A', this.licenceNumber('A', year, originCountry));
        if (variant === 'ATLANTIC_SALMON' || variant === 'PACIFIC_SALMON') {
          s.add('licence', number, 'U', this.licenceNumber('U', year, lines[0].origin));
        }
      }
      if (kind === 'DRUG')
        s.add('licence', number, 'Q', this.licenceNumber('Q', year, originCountry));
    }

    // The clearance summary, by the rule every agency reads it with.
    let clearance: string;
    if (written === 0) clearance = 'NOT_DECLARED';
    else if (anyInspection) clearance = 'INSPECTION';
    else if (rejectedCount === written) clearance = 'REJECTED';
    else if (releasedCount > 0 && releasedCount === written - rejectedCount) clearance = 'RELEASED';
    else clearance = 'IN_PROGRESS';

    const description =
      lines.length === 1
        ? lines[0].description
        : `${lines[0].description} and ${lines.length - 1} more`;
    s.add(
      'shipment',
      awb,
      origin,
      destination,
      port,
      shipper,
      consignee.uscc,
      pieces,
      weightKg,
      description,
      iso(manifested),
      clearance,
      clearance === 'RELEASED' ? iso(released) : null,
    );

    if (category && agent)
      this.consolidatedImport(awb, agent, category, lines, firstLeg, events, port, rng);
    return true;
  }

  private prefixOf(f: Flight): string {
    const prefix = AIRLINE_PREFIX.get(f.route.airline);
    if (!prefix) throw new Error(`demo data: airline ${f.route.airline} has no AWB prefix`);
    return prefix;
  }

  private weigh(spec: ShipmentSpec, kind: Kind, variant: Variant | undefined, rng: Rng) {
    const skew = rng.float() * rng.float();
    let weightKg: number;
    let perPiece: number;
    switch (kind) {
      case 'CBEC_DIRECT':
        weightKg = 5 + 400 * skew;
        perPiece = rng.between(0.8, 3);
        break;
      case 'BONDED_1210':
      case 'ZONE_LOGISTICS':
        weightKg = 200 + 6000 * skew;
        perPiece = rng.between(150, 400);
        break;
      case 'ZGC_MATERIALS':
      case 'ZGC_EXPORT':
        weightKg = 10 + 600 * skew;
        perPiece = rng.between(8, 40);
        break;
      case 'FRUIT':
        weightKg = 800 + 5200 * rng.float();
        perPiece = variant === 'CHERRIES' ? 5.3 : 18;
        break;
      case 'SEAFOOD':
        weightKg = variant === 'SEA_URCHIN' ? 80 + 320 * rng.float() : 400 + 2600 * rng.float();
        perPiece = variant === 'SEA_URCHIN' ? 4.5 : 22;
        break;
      case 'REMANUFACTURED':
        weightKg = 200 + 3800 * skew;
        perPiece = rng.between(150, 450);
        break;
      case 'DRUG':
        weightKg = 8 + 70 * rng.float();
        perPiece = rng.between(12, 30);
        break;
      default:
        weightKg = 20 + 2500 * skew;
        perPiece = rng.between(15, 60);
    }
    weightKg = spec.weightKg ?? Math.round(weightKg * 10) / 10;
    const pieces = spec.pieces ?? Math.max(1, Math.round(weightKg / perPiece));
    return { weightKg, pieces };
  }

  private goodsLines(
    kind: Kind,
    variant: Variant | undefined,
    weightKg: number,
    origin: string,
    approvals: DrugApprovalRef[],
    rng: Rng,
  ): Line[] {
    const line = (goods: Goods, kg: number, extra: Partial<Line> = {}): Line => {
      const raw = kg * goods.perKg;
      const quantity =
        goods.unit === 'kg'
          ? Math.max(0.1, Math.round(raw * 10) / 10)
          : Math.max(1, Math.round(raw));
      return {
        goods,
        description: goods.description,
        quantity,
        value: Math.round(quantity * goods.price * rng.between(0.8, 1.25) * 100) / 100,
        origin,
        remanufactured: false,
        approval: null,
        institution: null,
        ...extra,
      };
    };
    const several = (catalog: readonly Goods[], max: number) => {
      const n = rng.int(1, max);
      const out: Line[] = [];
      for (let i = 0; i < n; i++) out.push(line(rng.pick(catalog), weightKg / n));
      return out;
    };
    switch (kind) {
      case 'FRUIT':
        return [line(variant === 'CHERRIES' ? CHERRIES : DURIAN, weightKg * 0.9)];
      case 'SEAFOOD':
        return [
          line(
            variant === 'SEA_URCHIN'
              ? SEA_URCHIN
              : variant === 'PACIFIC_SALMON'
                ? PACIFIC_SALMON
                : ATLANTIC_SALMON,
            weightKg * 0.8,
            // Norwegian salmon flown via Frankfurt is of Norwegian origin.
            variant === 'ATLANTIC_SALMON' && origin === 'NO' ? { origin: 'NO' } : {},
          ),
        ];
      case 'REMANUFACTURED': {
        const out = several(REMANUFACTURED_GOODS, 2).map((l) => ({ ...l, remanufactured: true }));
        if (rng.chance(0.3)) out.push(line(rng.pick(GENERAL_GOODS), weightKg * 0.1));
        return out;
      }
      case 'DRUG': {
        const n = Math.min(approvals.length, rng.int(1, 3));
        const out: Line[] = [];
        const used = new Set<string>();
        for (let i = 0; i < n; i++) {
          const a = rng.pick(approvals);
          const institution = rng.pick(a.units);
          const key = `${a.number}|${institution}`;
          if (used.has(key)) continue;
          used.add(key);
          const quantity = rng.int(1, 4);
          out.push({
            goods: { hs: a.hsCode, description: a.product, unit: a.unit, price: a.price, perKg: 0 },
            description: `${a.product}, for ${INSTITUTION_NAME.get(institution)}`,
            quantity,
            value: Math.round(quantity * a.price * 100) / 100,
            origin: a.origin,
            remanufactured: false,
            approval: a.number,
            institution,
          });
        }
        return out;
      }
      case 'CBEC_DIRECT':
      case 'BONDED_1210':
        return several(CBEC_GOODS, 4);
      case 'ZONE_LOGISTICS':
        return several(ZONE_LOGISTICS_GOODS, 2);
      case 'ZGC_MATERIALS':
        return several(ZGC_MATERIALS, 3);
      case 'ZGC_EXPORT':
        return several(ZGC_FINISHED, 2);
      case 'EXPORT_B2B':
      case 'EXPORT_WAREHOUSE':
        return several(EXPORT_GOODS, 3);
      default:
        return several(GENERAL_GOODS, 3);
    }
  }

  /**
   * The drug side of a drug shipment: the agent's consolidated import (one line per hospital
   * need) and customs' special-goods application for it, linked both ways.
   */
  private consolidatedImport(
    awb: string,
    agent: AgentRef,
    category: DrugCategory,
    lines: Line[],
    firstLeg: Flight,
    events: Event[],
    port: string,
    rng: Rng,
  ): void {
    const n = this.counters.consolidated++;
    const submitted = firstLeg.scheduledDeparture - rng.between(10, 30) * DAY;
    const decided = submitted + rng.between(2, 7) * DAY;
    const created = submitted - rng.between(5, 25) * DAY;
    const year = beijingYear(submitted);
    const id = `CI-${year}-${String(n + 1).padStart(6, '0')}`;
    const number = `SGA-${officeForPort(port)}-${year}-${String(n + 1).padStart(6, '0')}`;
    const validUntilDay = Math.floor(decided / DAY) + 365;
    const appStatus =
      decided > DEMO_NOW ? 'UNDER_REVIEW' : validUntilDay < DEMO_NOW_DAY ? 'EXPIRED' : 'APPROVED';
    const pickedUp = events.find((e) => e.type === 'PICKED_UP');
    const ciStatus =
      pickedUp && pickedUp.at <= DEMO_NOW
        ? 'DELIVERED'
        : firstLeg.departs <= DEMO_NOW
          ? 'IN_TRANSIT'
          : decided <= DEMO_NOW
            ? 'APPROVED'
            : 'SUBMITTED';
    const s = this.sink;
    s.add(
      'special_goods_application',
      number,
      agent.uscc,
      category === 'CELL_THERAPY' ? 'HUMAN_TISSUE' : 'BIOLOGICAL_PRODUCT',
      'D',
      appStatus,
      iso(submitted),
      appStatus === 'UNDER_REVIEW' ? null : iso(decided),
      appStatus === 'UNDER_REVIEW' ? null : isoDate(validUntilDay),
      id,
    );
    s.add('special_goods_shipment', number, awb);
    s.add('consolidated_import', id, agent.uscc, ciStatus, iso(created), iso(submitted));
    applicationHistory(
      this.history,
      number,
      appStatus,
      submitted,
      appStatus === 'UNDER_REVIEW' ? null : decided,
      appStatus === 'UNDER_REVIEW' ? null : isoDate(validUntilDay),
      this.historyRng,
    );
    consolidatedImportHistory(this.history, id, ciStatus, {
      created,
      submitted,
      approved: decided,
      departed: firstLeg.departs,
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
  pendingConsolidatedImports(count: number, rng: Rng): void {
    const s = this.sink;
    for (let k = 0; k < count; k++) {
      const n = this.counters.consolidated++;
      const agent = AGENTS[k % AGENTS.length];
      const category = agent.categories[k % agent.categories.length];
      const approvals = DRUG_APPROVALS.filter(
        (a) => a.category === category && a.status === 'VALID',
      );
      const created = DEMO_NOW - rng.between(2, 40) * DAY;
      const year = beijingYear(created);
      const id = `CI-${year}-${String(n + 1).padStart(6, '0')}`;
      const collecting = k % 2 === 0 || category === 'REGISTERED_DRUG';
      let submitted: number | null = null;
      if (!collecting) {
        submitted = created + rng.between(1, 2) * DAY;
        // The application names the consolidated import (customs records the link).
        const appNumber = `SGA-0101-${beijingYear(submitted)}-${String(n + 1).padStart(6, '0')}`;
        s.add(
          'special_goods_application',
          appNumber,
          agent.uscc,
          category === 'CELL_THERAPY' ? 'HUMAN_TISSUE' : 'BIOLOGICAL_PRODUCT',
          'D',
          k % 4 === 1 ? 'SUBMITTED' : 'UNDER_REVIEW',
          iso(submitted),
          null,
          null,
          id,
        );
        applicationHistory(
          this.history,
          appNumber,
          k % 4 === 1 ? 'SUBMITTED' : 'UNDER_REVIEW',
          submitted,
          null,
          null,
          this.historyRng,
        );
      }
      const ciStatus = collecting ? 'COLLECTING' : 'SUBMITTED';
      s.add(
        'consolidated_import',
        id,
        agent.uscc,
        ciStatus,
        iso(created),
        submitted === null ? null : iso(submitted),
      );
      consolidatedImportHistory(this.history, id, ciStatus, {
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
}
