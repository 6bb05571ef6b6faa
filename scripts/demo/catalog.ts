import { checkHsCode } from '../../subgraphs/kit/identifiers';
import goodsFile from './data/goods.json';
import {
  checked,
  country,
  DataError,
  dictionary,
  list,
  load,
  matching,
  object,
  positive,
  text,
} from './data-shape';

/**
 * What the shipments carry, loaded from data/goods.json: goods per catalog (10-digit China HS
 * codes), the fresh goods of each variant, shippers per country, currencies and demo exchange
 * rates, and the texts of rejections and temperature excursions.
 */

export interface Goods {
  hs: string;
  description: string;
  unit: string;
  /** USD per unit. */
  price: number;
  /** Units per kilogram of gross weight, to derive quantities from weight. */
  perKg: number;
}

/** The fresh goods a fruit or seafood shipment carries. */
export const VARIANTS = [
  'CHERRIES',
  'DURIAN',
  'ATLANTIC_SALMON',
  'PACIFIC_SALMON',
  'SEA_URCHIN',
] as const;
export type Variant = (typeof VARIANTS)[number];

const goods = object<Goods>({
  hs: checked(checkHsCode),
  description: text,
  unit: text,
  price: positive,
  perKg: positive,
});

const currency = matching(/^[A-Z]{3}$/, 'an ISO 4217 currency code');

const data = load(
  'goods.json',
  goodsFile,
  object({
    catalogs: dictionary(list(goods)),
    fresh: dictionary(goods),
    shippers: dictionary(list(text)),
    currencies: dictionary(list(country)),
    defaultCurrency: currency,
    perUsd: dictionary(positive),
    rejectionReasons: list(text),
    excursionNotes: list(text),
  }),
);

/** Goods lines are drawn from these, by name (shipment-kinds.json names them). */
export const CATALOGS: Readonly<Record<string, readonly Goods[]>> = data.catalogs;

export const FRESH_GOODS = {} as Record<Variant, Goods>;
for (const v of VARIANTS) {
  if (!data.fresh[v]) throw new DataError(`goods.json: fresh.${v} is missing`);
  FRESH_GOODS[v] = data.fresh[v];
}

/** Shippers per country of origin. */
export const SHIPPERS: Readonly<Record<string, readonly string[]>> = data.shippers;

/** Goods from a country without shippers of its own come through a Hong Kong sourcing agent. */
export function shippersFrom(country: string): readonly string[] {
  return SHIPPERS[country] ?? SHIPPERS.HK;
}
if (!SHIPPERS.HK) throw new DataError('goods.json: shippers.HK is missing');

/** Demo exchange rates: units of the currency per USD. */
export const PER_USD: Readonly<Record<string, number>> = data.perUsd;

const CURRENCY_OF = new Map<string, string>();
for (const [code, countries] of Object.entries(data.currencies)) {
  for (const c of countries) CURRENCY_OF.set(c, code);
}
for (const code of [data.defaultCurrency, ...CURRENCY_OF.values()]) {
  if (PER_USD[code] === undefined) throw new DataError(`goods.json: no rate for ${code}`);
}

/** The currency goods from a country are invoiced in. */
export function currencyFor(country: string): string {
  return CURRENCY_OF.get(country) ?? data.defaultCurrency;
}

export const REJECTION_REASONS: readonly string[] = data.rejectionReasons;
export const EXCURSION_NOTES: readonly string[] = data.excursionNotes;
