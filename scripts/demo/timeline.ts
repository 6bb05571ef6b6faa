import { EXCURSION_NOTES, REJECTION_REASONS } from './catalog';
import { DEMO_NOW, HOLD_WINDOW_MS } from './config';
import { Flight } from './flights';
import { isExport, Kind, PROFILE } from './kinds';
import { FacilityRef } from './reference';
import { Rng } from './rng';
import type { Trip } from './routing';
import type { ShipmentSpec } from './shipments';
import { DAY, HOUR, MINUTE } from './time';
import { FacilityKind, HandlingEventType } from './vocabulary';

/**
 * What happens to a shipment at the Beijing hub, planned to the end whatever "now" is: the
 * handling events and the declarations with what customs will decide. Writing the rows cuts the
 * plan at "now".
 */

/** How its clearance goes. Held outcomes only stay held close to "now". */
export type Outcome =
  | 'NORMAL'
  | 'INSPECTED'
  | 'LATE_FILING'
  | 'REJECTED'
  | 'REJECTED_REFILED'
  | 'HELD_INSPECTION'
  | 'HELD_REVIEW';

export interface HubEvent {
  at: number;
  type: `${HandlingEventType}`;
  note: string | null;
}

/** A declaration and what will become of it. */
export interface DeclarationPlan {
  filed: number;
  /** RELEASE: released at `decided`; REJECT: rejected at `decided`; HOLD_*: never decided. */
  intent: 'RELEASE' | 'REJECT' | 'HOLD_INSPECTION' | 'HOLD_REVIEW';
  decided: number;
  reason: string | null;
  inspectionSite: string | null;
  inspectionDone: number | null;
}

export interface HubTimeline {
  arrivedAt: number;
  events: HubEvent[];
  declarations: DeclarationPlan[];
}

/** When a declaration is filed and released, and where and when its goods are inspected. */
interface Clearance {
  filed: number;
  release: number;
  inspectionSite: string | null;
  inspectionDone: number | null;
}

const DESIGNATED_SITES = new Set<string>([
  FacilityKind.DESIGNATED_SITE_FRUIT,
  FacilityKind.DESIGNATED_SITE_CHILLED_AQUATIC,
]);

const E = HandlingEventType;

export function planHubTimeline(
  spec: ShipmentSpec,
  trip: Trip,
  facility: FacilityRef,
  rng: Rng,
): HubTimeline {
  return isExport(spec.kind)
    ? exportTimeline(trip.firstLeg, rng)
    : importTimeline(spec, trip, facility, rng);
}

/** An export: trucked in, tallied, stored, declared and released hours before its flight. */
function exportTimeline(flight: Flight, rng: Rng): HubTimeline {
  const release = flight.departs - rng.int(120, 360) * MINUTE;
  const filed = release - rng.int(20, 150) * MINUTE;
  const stored = filed - rng.int(10, 60) * MINUTE;
  const tallied = stored - rng.int(10, 30) * MINUTE;
  const arrivedAt = tallied - rng.int(15, 60) * MINUTE;
  const events: HubEvent[] = [
    { at: arrivedAt, type: E.ARRIVED, note: 'Received from the exporter by truck' },
    { at: tallied, type: E.TALLIED, note: null },
    { at: stored, type: E.STORED, note: null },
    {
      at: release + rng.int(20, 60) * MINUTE,
      type: E.RELEASED_FROM_WAREHOUSE,
      note: `Loaded for ${flight.number}`,
    },
  ];
  const declaration = released({ filed, release, inspectionSite: null, inspectionDone: null });
  return { arrivedAt, events, declarations: [declaration] };
}

