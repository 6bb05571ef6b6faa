import { makeAwb } from '../../subgraphs/kit/identifiers';
import { Cargo, packCargo } from './cargo';
import { shippersFrom, Variant } from './catalog';
import { DATA_START_DAY, DEMO_NOW, DEMO_NOW_DAY } from './config';
import { writeDeclarations } from './declarations';
import {
  chooseDrugSupply,
  DrugSupply,
  writeConsolidatedImport,
  writePendingConsolidatedImports,
} from './drug-imports';
import { FlightTable } from './flights';
import { HistoryWriter } from './history';
import { firstDayOf, isExport, Kind, KIND_MIX, PROFILE } from './kinds';
import {
  AIRLINE_BY_IATA,
  BROKER_COUNT,
  EnterpriseRef,
  facilityFor,
  FacilityRef,
  PKX_AQUATIC_FIRST_DAY,
  PKX_FRUIT_FIRST_DAY,
} from './reference';
import { Rng } from './rng';
import { planTrip, Trip } from './routing';
import { RowSink } from './tables';
import { HubTimeline, Outcome, planHubTimeline } from './timeline';
import { iso, isoDate, MINUTE } from './time';
import { DeclarationState, DrugCategory, FacilityKind, summariseClearance } from './vocabulary';

export type { Kind } from './kinds';
export type { Outcome } from './timeline';

export interface ShipmentSpec {
  awb?: string;
  kind: Kind;
  /** First day on which to look for the first leg's flight. */
  day: number;
  /** Route ids of the legs, in order (chosen by kind when absent). */
  chain?: readonly string[];
  variant?: Variant;
  drugCategory?: `${DrugCategory}`;
  weightKg?: number;
  pieces?: number;
  outcome?: Outcome;
}

export interface Counters {
  awb: Map<string, number>;
  declaration: number;
  licence: number;
  consolidated: number;
}

/** Where the generator's rows go, and the state that numbers them. */
export interface Output {
  sink: RowSink;
  history: HistoryWriter;
  /**
   * Times the steps of the status histories: a stream of its own, so that the records
   * themselves do not change with how their histories are drawn.
   */
  historyRng: Rng;
  counters: Counters;
}

/** Who ships, who receives and who declares. */
interface Parties {
  shipper: string;
  consignee: EnterpriseRef;
  declarant: EnterpriseRef;
}

/**
 * Generates shipments with everything every agency records about them, into a RowSink. All
 * randomness comes from the Rng passed in; all counters live in `counters`, so a run is a pure
 * function of the seed and the order of calls.
 */
export class ShipmentGenerator {
  readonly counters: Counters = { awb: new Map(), declaration: 0, licence: 0, consolidated: 0 };
  private readonly out: Output;
  private readonly consignees: EnterpriseRef[];
  private readonly brokers: EnterpriseRef[];

