import {
  checkAirlineCode,
  checkAirportCode,
  checkFlightNumber,
  checkHsCode,
  checkUscc,
  makeUscc,
  USCC_ALPHABET,
} from '../../subgraphs/kit/identifiers';
import airlinesFile from './data/airlines.json';
import airportsFile from './data/airports.json';
import customsFile from './data/customs.json';
import drugsFile from './data/drugs.json';
import enterprisesFile from './data/enterprises.json';
import facilitiesFile from './data/facilities.json';
import routesFile from './data/routes.json';
import {
  boolean,
  checked,
  country,
  count,
  DataError,
  date,
  list,
  load,
  matching,
  nullable,
  object,
  oneOf,
  optional,
  positive,
  Shape,
  text,
  timeOfDay,
  two,
} from './data-shape';
import { dayOf } from './time';
import {
  ApprovalStatus,
  CreditRating,
  DrugCategory,
  FacilityKind,
  FacilityStatus,
  Region,
  RouteStatus,
  ZoneSupervisionModel,
} from './vocabulary';

/**
 * Reference data of the demo world, loaded from `data/*.json` and checked there: airports,
 * facilities, airlines, routes, customs codes, bonded zones, hospitals, drug approvals and
 * enterprises. Facts come from /work/shared/domain.md; each file's `about` says which of its
 * values are assumptions of the demo ([A]).
 */

const timeZone: Shape<string> = (v, path) => {
  const tz = text(v, path);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new DataError(`${path}: "${tz}" is not an IANA time zone`);
  }
  return tz;
};

/** A Map by key, refusing a key twice. */
function byKey<T>(items: readonly T[], key: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(key(item))) throw new DataError(`${what}: ${key(item)} appears twice`);
    map.set(key(item), item);
  }
  return map;
}

function known(map: ReadonlyMap<string, unknown>, key: string, what: string): void {
  if (!map.has(key)) throw new DataError(`${what}: unknown ${key}`);
}

// ---------------------------------------------------------------------------------------------
// Airports

export interface AirportRef {
  iata: string;
  icao: string;
  name: string;
  city: string;
  country: string;
  tz: string;
  /** One of the two Beijing hubs. */
  hub?: boolean;
}

export const AIRPORTS: readonly AirportRef[] = load(
  'airports.json',
  airportsFile,
  object({
    airports: list(
      object<AirportRef>({
        iata: checked(checkAirportCode),
        icao: matching(/^[A-Z]{4}$/, 'an ICAO airport code'),
        name: text,
        city: text,
        country,
        tz: timeZone,
        hub: optional(boolean),
      }),
    ),
  }),
).airports;

export const AIRPORT_BY_IATA = byKey(AIRPORTS, (a) => a.iata, 'airports.json');

export function airport(iata: string): AirportRef {
  const a = AIRPORT_BY_IATA.get(iata);
  if (!a) throw new Error(`demo data: unknown airport ${iata}`);
  return a;
}

export const isHub = (iata: string): boolean => AIRPORT_BY_IATA.get(iata)?.hub === true;

// ---------------------------------------------------------------------------------------------
// Facilities at the Beijing hubs

export interface FacilityRef {
  id: string;
  airport: string;
  kind: `${FacilityKind}`;
  name: string;
  status: `${FacilityStatus}`;
  commissionedOn: string | null;
  capacityTonnes: number | null;
  /** The first shipment through it, when the demo knows it (cargo only from then on). */
  firstShipmentOn?: string;
}

export const FACILITIES: readonly FacilityRef[] = load(
  'facilities.json',
  facilitiesFile,
  object({
    facilities: list(
      object<FacilityRef>({
        id: text,
        airport: checked(checkAirportCode),
        kind: oneOf(FacilityKind),
        name: text,
        status: oneOf(FacilityStatus),
        commissionedOn: nullable(date),
        capacityTonnes: nullable(positive),
        firstShipmentOn: optional(date),
      }),
    ),
  }),
).facilities;

const FACILITY_BY_ID = byKey(FACILITIES, (f) => f.id, 'facilities.json');
for (const f of FACILITIES) {
  if (!isHub(f.airport)) throw new DataError(`facilities.json: ${f.id} is not at a Beijing hub`);
}