/** An import (or transit): off the plane, tallied and stored; then transferred or cleared. */
function importTimeline(
  spec: ShipmentSpec,
  trip: Trip,
  facility: FacilityRef,
  rng: Rng,
): HubTimeline {
  const { arrivedAt, stored, events } = arrive(spec.kind, trip.portLeg, rng);
  if (spec.kind === 'TRANSIT') {
    events.push(transferOnward(trip, stored, rng));
    return { arrivedAt, events, declarations: [] };
  }
  const outcome = outcomeAt(spec.outcome ?? 'NORMAL', arrivedAt);
  const planned = clearanceClock(spec.kind, arrivedAt, stored, facility, rng);
  const clearance = delayedByOutcome(outcome, planned, arrivedAt, facility, rng);
  const declarations: DeclarationPlan[] = [];
  let standing = clearance;
  if (outcome === 'REJECTED' || outcome === 'REJECTED_REFILED') {
    const rejected = rejection(clearance.filed, rng);
    declarations.push(rejected);
    if (outcome === 'REJECTED_REFILED') standing = refiling(clearance, rejected.decided, rng);
  }
  if (outcome === 'HELD_INSPECTION') {
    declarations.push(
      held('HOLD_INSPECTION', standing.filed, standing.inspectionSite ?? facility.id),
    );
  } else if (outcome === 'HELD_REVIEW') {
    declarations.push(held('HOLD_REVIEW', standing.filed, null));
  } else if (outcome !== 'REJECTED') {
    declarations.push(released(standing));
    events.push(...releaseEvents(spec.kind, standing, stored, facility, rng));
  }
  return { arrivedAt, events, declarations };
}

function arrive(kind: Kind, portLeg: Flight, rng: Rng) {
  const perishable = PROFILE[kind].perishable;
  const arrivedAt = portLeg.arrives + rng.int(10, 40) * MINUTE;
  const tallied = arrivedAt + (perishable ? rng.int(10, 30) : rng.int(20, 90)) * MINUTE;
  const stored = tallied + (perishable ? rng.int(5, 15) : rng.int(5, 45)) * MINUTE;
  const events: HubEvent[] = [
    { at: arrivedAt, type: E.ARRIVED, note: `Off ${portLeg.number}` },
    { at: tallied, type: E.TALLIED, note: null },
    { at: stored, type: E.STORED, note: null },
  ];
  return { arrivedAt, stored, events };
}

/** Transit cargo is handed to its onward flight an hour or three before it leaves. */
function transferOnward(trip: Trip, stored: number, rng: Rng): HubEvent {
  const onward = trip.legs[trip.legs.indexOf(trip.portLeg) + 1];
  return {
    at: Math.max(stored + 30 * MINUTE, onward.departs - rng.int(60, 180) * MINUTE),
    type: E.TRANSFERRED_FOR_TRANSSHIPMENT,
    note: `Onward on ${onward.number}`,
  };
}

/** Holds are only still open near "now"; older ones were long released. */
function outcomeAt(outcome: Outcome, arrivedAt: number): Outcome {
  const held = outcome === 'HELD_INSPECTION' || outcome === 'HELD_REVIEW';
  return held && arrivedAt < DEMO_NOW - HOLD_WINDOW_MS ? 'NORMAL' : outcome;
}

/**
 * The usual pace of clearance by kind: perishables inspected at their designated site and out
 * within hours, drugs inspected and released in one to three days, cross-border e-commerce
 * within a day, general cargo typically within one or two.
 */
function clearanceClock(
  kind: Kind,
  arrivedAt: number,
  stored: number,
  facility: FacilityRef,
  rng: Rng,
): Clearance {
  const profile = PROFILE[kind];
  if (profile.perishable) {
    const filed = stored + rng.int(5, 25) * MINUTE;
    const inspectionDone = filed + rng.int(30, 75) * MINUTE;
    const release = Math.max(
      inspectionDone + 10 * MINUTE,
      arrivedAt + rng.between(2.1, 5.9) * HOUR,
    );
    return { filed, release, inspectionSite: facility.id, inspectionDone };
  }
  if (kind === 'DRUG') {
    const filed = arrivedAt + rng.int(60, 360) * MINUTE;
    const release = arrivedAt + rng.between(24, 72) * HOUR;
    const inspectionDone = Math.max(filed + HOUR, release - rng.int(60, 360) * MINUTE);
    return { filed, release, inspectionSite: facility.id, inspectionDone };
  }
  if (profile.crossBorderEcommerce) {
    const filed = arrivedAt + rng.int(30, 180) * MINUTE;
    return { filed, release: filed + rng.between(2, 20) * HOUR, ...NOT_INSPECTED };
  }
  const target = 12 + 36 * rng.float() * rng.float();
  const filed = arrivedAt + rng.between(1, Math.max(1.5, target / 2)) * HOUR;
  const release = arrivedAt + Math.max(target, (filed - arrivedAt) / HOUR + 2) * HOUR;
  return { filed, release, ...NOT_INSPECTED };
}

