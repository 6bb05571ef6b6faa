import { CATALOGS, Goods } from './catalog';
import { DATA_START_DAY } from './config';
import kindsFile from './data/shipment-kinds.json';
import {
  boolean,
  count,
  DataError,
  date,
  list,
  load,
  matching,
  nullable,
  object,
  oneOf,
  positive,
  text,
} from './data-shape';
import { BONDED_ZONE_BY_CODE, SUPERVISION_MODES } from './reference';
import { dayOf } from './time';
import { TradeDirection } from './vocabulary';

/** What a shipment is, which decides its route, goods, facility, declaration and timing. */
export const KINDS = [
  'GENERAL',
  'CBEC_DIRECT',
  'BONDED_1210',
  'ZONE_LOGISTICS',
  'ZGC_MATERIALS',
  'ZGC_EXPORT',
  'EXPORT_B2B',
  'EXPORT_WAREHOUSE',
  'FRUIT',
  'SEAFOOD',
  'REMANUFACTURED',
  'DRUG',
  'TRANSIT',
] as const;
export type Kind = (typeof KINDS)[number];

/** A kind's properties, as data/shipment-kinds.json gives them (its `about` explains each). */
export interface KindProfile {
  kind: Kind;
  weight: number;
  direction: `${TradeDirection}`;
  supervisionMode: string | null;
  bondedZone: string | null;
  firstDay: string | null;
  perishable: boolean;
  coldChain: boolean;
  crossBorderEcommerce: boolean;
  goods: { catalog: string; maxLines: number } | null;
}

const profiles = load(
  'shipment-kinds.json',
  kindsFile,
  object({
    kinds: list(
      object<KindProfile>({
        kind: oneOf(KINDS),
        weight: positive,
        direction: oneOf(TradeDirection),
        supervisionMode: nullable(matching(/^\d{4}$/, 'a supervision mode code')),
        bondedZone: nullable(text),
        firstDay: nullable(date),
        perishable: boolean,
        coldChain: boolean,
        crossBorderEcommerce: boolean,
        goods: nullable(object({ catalog: text, maxLines: count })),
      }),
    ),
  }),
).kinds;

export const PROFILE = {} as Record<Kind, KindProfile>;
for (const p of profiles) {
  if (PROFILE[p.kind]) throw new DataError(`shipment-kinds.json: ${p.kind} appears twice`);
  if (p.bondedZone !== null && !BONDED_ZONE_BY_CODE.has(p.bondedZone)) {
    throw new DataError(`shipment-kinds.json: ${p.kind}: unknown bonded zone ${p.bondedZone}`);
  }
  if (p.supervisionMode !== null && !SUPERVISION_MODES.some((m) => m.code === p.supervisionMode)) {
    throw new DataError(`shipment-kinds.json: ${p.kind}: unknown mode ${p.supervisionMode}`);
  }
  if (p.goods && !CATALOGS[p.goods.catalog]) {
    throw new DataError(`shipment-kinds.json: ${p.kind}: unknown catalog ${p.goods.catalog}`);
  }
  PROFILE[p.kind] = p;
}
for (const k of KINDS) {
  if (!PROFILE[k]) throw new DataError(`shipment-kinds.json: ${k} is missing`);
}

/** The random mix: kinds in file order with their weights. */
export const KIND_MIX = {
  kinds: profiles.map((p) => p.kind),
  weights: profiles.map((p) => p.weight),
};

export const isExport = (kind: Kind): boolean => PROFILE[kind].direction === 'EXPORT';

/** The catalog a kind's goods lines are drawn from, and how many lines at most. */
export function catalogOf(kind: Kind): { goods: readonly Goods[]; maxLines: number } {
  const g = PROFILE[kind].goods;
  if (!g) throw new Error(`demo data: ${kind} shipments have no goods catalog`);
  return { goods: CATALOGS[g.catalog], maxLines: g.maxLines };
}

/** First day a kind can happen: data start, its bonded zone's opening, its own first day. */
export function firstDayOf(kind: Kind): number {
  const p = PROFILE[kind];
  const zone = p.bondedZone === null ? undefined : BONDED_ZONE_BY_CODE.get(p.bondedZone);
  return Math.max(
    DATA_START_DAY,
    zone ? dayOf(zone.openedOn) : DATA_START_DAY,
    p.firstDay === null ? DATA_START_DAY : dayOf(p.firstDay),
  );
}