/** The operational facility of a kind at a hub on a day, or undefined. */
export function facilityFor(
  hub: string,
  kind: `${FacilityKind}`,
  day: number,
): FacilityRef | undefined {
  return FACILITIES.find(
    (f) =>
      f.airport === hub &&
      f.kind === kind &&
      f.commissionedOn !== null &&
      dayOf(f.commissionedOn) <= day,
  );
}

function firstShipmentDay(id: string): number {
  const first = FACILITY_BY_ID.get(id)?.firstShipmentOn;
  if (!first) throw new DataError(`facilities.json: ${id} needs its firstShipmentOn`);
  return dayOf(first);
}

/** First shipments through the PKX designated sites. */
export const PKX_FRUIT_FIRST_DAY = firstShipmentDay('PKX-FRUIT');
export const PKX_AQUATIC_FIRST_DAY = firstShipmentDay('PKX-AQUATIC');

// ---------------------------------------------------------------------------------------------
// Airlines

export interface AirlineRef {
  iata: string;
  icao: string;
  name: string;
  country: string;
  /** AWB prefix. */
  prefix: string;
}

export const AIRLINES: readonly AirlineRef[] = load(
  'airlines.json',
  airlinesFile,
  object({
    airlines: list(
      object<AirlineRef>({
        iata: checked(checkAirlineCode),
        icao: matching(/^[A-Z]{3}$/, 'an ICAO airline designator'),
        name: text,
        country,
        prefix: matching(/^\d{3}$/, 'a 3-digit AWB prefix'),
      }),
    ),
  }),
).airlines;

export const AIRLINE_BY_IATA = byKey(AIRLINES, (a) => a.iata, 'airlines.json');

// ---------------------------------------------------------------------------------------------
// Routes (directional; see routes.json)

export interface RouteRef {
  id: string;
  airline: string;
  origin: string;
  destination: string;
  flightNumber: string;
  region: `${Region}`;
  status: `${RouteStatus}`;
  /** Current weekly frequency (0 while suspended or planned). */
  weeklyFrequency: number;
  /** Flights per week while the route flies (the timetable's pattern). */
  scheduleFrequency: number;
  weeklyCapacityTonnes: number;
  openedOn: string | null;
  suspendedOn: string | null;
  resumedOn: string | null;
  /** Local departure time at the origin, minutes after midnight. */
  departsAt: number;
  /** Block time in minutes. */
  blockMinutes: number;
}

/** What both directions of a route pair, or a one-way route, share. */
interface RouteLife {
  airline: string;
  region: `${Region}`;
  status: `${RouteStatus}`;
  flightsPerWeek: number;
  weeklyCapacityTonnes: number;
  openedOn: string | null;
  suspendedOn?: string;
  resumedOn?: string;
}

const routeLife = {
  airline: checked(checkAirlineCode),
  region: oneOf(Region),
  status: oneOf(RouteStatus),
  flightsPerWeek: count,
  weeklyCapacityTonnes: positive,
  openedOn: nullable(date),
  suspendedOn: optional(date),
  resumedOn: optional(date),
};

interface RoutePair extends RouteLife {
  beijing: string;
  foreign: string;
  /** Out of Beijing, back to Beijing. */
  flightNumbers: [string, string];
  departures: [string, string];
  blockMinutes: [number, number];
}

interface OneWayRoute extends RouteLife {
  origin: string;
  destination: string;
  flightNumber: string;
  departure: string;
  blockMinutes: number;
}

const airportCode = checked(checkAirportCode);
const flightNumber = checked(checkFlightNumber);