const NOT_INSPECTED = { inspectionSite: null, inspectionDone: null };

/** A late filing (days after arrival) or an inspection ordered on a general declaration. */
function delayedByOutcome(
  outcome: Outcome,
  clearance: Clearance,
  arrivedAt: number,
  facility: FacilityRef,
  rng: Rng,
): Clearance {
  if (outcome === 'LATE_FILING') {
    const filed = arrivedAt + rng.between(2, 13) * DAY;
    return { ...clearance, filed, release: filed + rng.between(4, 30) * HOUR };
  }
  if (outcome === 'INSPECTED') {
    const inspectionDone = clearance.filed + rng.between(4, 20) * HOUR;
    return {
      ...clearance,
      inspectionSite: facility.id,
      inspectionDone,
      release: inspectionDone + rng.between(1, 6) * HOUR,
    };
  }
  return clearance;
}

/** A declaration rejected hours after filing, with the reason. */
function rejection(filed: number, rng: Rng): DeclarationPlan {
  const decided = filed + rng.int(60, 480) * MINUTE;
  return {
    filed,
    intent: 'REJECT',
    decided,
    reason: rng.pick(REJECTION_REASONS),
    inspectionSite: null,
    inspectionDone: null,
  };
}

/** Filed again after a rejection, and released. */
function refiling(clearance: Clearance, rejectedAt: number, rng: Rng): Clearance {
  const filed = rejectedAt + rng.between(2, 30) * HOUR;
  return { ...clearance, filed, release: filed + rng.between(3, 24) * HOUR };
}

function held(
  intent: 'HOLD_INSPECTION' | 'HOLD_REVIEW',
  filed: number,
  inspectionSite: string | null,
): DeclarationPlan {
  return { filed, intent, decided: 0, reason: null, inspectionSite, inspectionDone: null };
}

function released(c: Clearance): DeclarationPlan {
  return {
    filed: c.filed,
    intent: 'RELEASE',
    decided: c.release,
    reason: null,
    inspectionSite: c.inspectionSite,
    inspectionDone: c.inspectionDone,
  };
}

/**
 * After release: the designated site's inspection on record, now and then a temperature
 * excursion of cold cargo, out of the warehouse and picked up.
 */
function releaseEvents(
  kind: Kind,
  c: Clearance,
  stored: number,
  facility: FacilityRef,
  rng: Rng,
): HubEvent[] {
  const { perishable, coldChain } = PROFILE[kind];
  const events: HubEvent[] = [];
  if (c.inspectionSite && DESIGNATED_SITES.has(facility.kind)) {
    events.push({
      at: c.inspectionDone!,
      type: E.INSPECTED_AT_DESIGNATED_SITE,
      note: 'Quarantine inspection passed',
    });
  }
  if (coldChain && rng.chance(0.05)) {
    events.push({
      at: stored + (c.release - stored) * rng.between(0.1, 0.9),
      type: E.TEMPERATURE_EXCURSION,
      note: rng.pick(EXCURSION_NOTES),
    });
  }
  const out = c.release + (perishable ? rng.int(10, 30) : rng.int(15, 90)) * MINUTE;
  events.push({ at: out, type: E.RELEASED_FROM_WAREHOUSE, note: null });
  events.push({
    at: out + (perishable ? rng.int(10, 60) : rng.int(20, 240)) * MINUTE,
    type: E.PICKED_UP,
    note: null,
  });
  return events;
}
