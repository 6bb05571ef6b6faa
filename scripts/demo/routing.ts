import { Variant } from './catalog';
import { Flight, FlightTable } from './flights';
import { isExport, Kind } from './kinds';
import { isHub, PKX_AQUATIC_FIRST_DAY, PKX_FRUIT_FIRST_DAY, RouteRef, ROUTES } from './reference';
import { Rng } from './rng';
import type { ShipmentSpec } from './shipments';
import { DAY, HOUR } from './time';
import { Region } from './vocabulary';

/** How a shipment flies: its booked legs and where it passes the Beijing hub. */
export interface Trip {
  legs: Flight[];
  variant?: Variant;
  firstLeg: Flight;
  /** The leg that lands at the hub (an import or transit) or leaves it (an export). */
  portLeg: Flight;
  /** The hub, PEK or PKX. */
  port: string;
  /** UTC day of the port leg's landing or take-off. */
  portDay: number;
  origin: string;
  destination: string;
}

const INBOUND = ROUTES.filter((r) => isHub(r.destination) && !isHub(r.origin));
const OUTBOUND = ROUTES.filter((r) => isHub(r.origin) && !isHub(r.destination));

/** Where the advanced therapies and urgent drugs come from [A]. */
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

/** Long-haul into Beijing, then on to Asia or Oceania. */
const TRANSIT_PAIRS: [RouteRef, RouteRef][] = [];
for (const a of INBOUND) {
  if (a.region === Region.ASIA || a.region === Region.OCEANIA) continue;
  for (const b of OUTBOUND) {
    if (b.origin === a.destination && (b.region === Region.ASIA || b.region === Region.OCEANIA)) {
      TRANSIT_PAIRS.push([a, b]);
    }
  }
}

/** The routes a kind of shipment flies (ids, in order), and the fresh goods that decide them. */
function chooseChain(spec: ShipmentSpec, rng: Rng): { chain: string[]; variant?: Variant } | null {
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
      return one(inboundTo('PEK', (r) => r.region !== Region.MIDDLE_EAST));
    case 'REMANUFACTURED':
      return one(
        inboundTo(
          null,
          (r) =>
            r.region === Region.EUROPE || r.region === Region.NORTH_AMERICA || r.origin === 'NRT',
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
      const list = OUTBOUND.filter(
        (r) => r.region === Region.EUROPE || r.region === Region.NORTH_AMERICA,
      );
      return { chain: [rng.pick(list).id] };
    }
    case 'ZGC_EXPORT': {
      const list = OUTBOUND.filter((r) => r.origin === 'PEK' && r.region !== Region.MIDDLE_EAST);
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

/** Books the first flight within 6 days of `day`, then each connection after the one before. */
function book(flights: FlightTable, chain: readonly string[], day: number, kind: Kind) {
  const first = flights.firstFrom(chain[0], day, 6);
  if (!first) return null;
  const legs = [first];
  for (let i = 1; i < chain.length; i++) {
    const connect = (kind === 'TRANSIT' ? 4 : 2.5) * HOUR;
    const next = flights.departingAfter(chain[i], legs[i - 1].arrives + connect);
    if (!next) return null;
    legs.push(next);
  }
  return legs;
}

/** The spec's chain (or one chosen for its kind), booked; null when no flight fits. */
export function planTrip(flights: FlightTable, spec: ShipmentSpec, rng: Rng): Trip | null {
  const choice = spec.chain
    ? { chain: [...spec.chain], variant: spec.variant }
    : chooseChain(spec, rng);
  if (!choice) return null;
  const legs = book(flights, choice.chain, spec.day, spec.kind);
  if (!legs) return null;
  const exporting = isExport(spec.kind);
  const firstLeg = legs[0];
  const portLeg = exporting ? firstLeg : legs.find((l) => isHub(l.route.destination));
  if (!portLeg) return null;
  return {
    legs,
    variant: spec.variant ?? choice.variant,
    firstLeg,
    portLeg,
    port: exporting ? portLeg.route.origin : portLeg.route.destination,
    portDay: Math.floor((exporting ? portLeg.departs : portLeg.arrives) / DAY),
    origin: firstLeg.route.origin,
    destination: legs[legs.length - 1].route.destination,
  };
}
