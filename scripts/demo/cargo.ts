import { currencyFor, FRESH_GOODS, Goods, PER_USD, Variant } from './catalog';
import { catalogOf, Kind } from './kinds';
import { airport, DrugApprovalRef, INSTITUTION_BY_ID } from './reference';
import { Rng } from './rng';
import type { ShipmentSpec } from './shipments';
import type { DrugSupply } from './drug-imports';
import type { Trip } from './routing';

/** One goods line of a shipment's declaration (and, for drugs, of its consolidated import). */
export interface Line {
  goods: Goods;
  description: string;
  quantity: number;
  /** USD. */
  value: number;
  origin: string;
  remanufactured: boolean;
  approval: string | null;
  institution: string | null;
}

/** What a shipment carries and what it is worth. */
export interface Cargo {
  weightKg: number;
  pieces: number;
  lines: Line[];
  /** Country of origin of the goods: of the first leg's airport (China for exports). */
  originCountry: string;
  currency: string;
  /** Units of `currency` per USD. */
  rate: number;
}

/** Gross weight and pieces: the spec's, or drawn for the kind. */
function weigh(spec: ShipmentSpec, variant: Variant | undefined, rng: Rng) {
  const skew = rng.float() * rng.float();
  let weightKg: number;
  let perPiece: number;
  switch (spec.kind) {
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

/** A line of `goods` for `kg` of the shipment's weight, priced around the catalog price. */
function line(goods: Goods, kg: number, origin: string, rng: Rng): Line {
  const raw = kg * goods.perKg;
  const quantity =
    goods.unit === 'kg' ? Math.max(0.1, Math.round(raw * 10) / 10) : Math.max(1, Math.round(raw));
  return {
    goods,
    description: goods.description,
    quantity,
    value: Math.round(quantity * goods.price * rng.between(0.8, 1.25) * 100) / 100,
    origin,
    remanufactured: false,
    approval: null,
    institution: null,
  };
}

/** One to `max` lines from a catalog, sharing the weight. */
function several(
  catalog: readonly Goods[],
  max: number,
  weightKg: number,
  origin: string,
  rng: Rng,
): Line[] {
  const n = rng.int(1, max);
  const out: Line[] = [];
  for (let i = 0; i < n; i++) out.push(line(rng.pick(catalog), weightKg / n, origin, rng));
  return out;
}

/** A hospital's need of an approved drug per line, each (approval, hospital) at most once. */
function drugLines(approvals: readonly DrugApprovalRef[], rng: Rng): Line[] {
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
      description: `${a.product}, for ${INSTITUTION_BY_ID.get(institution)?.name}`,
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

function goodsLines(
  kind: Kind,
  variant: Variant | undefined,
  weightKg: number,
  origin: string,
  approvals: readonly DrugApprovalRef[],
  rng: Rng,
): Line[] {
  switch (kind) {
    case 'FRUIT':
      return [line(FRESH_GOODS[variant ?? 'DURIAN'], weightKg * 0.9, origin, rng)];
    case 'SEAFOOD':
      return [line(FRESH_GOODS[variant ?? 'ATLANTIC_SALMON'], weightKg * 0.8, origin, rng)];
    case 'DRUG':
      return drugLines(approvals, rng);
    case 'REMANUFACTURED': {
      const { goods, maxLines } = catalogOf(kind);
      const out = several(goods, maxLines, weightKg, origin, rng).map((l) => ({
        ...l,
        remanufactured: true,
      }));
      // Some carry a line of ordinary goods with the remanufactured ones.
      if (rng.chance(0.3)) {
        out.push(line(rng.pick(catalogOf('GENERAL').goods), weightKg * 0.1, origin, rng));
      }
      return out;
    }
    default: {
      const { goods, maxLines } = catalogOf(kind);
      return several(goods, maxLines, weightKg, origin, rng);
    }
  }
}

/** Weighs the cargo and draws its goods lines; drugs are invoiced in USD. */
export function packCargo(spec: ShipmentSpec, trip: Trip, drugs: DrugSupply, rng: Rng): Cargo {
  const originCountry = airport(trip.origin).country;
  const { weightKg, pieces } = weigh(spec, trip.variant, rng);
  const lines = goodsLines(spec.kind, trip.variant, weightKg, originCountry, drugs.approvals, rng);
  const currency = drugs.category ? 'USD' : currencyFor(originCountry);
  return { weightKg, pieces, lines, originCountry, currency, rate: PER_USD[currency] };
}