const routesData = load(
  'routes.json',
  routesFile,
  object<{ pairs: RoutePair[]; oneWay: OneWayRoute[] }>({
    pairs: list(
      object<RoutePair>({
        ...routeLife,
        beijing: airportCode,
        foreign: airportCode,
        flightNumbers: two(flightNumber),
        departures: two(timeOfDay),
        blockMinutes: two(positive),
      }),
    ),
    oneWay: list(
      object<OneWayRoute>({
        ...routeLife,
        origin: airportCode,
        destination: airportCode,
        flightNumber,
        departure: timeOfDay,
        blockMinutes: positive,
      }),
      0,
    ),
  }),
);

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** One direction of a route. */
function route1(
  life: RouteLife,
  origin: string,
  destination: string,
  number: string,
  departure: string,
  blockMinutes: number,
): RouteRef {
  const flying = life.status !== RouteStatus.SUSPENDED && life.status !== RouteStatus.PLANNED;
  return {
    id: `${life.airline}-${origin}-${destination}`,
    airline: life.airline,
    origin,
    destination,
    flightNumber: number,
    region: life.region,
    status: life.status,
    weeklyFrequency: flying ? life.flightsPerWeek : 0,
    scheduleFrequency: life.flightsPerWeek,
    weeklyCapacityTonnes: life.weeklyCapacityTonnes,
    openedOn: life.openedOn,
    suspendedOn: life.suspendedOn ?? null,
    resumedOn: life.resumedOn ?? null,
    departsAt: minutes(departure),
    blockMinutes,
  };
}

/** Every route: each pair out of Beijing and back, then the one-way feeders. */
export const ROUTES: readonly RouteRef[] = [
  ...routesData.pairs.flatMap((p) => [
    route1(p, p.beijing, p.foreign, p.flightNumbers[0], p.departures[0], p.blockMinutes[0]),
    route1(p, p.foreign, p.beijing, p.flightNumbers[1], p.departures[1], p.blockMinutes[1]),
  ]),
  ...routesData.oneWay.map((r) =>
    route1(r, r.origin, r.destination, r.flightNumber, r.departure, r.blockMinutes),
  ),
];

