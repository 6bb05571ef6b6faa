import { invalidTransition, StateMachine } from '../kit';
import { FacilityStatus } from './entities/facility';
import { HandlingEventType } from './entities/shipment';

const { PLANNED, UNDER_CONSTRUCTION, OPERATIONAL } = FacilityStatus;

/**
 * A facility's life: planned, built, then operational. Strictly forward, one step at a time (a
 * planned facility is built before it opens), and OPERATIONAL is final in this model.
 */
export const FACILITY_LIFECYCLE = new StateMachine<FacilityStatus>('Facility', {
  [PLANNED]: [UNDER_CONSTRUCTION],
  [UNDER_CONSTRUCTION]: [OPERATIONAL],
  [OPERATIONAL]: [],
});

const {
  ARRIVED,
  TALLIED,
  STORED,
  INSPECTED_AT_DESIGNATED_SITE: INSPECTED,
  TEMPERATURE_EXCURSION: EXCURSION,
  RELEASED_FROM_WAREHOUSE: RELEASED,
  PICKED_UP,
  TRANSFERRED_FOR_TRANSSHIPMENT: TRANSFERRED,
} = HandlingEventType;

/**
 * The cargo's lifecycle at a Beijing hub, as the handling event that may follow the cargo's
 * current step. The current step is the last event that moved the cargo: a temperature excursion
 * is an incident, not a step, so it may happen at any point before the cargo leaves and does not
 * change what may follow. Arrival and tally are written by `recordArrival`; the cargo is released
 * from the warehouse before it is picked up; pick-up and transfer to an onward flight are final.
 */
export const CARGO_LIFECYCLE = new StateMachine<HandlingEventType>('Shipment', {
  [ARRIVED]: [TALLIED, EXCURSION],
  [TALLIED]: [STORED, INSPECTED, EXCURSION, RELEASED, TRANSFERRED],
  [STORED]: [STORED, INSPECTED, EXCURSION, RELEASED, TRANSFERRED],
  [INSPECTED]: [STORED, INSPECTED, EXCURSION, RELEASED, TRANSFERRED],
  [RELEASED]: [EXCURSION, PICKED_UP, TRANSFERRED],
  [PICKED_UP]: [],
  [TRANSFERRED]: [],
  // Never a current step (see above); listed because every event type is a state of the machine.
  [EXCURSION]: [],
});

/** The events that end the airport's handling of the cargo: nothing may be recorded after them. */
export const FINAL_EVENTS: readonly HandlingEventType[] = [PICKED_UP, TRANSFERRED];

/**
 * The cargo's current step from its events in chronological order: the last one that is not a
 * temperature excursion, or TALLIED when the arrival was recorded without events (the arrival
 * is the tally).
 */
export function currentCargoStep(events: readonly HandlingEventType[]): HandlingEventType {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i] !== EXCURSION) return events[i];
  }
  return TALLIED;
}

/** Throws INVALID_STATE_TRANSITION unless an event of type `next` may follow `events`. */
export function assertNextEvent(
  awb: string,
  events: readonly HandlingEventType[],
  next: HandlingEventType,
): void {
  const last = events[events.length - 1];
  if (last !== undefined && FINAL_EVENTS.includes(last)) {
    throw invalidTransition(
      'Shipment',
      awb,
      last,
      next,
      `${last} is final: the cargo has left the airport's handling`,
    );
  }
  const current = currentCargoStep(events);
  if (next === PICKED_UP && !CARGO_LIFECYCLE.can(current, next)) {
    throw invalidTransition(
      'Shipment',
      awb,
      current,
      next,
      'the cargo must be RELEASED_FROM_WAREHOUSE before it is PICKED_UP',
    );
  }
  CARGO_LIFECYCLE.assert(awb, current, next);
}