  constructor(
    readonly flights: FlightTable,
    enterprises: readonly EnterpriseRef[],
    sink: RowSink,
    historyRng: Rng,
  ) {
    this.brokers = enterprises.slice(0, BROKER_COUNT);
    this.consignees = enterprises.slice(BROKER_COUNT);
    this.out = { sink, history: new HistoryWriter(sink), historyRng, counters: this.counters };
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
    const kind = rng.weighted(KIND_MIX.kinds, KIND_MIX.weights);
    const day = this.randomDay(rng, firstDayOf(kind));
    let outcome: Outcome = 'NORMAL';
    if (!isExport(kind) && kind !== 'TRANSIT') {
      const u = rng.float();
      if (PROFILE[kind].perishable || kind === 'DRUG') {
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
      spec = { ...spec, day: Math.max(firstDayOf(spec.kind), spec.day - back) };
      if (attempt === 30) spec = { kind: 'GENERAL', day: spec.day, outcome: 'NORMAL' };
    }
    throw new Error(
      `demo data: no flight found for a ${spec.kind} shipment near ${isoDate(spec.day)}`,
    );
  }

  // -------------------------------------------------------------------------------------------
  // One shipment

  /**
   * Builds one shipment from a spec and writes all its rows. Returns false (writing nothing)
   * when the spec does not fit the world on its day (no flight, agent, facility or manifest
   * before "now"), so the caller can try another day. Every step draws from `rng` in this order.
   */
  build(spec: ShipmentSpec, rng: Rng): boolean {
    if (spec.day < firstDayOf(spec.kind)) return false;
    const trip = planTrip(this.flights, spec, rng);
    if (!trip) return false;
    const drugs = chooseDrugSupply(spec, rng);
    if (!drugs) return false;
    const facility = this.receivingFacility(spec.kind, trip, rng);
    if (!facility) return false;
    const manifested = this.manifestTime(spec.kind, trip, rng);
    if (manifested > DEMO_NOW) return false;
    const cargo = packCargo(spec, trip, drugs, rng);
    const parties = this.chooseParties(spec.kind, cargo, drugs, rng);
    const hub = planHubTimeline(spec, trip, facility, rng);

    const awb = this.awbFor(spec, trip);
    this.writeLegs(awb, trip);
    const arrived = this.writeArrival(awb, spec.kind, trip, facility, cargo, hub);
    const declarations = arrived
      ? writeDeclarations(
          this.out,
          awb,
          spec.kind,
          trip,
          cargo,
          parties.declarant.uscc,
          hub.declarations,
        )
      : [];
    this.writeShipment(awb, trip, cargo, parties, manifested, declarations);
    if (drugs.agent) {
      writeConsolidatedImport(this.out, awb, drugs, cargo.lines, trip, hub.events, rng);
    }
    return true;
  }

  /** Where the cargo is received at the hub: a facility operating by then, of the kind's sort. */
  private receivingFacility(kind: Kind, trip: Trip, rng: Rng): FacilityRef | undefined {
    const sort = facilityKindFor(kind, trip, rng);
    const facility = facilityFor(trip.port, sort, trip.portDay);
    if (!facility || trip.port !== 'PKX') return facility;
    // The PKX designated sites were approved weeks before their first shipment.
    if (kind === 'FRUIT' && trip.portDay < PKX_FRUIT_FIRST_DAY) return undefined;
    if (kind === 'SEAFOOD' && trip.portDay < PKX_AQUATIC_FIRST_DAY) return undefined;
    return facility;
  }

  /** The manifest: at least 4 h before arrival at the hub, hours before an export leaves. */
  private manifestTime(kind: Kind, trip: Trip, rng: Rng): number {
    if (isExport(kind)) return trip.firstLeg.departs - rng.int(180, 480) * MINUTE;
    return Math.min(
      trip.firstLeg.scheduledDeparture - rng.int(90, 1080) * MINUTE,
      trip.portLeg.arrives - (240 + rng.int(0, 60)) * MINUTE,
    );
  }

  /**
   * The consignee (a few big customers receive most), who declares for it (itself or a broker;
   * a drug agent does both) and the shipper abroad (the consignee itself for exports).
   */
  private chooseParties(kind: Kind, cargo: Cargo, drugs: DrugSupply, rng: Rng): Parties {
    const consignee = drugs.agent ?? this.consignees[rng.skewedIndex(this.consignees.length)];
    const declarant =
      drugs.agent ??
      (rng.chance(0.35) ? consignee : this.brokers[rng.int(0, this.brokers.length - 1)]);
    const shipper = isExport(kind) ? consignee.name : rng.pick(shippersFrom(cargo.originCountry));
    return { shipper, consignee, declarant };
  }

  /** The spec's AWB (of the first leg's airline), or the airline's next serial. */
  private awbFor(spec: ShipmentSpec, trip: Trip): string {
    const airline = trip.firstLeg.route.airline;
    const prefix = AIRLINE_BY_IATA.get(airline)?.prefix;
    if (!prefix) throw new Error(`demo data: airline ${airline} has no AWB prefix`);
    if (spec.awb && !spec.awb.startsWith(`${prefix}-`)) {
      throw new Error(`demo data: AWB ${spec.awb} is not of ${airline} (prefix ${prefix})`);
    }
    return spec.awb ?? this.nextAwb(prefix);
  }

  /** Serials spread over the prefix's range (a multiplicative step), never one twice. */
  private nextAwb(prefix: string): string {
    const c = this.counters.awb.get(prefix) ?? 0;
    this.counters.awb.set(prefix, c + 1);
    if (c >= 4999999) throw new Error(`demo data: AWB serials of prefix ${prefix} exhausted`);
    return makeAwb(prefix, 5000000 + ((c * 7919) % 4999999));
  }

  private writeLegs(awb: string, trip: Trip): void {
    trip.legs.forEach((f, i) =>
      this.out.sink.add(
        'shipment_leg',
        awb,
        i + 1,
        f.number,
        f.date,
        f.route.origin,
        f.route.destination,
      ),
    );
  }

  /**
   * The cargo's arrival at the hub and its handling events up to "now", once it is there (an
   * import once its flight has landed). Returns whether it has arrived.
   */
  private writeArrival(
    awb: string,
    kind: Kind,
    trip: Trip,
    facility: FacilityRef,
    cargo: Cargo,
    hub: HubTimeline,
  ): boolean {
    const arrived =
      hub.arrivedAt <= DEMO_NOW && (isExport(kind) || trip.portLeg.arrives <= DEMO_NOW);
    if (!arrived) return false;
    const s = this.out.sink;
    s.add(
      'cargo_arrival',
      awb,
      trip.port,
      facility.id,
      iso(hub.arrivedAt),
      cargo.pieces,
      cargo.weightKg,
    );
    hub.events.sort((a, b) => a.at - b.at);
    for (const e of hub.events) {
      if (e.at > DEMO_NOW) break;
      s.add('handling_event', awb, iso(e.at), e.type, facility.id, e.note);
    }
    return true;
  }

  /** The shipment, with its clearance summed up from its declarations by customs' rule. */
  private writeShipment(
    awb: string,
    trip: Trip,
    cargo: Cargo,
    parties: Parties,
    manifested: number,
    declarations: readonly DeclarationState[],
  ): void {
    const clearance = summariseClearance(declarations);
    const { lines } = cargo;
    const description =
      lines.length === 1
        ? lines[0].description
        : `${lines[0].description} and ${lines.length - 1} more`;
    this.out.sink.add(
      'shipment',
      awb,
      trip.origin,
      trip.destination,
      trip.port,
      parties.shipper,
      parties.consignee.uscc,
      cargo.pieces,
      cargo.weightKg,
      description,
      iso(manifested),
      clearance.status,
      clearance.releasedAt === null ? null : iso(clearance.releasedAt.getTime()),
    );
  }

  /**
   * Consolidated imports still being collected or awaiting approval, with no shipment yet: the
   * agents' work in progress at "now".
   */
  pendingConsolidatedImports(count: number, rng: Rng): void {
    writePendingConsolidatedImports(this.out, count, rng);
  }
}

/** The sort of facility a kind of shipment is received in. */
function facilityKindFor(kind: Kind, trip: Trip, rng: Rng): FacilityKind {
  switch (kind) {
    case 'FRUIT':
      return FacilityKind.DESIGNATED_SITE_FRUIT;
    case 'SEAFOOD':
      return FacilityKind.DESIGNATED_SITE_CHILLED_AQUATIC;
    case 'DRUG':
      return FacilityKind.COLD_CHAIN_WAREHOUSE;
    case 'CBEC_DIRECT':
      // The express integrators clear their parcels in the express centre.
      return ['FX', '5X'].includes(trip.firstLeg.route.airline) || rng.chance(0.4)
        ? FacilityKind.INTERNATIONAL_EXPRESS_WAREHOUSE
        : FacilityKind.CROSS_BORDER_ECOMMERCE_WAREHOUSE;
    case 'BONDED_1210':
    case 'EXPORT_B2B':
    case 'EXPORT_WAREHOUSE':
      return FacilityKind.CROSS_BORDER_ECOMMERCE_WAREHOUSE;
    case 'ZONE_LOGISTICS':
    case 'TRANSIT':
      return FacilityKind.CONSOLIDATED_CARGO_WAREHOUSE;
    default:
      return rng.chance(0.75)
        ? FacilityKind.GENERAL_CARGO_WAREHOUSE
        : FacilityKind.CONSOLIDATED_CARGO_WAREHOUSE;
  }
}