byKey(ROUTES, (r) => r.id, 'routes.json');
for (const r of ROUTES) {
  known(AIRLINE_BY_IATA, r.airline, `routes.json: ${r.id}: airline`);
  known(AIRPORT_BY_IATA, r.origin, `routes.json: ${r.id}: airport`);
  known(AIRPORT_BY_IATA, r.destination, `routes.json: ${r.id}: airport`);
  if (!r.flightNumber.startsWith(r.airline)) {
    throw new DataError(`routes.json: ${r.id}: flight ${r.flightNumber} is not of ${r.airline}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Customs reference codes

export interface SupervisionModeRef {
  code: string;
  name: string;
}

export interface BondedZoneRef {
  code: string;
  name: string;
  airport: string | null;
  model: `${ZoneSupervisionModel}`;
  areaKm2: number;
  openedOn: string;
}

const customs = load(
  'customs.json',
  customsFile,
  object<{ supervisionModes: SupervisionModeRef[]; bondedZones: BondedZoneRef[] }>({
    supervisionModes: list(
      object<SupervisionModeRef>({ code: matching(/^\d{4}$/, 'a 4-digit code'), name: text }),
    ),
    bondedZones: list(
      object<BondedZoneRef>({
        code: text,
        name: text,
        airport: nullable(airportCode),
        model: oneOf(ZoneSupervisionModel),
        areaKm2: positive,
        openedOn: date,
      }),
    ),
  }),
);

export const SUPERVISION_MODES: readonly SupervisionModeRef[] = customs.supervisionModes;
export const BONDED_ZONES: readonly BondedZoneRef[] = customs.bondedZones;
export const BONDED_ZONE_BY_CODE = byKey(BONDED_ZONES, (z) => z.code, 'customs.json');
byKey(SUPERVISION_MODES, (m) => m.code, 'customs.json');

// ---------------------------------------------------------------------------------------------
// Drug regulator: hospitals, drug approvals, qualified import agents

export interface InstitutionRef {
  id: string;
  name: string;
  district: string;
}

export interface DrugApprovalRef {
  number: string;
  product: string;
  category: `${DrugCategory}`;
  manufacturer: string;
  origin: string;
  approvedOn: string;
  validUntil: string;
  status: `${ApprovalStatus}`;
  /** When a SUSPENDED or REVOKED approval got that status (its history). */
  statusSince?: string;
  safetyAssessed: boolean;
  hsCode: string;
  unit: string;
  /** Unit price in USD. */
  price: number;
  /** The institutions it is approved for. */
  units: readonly string[];
}

export interface EnterpriseRef {
  uscc: string;
  name: string;
  rating: `${CreditRating}`;
}

export interface AgentRef extends EnterpriseRef {
  qualifiedSince: string;
  categories: `${DrugCategory}`[];
}

const drugs = load(
  'drugs.json',
  drugsFile,
  object<{ institutions: InstitutionRef[]; approvals: DrugApprovalRef[]; agents: AgentRef[] }>({
    institutions: list(object<InstitutionRef>({ id: text, name: text, district: text })),
    approvals: list(
      object<DrugApprovalRef>({
        number: matching(/^[HZS]J\d{8}$/, 'an NMPA import drug approval number'),
        product: text,
        category: oneOf(DrugCategory),
        manufacturer: text,
        origin: country,
        approvedOn: date,
        validUntil: date,
        status: oneOf(ApprovalStatus),
        statusSince: optional(date),
        safetyAssessed: boolean,
        hsCode: checked(checkHsCode),
        unit: text,
        price: positive,
        units: list(text),
      }),
    ),
    agents: list(
      object<AgentRef>({
        uscc: checked(checkUscc),
        name: text,
        rating: oneOf(CreditRating),
        qualifiedSince: date,
        categories: list(oneOf(DrugCategory)),
      }),
    ),
  }),
);

export const INSTITUTIONS: readonly InstitutionRef[] = drugs.institutions;
export const INSTITUTION_BY_ID = byKey(INSTITUTIONS, (i) => i.id, 'drugs.json');
export const DRUG_APPROVALS: readonly DrugApprovalRef[] = drugs.approvals;
byKey(DRUG_APPROVALS, (a) => a.number, 'drugs.json');
for (const a of DRUG_APPROVALS) {
  for (const u of a.units) known(INSTITUTION_BY_ID, u, `drugs.json: ${a.number}: institution`);
}

/** Qualified drug-import agents (customs enterprises too). */
export const AGENTS: readonly AgentRef[] = drugs.agents;

// ---------------------------------------------------------------------------------------------
// Enterprises: generated from enterprises.json, with valid unified social credit codes

const enterprises = load(
  'enterprises.json',
  enterprisesFile,
  object({
    count: count,
    brokers: count,
    districts: list(matching(/^\d{6}$/, 'a 6-digit administrative division code')),
    nameWords: list(text),
    nameTrades: list(text),
  }),
);

/** Number of ordinary enterprises (consignees, declarants, exporters). */
export const ENTERPRISE_COUNT = enterprises.count;
/** The first BROKER_COUNT enterprises are customs brokers who file for others. */
export const BROKER_COUNT = enterprises.brokers;

/** A deterministic, valid USCC for enterprise number `n` (registered in a Beijing district). */
export function demoUscc(n: number): string {
  let x = (Math.imul(n + 1, 0x2545f491) >>> 0) % 31 ** 6;
  let org = '';
  for (let i = 0; i < 6; i++) {
    org += USCC_ALPHABET[x % 31];
    x = Math.floor(x / 31);
  }
  const serial = String(n % 100).padStart(2, '0');
  const { districts } = enterprises;
  return makeUscc(`91${districts[n % districts.length]}MA${serial}${org}`.slice(0, 17));
}

/** A customs credit rating, spread as in a real register: brokers are mostly certified. */
function ratingOf(n: number): `${CreditRating}` {
  const r = n % 20;
  if (n < BROKER_COUNT) {
    return r < 12 ? CreditRating.ADVANCED_CERTIFIED : CreditRating.GENERAL_CERTIFIED;
  }
  if (r < 3) return CreditRating.ADVANCED_CERTIFIED;
  if (r < 8) return CreditRating.GENERAL_CERTIFIED;
  return r < 19 ? CreditRating.REGISTERED : CreditRating.DISCREDITED;
}

export function demoEnterprises(): EnterpriseRef[] {
  const { nameWords: words, nameTrades: trades } = enterprises;
  const out: EnterpriseRef[] = [];
  for (let n = 0; n < ENTERPRISE_COUNT; n++) {
    const word = words[n % words.length];
    const trade =
      n < BROKER_COUNT ? 'Customs Brokerage' : trades[Math.floor(n / words.length) % trades.length];
    out.push({
      uscc: demoUscc(n),
      name: `Beijing ${word} ${trade} Co., Ltd.`,
      rating: ratingOf(n),
    });
  }
  return out;
}
