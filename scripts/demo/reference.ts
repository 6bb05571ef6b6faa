import { makeUscc } from '../../subgraphs/kit/identifiers';
import { dayOf } from './time';

/**
 * Reference data of the demo world: airports, facilities, airlines, routes, customs codes, bonded
 * zones, hospitals, drug approvals and enterprises. Facts come from /work/shared/domain.md;
 * anything marked [A] there (or here) is an assumption of the demo.
 */

// ---------------------------------------------------------------------------------------------
// Airports

export interface AirportRef {
  iata: string;
  icao: string;
  name: string;
  city: string;
  country: string;
  tz: string;
  hub?: boolean;
}

export const AIRPORTS: readonly AirportRef[] = [
  {
    iata: 'PEK',
    icao: 'ZBAA',
    name: 'Beijing Capital International Airport',
    city: 'Beijing',
    country: 'CN',
    tz: 'Asia/Shanghai',
    hub: true,
  },
  {
    iata: 'PKX',
    icao: 'ZBAD',
    name: 'Beijing Daxing International Airport',
    city: 'Beijing',
    country: 'CN',
    tz: 'Asia/Shanghai',
    hub: true,
  },
  {
    iata: 'FRA',
    icao: 'EDDF',
    name: 'Frankfurt Airport',
    city: 'Frankfurt',
    country: 'DE',
    tz: 'Europe/Berlin',
  },
  {
    iata: 'MUC',
    icao: 'EDDM',
    name: 'Munich Airport',
    city: 'Munich',
    country: 'DE',
    tz: 'Europe/Berlin',
  },
  {
    iata: 'LHR',
    icao: 'EGLL',
    name: 'London Heathrow Airport',
    city: 'London',
    country: 'GB',
    tz: 'Europe/London',
  },
  {
    iata: 'CDG',
    icao: 'LFPG',
    name: 'Paris Charles de Gaulle Airport',
    city: 'Paris',
    country: 'FR',
    tz: 'Europe/Paris',
  },
  {
    iata: 'AMS',
    icao: 'EHAM',
    name: 'Amsterdam Airport Schiphol',
    city: 'Amsterdam',
    country: 'NL',
    tz: 'Europe/Amsterdam',
  },
  {
    iata: 'LUX',
    icao: 'ELLX',
    name: 'Luxembourg Airport',
    city: 'Luxembourg',
    country: 'LU',
    tz: 'Europe/Luxembourg',
  },
  {
    iata: 'OSL',
    icao: 'ENGM',
    name: 'Oslo Airport, Gardermoen',
    city: 'Oslo',
    country: 'NO',
    tz: 'Europe/Oslo',
  },
  {
    iata: 'LIS',
    icao: 'LPPT',
    name: 'Lisbon Humberto Delgado Airport',
    city: 'Lisbon',
    country: 'PT',
    tz: 'Europe/Lisbon',
  },
  {
    iata: 'IST',
    icao: 'LTFM',
    name: 'Istanbul Airport',
    city: 'Istanbul',
    country: 'TR',
    tz: 'Europe/Istanbul',
  },
  {
    iata: 'SVO',
    icao: 'UUEE',
    name: 'Sheremetyevo International Airport',
    city: 'Moscow',
    country: 'RU',
    tz: 'Europe/Moscow',
  },
  {
    iata: 'JFK',
    icao: 'KJFK',
    name: 'John F. Kennedy International Airport',
    city: 'New York',
    country: 'US',
    tz: 'America/New_York',
  },
  {
    iata: 'IAD',
    icao: 'KIAD',
    name: 'Washington Dulles International Airport',
    city: 'Washington',
    country: 'US',
    tz: 'America/New_York',
  },
  {
    iata: 'LAX',
    icao: 'KLAX',
    name: 'Los Angeles International Airport',
    city: 'Los Angeles',
    country: 'US',
    tz: 'America/Los_Angeles',
  },
  {
    iata: 'SFO',
    icao: 'KSFO',
    name: 'San Francisco International Airport',
    city: 'San Francisco',
    country: 'US',
    tz: 'America/Los_Angeles',
  },
  {
    iata: 'SEA',
    icao: 'KSEA',
    name: 'Seattle-Tacoma International Airport',
    city: 'Seattle',
    country: 'US',
    tz: 'America/Los_Angeles',
  },
  {
    iata: 'ORD',
    icao: 'KORD',
    name: "Chicago O'Hare International Airport",
    city: 'Chicago',
    country: 'US',
    tz: 'America/Chicago',
  },
  {
    iata: 'DFW',
    icao: 'KDFW',
    name: 'Dallas Fort Worth International Airport',
    city: 'Dallas',
    country: 'US',
    tz: 'America/Chicago',
  },
  {
    iata: 'ANC',
    icao: 'PANC',
    name: 'Ted Stevens Anchorage International Airport',
    city: 'Anchorage',
    country: 'US',
    tz: 'America/Anchorage',
  },
  {
    iata: 'DOH',
    icao: 'OTHH',
    name: 'Hamad International Airport',
    city: 'Doha',
    country: 'QA',
    tz: 'Asia/Qatar',
  },
  {
    iata: 'DXB',
    icao: 'OMDB',
    name: 'Dubai International Airport',
    city: 'Dubai',
    country: 'AE',
    tz: 'Asia/Dubai',
  },
  {
    iata: 'SCL',
    icao: 'SCEL',
    name: 'Arturo Merino Benitez International Airport',
    city: 'Santiago',
    country: 'CL',
    tz: 'America/Santiago',
  },
  {
    iata: 'ICN',
    icao: 'RKSI',
    name: 'Incheon International Airport',
    city: 'Seoul',
    country: 'KR',
    tz: 'Asia/Seoul',
  },
  {
    iata: 'NRT',
    icao: 'RJAA',
    name: 'Narita International Airport',
    city: 'Tokyo',
    country: 'JP',
    tz: 'Asia/Tokyo',
  },
  {
    iata: 'HKG',
    icao: 'VHHH',
    name: 'Hong Kong International Airport',
    city: 'Hong Kong',
    country: 'HK',
    tz: 'Asia/Hong_Kong',
  },
  {
    iata: 'BKK',
    icao: 'VTBS',
    name: 'Suvarnabhumi Airport',
    city: 'Bangkok',
    country: 'TH',
    tz: 'Asia/Bangkok',
  },
  {
    iata: 'SYD',
    icao: 'YSSY',
    name: 'Sydney Kingsford Smith Airport',
    city: 'Sydney',
    country: 'AU',
    tz: 'Australia/Sydney',
  },
  {
    iata: 'JNB',
    icao: 'FAOR',
    name: 'O. R. Tambo International Airport',
    city: 'Johannesburg',
    country: 'ZA',
    tz: 'Africa/Johannesburg',
  },
];

export const AIRPORT_BY_IATA = new Map(AIRPORTS.map((a) => [a.iata, a]));

export function airport(iata: string): AirportRef {
  const a = AIRPORT_BY_IATA.get(iata);
  if (!a) throw new Error(`demo data: unknown airport ${iata}`);
  return a;
}

// ---------------------------------------------------------------------------------------------
// Facilities at the Beijing hubs (PKX designated sites: fruit approved 2024-09-27, chilled aquatic
// approved 2025-07-10; the others' dates and capacities are [A]).

export type FacilityKind =
  | 'INTERNATIONAL_EXPRESS_WAREHOUSE'
  | 'CROSS_BORDER_ECOMMERCE_WAREHOUSE'
  | 'COLD_CHAIN_WAREHOUSE'
  | 'CONSOLIDATED_CARGO_WAREHOUSE'
  | 'GENERAL_CARGO_WAREHOUSE'
  | 'DESIGNATED_SITE_FRUIT'
  | 'DESIGNATED_SITE_CHILLED_AQUATIC';

export interface FacilityRef {
  id: string;
  airport: 'PEK' | 'PKX';
  kind: FacilityKind;
  name: string;
  status: 'PLANNED' | 'UNDER_CONSTRUCTION' | 'OPERATIONAL';
  commissionedOn: string | null;
  capacityTonnes: number | null;
}

export const FACILITIES: readonly FacilityRef[] = [
  {
    id: 'PEK-GEN-1',
    airport: 'PEK',
    kind: 'GENERAL_CARGO_WAREHOUSE',
    name: 'Capital Airport International Cargo Terminal',
    status: 'OPERATIONAL',
    commissionedOn: '2008-02-29',
    capacityTonnes: 900000,
  },
  {
    id: 'PEK-CONS-1',
    airport: 'PEK',
    kind: 'CONSOLIDATED_CARGO_WAREHOUSE',
    name: 'Capital Airport Consolidated Cargo Centre',
    status: 'OPERATIONAL',
    commissionedOn: '2010-06-18',
    capacityTonnes: 300000,
  },
  {
    id: 'PEK-EXP-1',
    airport: 'PEK',
    kind: 'INTERNATIONAL_EXPRESS_WAREHOUSE',
    name: 'Capital Airport International Express Supervision Centre',
    status: 'OPERATIONAL',
    commissionedOn: '2012-09-01',
    capacityTonnes: 200000,
  },
  {
    id: 'PEK-CBEC-1',
    airport: 'PEK',
    kind: 'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
    name: 'Tianzhu Cross-Border E-commerce Warehouse',
    status: 'OPERATIONAL',
    commissionedOn: '2016-03-15',
    capacityTonnes: 120000,
  },
  {
    id: 'PEK-COLD-1',
    airport: 'PEK',
    kind: 'COLD_CHAIN_WAREHOUSE',
    name: 'Capital Airport Cold Chain Logistics Centre',
    status: 'OPERATIONAL',
    commissionedOn: '2014-11-20',
    capacityTonnes: 80000,
  },
  {
    id: 'PEK-COLD-2',
    airport: 'PEK',
    kind: 'COLD_CHAIN_WAREHOUSE',
    name: 'Capital Airport Pharmaceutical Cold Chain Warehouse (phase II)',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
    capacityTonnes: 40000,
  },
  {
    id: 'PEK-FRUIT',
    airport: 'PEK',
    kind: 'DESIGNATED_SITE_FRUIT',
    name: 'Capital Airport Designated Supervision Site for Imported Fruit',
    status: 'OPERATIONAL',
    commissionedOn: '2009-07-01',
    capacityTonnes: 60000,
  },
  {
    id: 'PEK-AQUATIC',
    airport: 'PEK',
    kind: 'DESIGNATED_SITE_CHILLED_AQUATIC',
    name: 'Capital Airport Designated Supervision Site for Chilled Aquatic Products',
    status: 'OPERATIONAL',
    commissionedOn: '2009-07-01',
    capacityTonnes: 60000,
  },
  {
    id: 'PKX-GEN-1',
    airport: 'PKX',
    kind: 'GENERAL_CARGO_WAREHOUSE',
    name: 'Daxing Airport International Cargo Terminal',
    status: 'OPERATIONAL',
    commissionedOn: '2019-09-25',
    capacityTonnes: 1000000,
  },
  {
    id: 'PKX-CONS-1',
    airport: 'PKX',
    kind: 'CONSOLIDATED_CARGO_WAREHOUSE',
    name: 'Daxing Airport Consolidated Cargo Warehouse',
    status: 'OPERATIONAL',
    commissionedOn: '2019-09-25',
    capacityTonnes: 250000,
  },
  {
    id: 'PKX-EXP-1',
    airport: 'PKX',
    kind: 'INTERNATIONAL_EXPRESS_WAREHOUSE',
    name: 'Daxing Airport International Express Supervision Centre',
    status: 'OPERATIONAL',
    commissionedOn: '2021-03-30',
    capacityTonnes: 250000,
  },
  {
    id: 'PKX-EXP-2',
    airport: 'PKX',
    kind: 'INTERNATIONAL_EXPRESS_WAREHOUSE',
    name: 'Daxing Airport Express Hub (phase II)',
    status: 'PLANNED',
    commissionedOn: null,
    capacityTonnes: 400000,
  },
  {
    id: 'PKX-CBEC-1',
    airport: 'PKX',
    kind: 'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
    name: 'Daxing Comprehensive Bonded Zone CBEC Warehouse',
    status: 'OPERATIONAL',
    commissionedOn: '2021-09-06',
    capacityTonnes: 200000,
  },
  {
    id: 'PKX-CBEC-2',
    airport: 'PKX',
    kind: 'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
    name: 'Daxing Comprehensive Bonded Zone CBEC Warehouse (phase II)',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
    capacityTonnes: 300000,
  },
  {
    id: 'PKX-COLD-1',
    airport: 'PKX',
    kind: 'COLD_CHAIN_WAREHOUSE',
    name: 'Daxing Airport Cold Chain Warehouse',
    status: 'OPERATIONAL',
    commissionedOn: '2019-09-25',
    capacityTonnes: 100000,
  },
  {
    id: 'PKX-FRUIT',
    airport: 'PKX',
    kind: 'DESIGNATED_SITE_FRUIT',
    name: 'Daxing Airport Designated Supervision Site for Imported Fruit',
    status: 'OPERATIONAL',
    commissionedOn: '2024-09-27',
    capacityTonnes: 50000,
  },
  {
    id: 'PKX-AQUATIC',
    airport: 'PKX',
    kind: 'DESIGNATED_SITE_CHILLED_AQUATIC',
    name: 'Daxing Airport Designated Supervision Site for Chilled Aquatic Products',
    status: 'OPERATIONAL',
    commissionedOn: '2025-07-10',
    capacityTonnes: 30000,
  },
];

/** The operational facility of a kind at a hub on a day, or undefined. */
export function facilityFor(hub: string, kind: FacilityKind, day: number): FacilityRef | undefined {
  return FACILITIES.find(
    (f) =>
      f.airport === hub &&
      f.kind === kind &&
      f.commissionedOn !== null &&
      dayOf(f.commissionedOn) <= day,
  );
}

/** First shipments through the PKX designated sites (domain: 4 Dec 2024 and 17 Oct 2025). */
export const PKX_FRUIT_FIRST_DAY = dayOf('2024-12-04');
export const PKX_AQUATIC_FIRST_DAY = dayOf('2025-10-17');

// ---------------------------------------------------------------------------------------------
// Airlines (AWB prefixes verified in the domain brief; ICAO codes are the carriers' own).

export interface AirlineRef {
  iata: string;
  icao: string;
  name: string;
  country: string;
  prefix: string;
}

export const AIRLINES: readonly AirlineRef[] = [
  { iata: 'CA', icao: 'CCA', name: 'Air China', country: 'CN', prefix: '999' },
  { iata: 'CZ', icao: 'CSN', name: 'China Southern Airlines', country: 'CN', prefix: '784' },
  { iata: 'MU', icao: 'CES', name: 'China Eastern Airlines', country: 'CN', prefix: '781' },
  { iata: 'HU', icao: 'CHH', name: 'Hainan Airlines', country: 'CN', prefix: '880' },
  { iata: 'JD', icao: 'CBJ', name: 'Beijing Capital Airlines', country: 'CN', prefix: '898' },
  { iata: 'CK', icao: 'CKK', name: 'China Cargo Airlines', country: 'CN', prefix: '112' },
  { iata: 'LH', icao: 'GEC', name: 'Lufthansa Cargo', country: 'DE', prefix: '020' },
  { iata: 'AF', icao: 'AFR', name: 'Air France', country: 'FR', prefix: '057' },
  { iata: 'BA', icao: 'BAW', name: 'British Airways', country: 'GB', prefix: '125' },
  { iata: 'KL', icao: 'KLM', name: 'KLM Royal Dutch Airlines', country: 'NL', prefix: '074' },
  { iata: 'UA', icao: 'UAL', name: 'United Airlines', country: 'US', prefix: '016' },
  { iata: 'DL', icao: 'DAL', name: 'Delta Air Lines', country: 'US', prefix: '006' },
  { iata: 'AA', icao: 'AAL', name: 'American Airlines', country: 'US', prefix: '001' },
  { iata: 'SU', icao: 'AFL', name: 'Aeroflot', country: 'RU', prefix: '555' },
  { iata: 'QR', icao: 'QTR', name: 'Qatar Airways', country: 'QA', prefix: '157' },
  { iata: 'EK', icao: 'UAE', name: 'Emirates', country: 'AE', prefix: '176' },
  { iata: 'TK', icao: 'THY', name: 'Turkish Airlines', country: 'TR', prefix: '235' },
  { iata: 'CX', icao: 'CPA', name: 'Cathay Pacific', country: 'HK', prefix: '160' },
  { iata: 'FX', icao: 'FDX', name: 'FedEx Express', country: 'US', prefix: '023' },
  { iata: '5X', icao: 'UPS', name: 'UPS Airlines', country: 'US', prefix: '406' },
  { iata: 'CV', icao: 'CLX', name: 'Cargolux', country: 'LU', prefix: '172' },
  { iata: 'KE', icao: 'KAL', name: 'Korean Air', country: 'KR', prefix: '180' },
];

export const AIRLINE_BY_IATA = new Map(AIRLINES.map((a) => [a.iata, a]));

// ---------------------------------------------------------------------------------------------
// Routes. Directional: "CA-PEK-FRA" carries CA931 out of Beijing, "CA-FRA-PEK" CA932 back. The
// named ones are from the domain brief; other numbers, frequencies, times and dates are [A].

export type Region =
  | 'EUROPE'
  | 'NORTH_AMERICA'
  | 'ASIA'
  | 'MIDDLE_EAST'
  | 'OCEANIA'
  | 'AFRICA'
  | 'LATIN_AMERICA';
export type RouteStatus = 'PLANNED' | 'ACTIVE' | 'SUSPENDED' | 'RESUMED';

export interface RouteRef {
  id: string;
  airline: string;
  origin: string;
  destination: string;
  flightNumber: string;
  region: Region;
  status: RouteStatus;
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

interface PairSpec {
  airline: string;
  beijing: string;
  foreign: string;
  out: number | string;
  back: number | string;
  region: Region;
  status: RouteStatus;
  freq: number;
  tonnes: number;
  opened: string | null;
  suspended?: string;
  resumed?: string;
  /** Departure time out of Beijing and back from the foreign end ("HH:MM" local). */
  times: [string, string];
  block: [number, number];
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function pair(p: PairSpec): RouteRef[] {
  const common = {
    airline: p.airline,
    region: p.region,
    status: p.status,
    weeklyFrequency: p.status === 'SUSPENDED' || p.status === 'PLANNED' ? 0 : p.freq,
    scheduleFrequency: p.freq,
    weeklyCapacityTonnes: p.tonnes,
    openedOn: p.opened,
    suspendedOn: p.suspended ?? null,
    resumedOn: p.resumed ?? null,
  };
  return [
    {
      ...common,
      id: `${p.airline}-${p.beijing}-${p.foreign}`,
      origin: p.beijing,
      destination: p.foreign,
      flightNumber: `${p.airline}${p.out}`,
      departsAt: minutes(p.times[0]),
      blockMinutes: p.block[0],
    },
    {
      ...common,
      id: `${p.airline}-${p.foreign}-${p.beijing}`,
      origin: p.foreign,
      destination: p.beijing,
      flightNumber: `${p.airline}${p.back}`,
      departsAt: minutes(p.times[1]),
      blockMinutes: p.block[1],
    },
  ];
}

function oneWay(
  r: Omit<RouteRef, 'id' | 'suspendedOn' | 'resumedOn' | 'departsAt' | 'scheduleFrequency'> & {
    departsAt: string;
  },
): RouteRef {
  return {
    ...r,
    scheduleFrequency: r.weeklyFrequency,
    id: `${r.airline}-${r.origin}-${r.destination}`,
    suspendedOn: null,
    resumedOn: null,
    departsAt: minutes(r.departsAt),
  };
}

export const ROUTES: readonly RouteRef[] = [
  // Europe
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'FRA',
    out: 931,
    back: 932,
    region: 'EUROPE',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 180,
    opened: '1990-06-01',
    times: ['13:30', '20:10'],
    block: [650, 595],
  }),
  ...pair({
    airline: 'CZ',
    beijing: 'PKX',
    foreign: 'LHR',
    out: 673,
    back: 674,
    region: 'EUROPE',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 150,
    opened: '2023-06-01',
    times: ['02:20', '12:55'],
    block: [725, 650],
  }),
  ...pair({
    airline: 'LH',
    beijing: 'PEK',
    foreign: 'FRA',
    out: 721,
    back: 720,
    region: 'EUROPE',
    status: 'SUSPENDED',
    freq: 5,
    tonnes: 120,
    opened: '1990-04-01',
    suspended: '2024-10-27',
    times: ['11:50', '17:45'],
    block: [655, 585],
  }),
  ...pair({
    airline: 'LH',
    beijing: 'PEK',
    foreign: 'MUC',
    out: 723,
    back: 722,
    region: 'EUROPE',
    status: 'ACTIVE',
    freq: 5,
    tonnes: 110,
    opened: '1997-03-30',
    times: ['12:15', '17:40'],
    block: [640, 575],
  }),
  ...pair({
    airline: 'BA',
    beijing: 'PEK',
    foreign: 'LHR',
    out: 38,
    back: 39,
    region: 'EUROPE',
    status: 'SUSPENDED',
    freq: 7,
    tonnes: 100,
    opened: '1980-11-01',
    suspended: '2020-01-29',
    times: ['11:40', '16:10'],
    block: [700, 640],
  }),
  ...pair({
    airline: 'AF',
    beijing: 'PEK',
    foreign: 'CDG',
    out: 129,
    back: 128,
    region: 'EUROPE',
    status: 'RESUMED',
    freq: 5,
    tonnes: 95,
    opened: '1966-09-01',
    suspended: '2020-03-20',
    resumed: '2023-03-26',
    times: ['11:20', '23:20'],
    block: [690, 600],
  }),
  ...pair({
    airline: 'KL',
    beijing: 'PEK',
    foreign: 'AMS',
    out: 898,
    back: 897,
    region: 'EUROPE',
    status: 'RESUMED',
    freq: 4,
    tonnes: 90,
    opened: '1996-10-27',
    suspended: '2020-03-22',
    resumed: '2023-06-01',
    times: ['12:40', '17:25'],
    block: [660, 590],
  }),
  ...pair({
    airline: 'CZ',
    beijing: 'PKX',
    foreign: 'AMS',
    out: 345,
    back: 346,
    region: 'EUROPE',
    status: 'ACTIVE',
    freq: 4,
    tonnes: 100,
    opened: '2020-01-06',
    times: ['02:00', '12:30'],
    block: [690, 620],
  }),
  ...pair({
    airline: 'JD',
    beijing: 'PKX',
    foreign: 'LIS',
    out: 425,
    back: 426,
    region: 'EUROPE',
    status: 'RESUMED',
    freq: 2,
    tonnes: 40,
    opened: '2017-07-26',
    suspended: '2020-02-03',
    resumed: '2024-05-18',
    times: ['01:45', '14:30'],
    block: [780, 700],
  }),
  ...pair({
    airline: 'TK',
    beijing: 'PEK',
    foreign: 'IST',
    out: 21,
    back: 20,
    region: 'EUROPE',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 80,
    opened: '2000-04-01',
    times: ['06:20', '01:35'],
    block: [620, 560],
  }),
  ...pair({
    airline: 'SU',
    beijing: 'PEK',
    foreign: 'SVO',
    out: 205,
    back: 204,
    region: 'EUROPE',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 70,
    opened: '1954-08-01',
    times: ['11:00', '19:20'],
    block: [480, 450],
  }),
  ...pair({
    airline: 'SU',
    beijing: 'PKX',
    foreign: 'SVO',
    out: 209,
    back: 208,
    region: 'EUROPE',
    status: 'ACTIVE',
    freq: 4,
    tonnes: 60,
    opened: '2020-01-10',
    times: ['12:10', '20:05'],
    block: [485, 455],
  }),
  // North America
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'JFK',
    out: 981,
    back: 982,
    region: 'NORTH_AMERICA',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 160,
    opened: '1981-01-07',
    times: ['13:00', '16:30'],
    block: [820, 830],
  }),
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'LAX',
    out: 983,
    back: 984,
    region: 'NORTH_AMERICA',
    status: 'ACTIVE',
    freq: 5,
    tonnes: 140,
    opened: '1983-05-01',
    times: ['16:40', '12:50'],
    block: [700, 780],
  }),
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'IAD',
    out: 817,
    back: 818,
    region: 'NORTH_AMERICA',
    status: 'RESUMED',
    freq: 3,
    tonnes: 90,
    opened: '2008-06-01',
    suspended: '2020-02-13',
    resumed: '2023-11-05',
    times: ['13:20', '13:45'],
    block: [800, 840],
  }),
  ...pair({
    airline: 'UA',
    beijing: 'PEK',
    foreign: 'SFO',
    out: 889,
    back: 888,
    region: 'NORTH_AMERICA',
    status: 'RESUMED',
    freq: 7,
    tonnes: 110,
    opened: '1986-04-01',
    suspended: '2020-02-06',
    resumed: '2023-08-31',
    times: ['17:00', '11:40'],
    block: [685, 760],
  }),
  ...pair({
    airline: 'AA',
    beijing: 'PEK',
    foreign: 'DFW',
    out: 262,
    back: 263,
    region: 'NORTH_AMERICA',
    status: 'SUSPENDED',
    freq: 7,
    tonnes: 90,
    opened: '2014-05-01',
    suspended: '2020-02-06',
    times: ['16:00', '10:45'],
    block: [760, 845],
  }),
  ...pair({
    airline: 'DL',
    beijing: 'PEK',
    foreign: 'SEA',
    out: 128,
    back: 129,
    region: 'NORTH_AMERICA',
    status: 'SUSPENDED',
    freq: 7,
    tonnes: 80,
    opened: '2014-06-01',
    suspended: '2020-02-06',
    times: ['18:00', '12:25'],
    block: [620, 715],
  }),
  ...pair({
    airline: 'HU',
    beijing: 'PEK',
    foreign: 'SEA',
    out: 495,
    back: 496,
    region: 'NORTH_AMERICA',
    status: 'RESUMED',
    freq: 3,
    tonnes: 70,
    opened: '2008-06-10',
    suspended: '2020-03-15',
    resumed: '2024-03-31',
    times: ['16:20', '13:40'],
    block: [620, 715],
  }),
  ...pair({
    airline: 'CK',
    beijing: 'PKX',
    foreign: 'ORD',
    out: 221,
    back: 222,
    region: 'NORTH_AMERICA',
    status: 'ACTIVE',
    freq: 3,
    tonnes: 200,
    opened: '2021-03-28',
    times: ['08:30', '23:50'],
    block: [760, 835],
  }),
  ...pair({
    airline: 'FX',
    beijing: 'PEK',
    foreign: 'ANC',
    out: 5017,
    back: 5016,
    region: 'NORTH_AMERICA',
    status: 'ACTIVE',
    freq: 5,
    tonnes: 250,
    opened: '2006-04-03',
    times: ['20:30', '03:15'],
    block: [505, 545],
  }),
  ...pair({
    airline: '5X',
    beijing: 'PKX',
    foreign: 'ANC',
    out: 61,
    back: 60,
    region: 'NORTH_AMERICA',
    status: 'ACTIVE',
    freq: 5,
    tonnes: 230,
    opened: '2021-06-15',
    times: ['21:10', '02:40'],
    block: [510, 550],
  }),
  ...pair({
    airline: 'CV',
    beijing: 'PKX',
    foreign: 'LUX',
    out: 9734,
    back: 9733,
    region: 'EUROPE',
    status: 'PLANNED',
    freq: 2,
    tonnes: 220,
    opened: null,
    times: ['09:00', '22:00'],
    block: [640, 600],
  }),
  // Middle East, Asia, Oceania, Africa
  ...pair({
    airline: 'QR',
    beijing: 'PKX',
    foreign: 'DOH',
    out: 893,
    back: 892,
    region: 'MIDDLE_EAST',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 120,
    opened: '2019-11-01',
    times: ['00:45', '02:10'],
    block: [590, 525],
  }),
  ...pair({
    airline: 'QR',
    beijing: 'PEK',
    foreign: 'DOH',
    out: 807,
    back: 806,
    region: 'MIDDLE_EAST',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 110,
    opened: '2009-03-29',
    times: ['01:10', '02:25'],
    block: [595, 530],
  }),
  ...pair({
    airline: 'EK',
    beijing: 'PEK',
    foreign: 'DXB',
    out: 307,
    back: 306,
    region: 'MIDDLE_EAST',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 120,
    opened: '2006-07-01',
    times: ['00:05', '03:30'],
    block: [560, 500],
  }),
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'ICN',
    out: 123,
    back: 124,
    region: 'ASIA',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 60,
    opened: '1994-12-01',
    times: ['08:50', '13:00'],
    block: [125, 140],
  }),
  ...pair({
    airline: 'KE',
    beijing: 'PEK',
    foreign: 'ICN',
    out: 854,
    back: 853,
    region: 'ASIA',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 70,
    opened: '1994-12-26',
    times: ['14:10', '09:40'],
    block: [125, 140],
  }),
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'NRT',
    out: 925,
    back: 926,
    region: 'ASIA',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 60,
    opened: '1974-09-29',
    times: ['08:00', '14:10'],
    block: [220, 245],
  }),
  ...pair({
    airline: 'CX',
    beijing: 'PEK',
    foreign: 'HKG',
    out: 391,
    back: 390,
    region: 'ASIA',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 80,
    opened: '1985-10-01',
    times: ['14:40', '09:20'],
    block: [215, 215],
  }),
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'BKK',
    out: 959,
    back: 960,
    region: 'ASIA',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 50,
    opened: '1980-06-01',
    times: ['08:10', '13:30'],
    block: [300, 300],
  }),
  ...pair({
    airline: 'CZ',
    beijing: 'PKX',
    foreign: 'BKK',
    out: 3083,
    back: 3084,
    region: 'ASIA',
    status: 'ACTIVE',
    freq: 7,
    tonnes: 45,
    opened: '2019-10-27',
    times: ['09:30', '15:20'],
    block: [305, 300],
  }),
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'SYD',
    out: 173,
    back: 174,
    region: 'OCEANIA',
    status: 'RESUMED',
    freq: 3,
    tonnes: 70,
    opened: '2008-06-01',
    suspended: '2020-03-20',
    resumed: '2023-05-10',
    times: ['21:35', '10:20'],
    block: [695, 720],
  }),
  ...pair({
    airline: 'CA',
    beijing: 'PEK',
    foreign: 'JNB',
    out: 867,
    back: 868,
    region: 'AFRICA',
    status: 'RESUMED',
    freq: 2,
    tonnes: 60,
    opened: '2015-12-01',
    suspended: '2020-01-30',
    resumed: '2024-03-28',
    times: ['00:30', '18:00'],
    block: [960, 900],
  }),
  // Legs that feed a Beijing hub through a foreign hub
  oneWay({
    airline: 'QR',
    origin: 'SCL',
    destination: 'DOH',
    flightNumber: 'QR8161',
    region: 'LATIN_AMERICA',
    status: 'ACTIVE',
    weeklyFrequency: 4,
    weeklyCapacityTonnes: 400,
    openedOn: '2019-03-01',
    departsAt: '09:30',
    blockMinutes: 1080,
  }),
  oneWay({
    airline: 'LH',
    origin: 'OSL',
    destination: 'FRA',
    flightNumber: 'LH863',
    region: 'EUROPE',
    status: 'ACTIVE',
    weeklyFrequency: 7,
    weeklyCapacityTonnes: 40,
    openedOn: '1995-01-01',
    departsAt: '06:15',
    blockMinutes: 125,
  }),
];

export const ROUTE_BY_ID = new Map(ROUTES.map((r) => [r.id, r]));

export function route(id: string): RouteRef {
  const r = ROUTE_BY_ID.get(id);
  if (!r) throw new Error(`demo data: unknown route ${id}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Customs reference codes

export const SUPERVISION_MODES: readonly [string, string][] = [
  ['0110', 'General trade'],
  ['9610', 'Cross-border e-commerce direct mail (B2C)'],
  ['1210', 'Bonded cross-border e-commerce'],
  ['9710', 'Cross-border e-commerce B2B direct export'],
  ['9810', 'Cross-border e-commerce export to overseas warehouse'],
  ['5034', 'Logistics goods inside a special customs supervision zone'],
  ['5000', 'Materials moving into or out of a special customs supervision zone'],
  ['5100', 'Finished goods moving into or out of a special customs supervision zone'],
];

export interface BondedZoneRef {
  code: string;
  name: string;
  airport: string | null;
  model: 'ZONE_PORT_INTEGRATION' | 'SMART_SUPERVISION' | 'STANDARD';
  areaKm2: number;
  openedOn: string;
}

export const BONDED_ZONES: readonly BondedZoneRef[] = [
  {
    code: 'BJ-DAXING-CBZ',
    name: 'Beijing Daxing International Airport Comprehensive Bonded Zone',
    airport: 'PKX',
    model: 'ZONE_PORT_INTEGRATION',
    areaKm2: 4.35,
    openedOn: '2020-11-05',
  },
  {
    code: 'BJ-ZGC-CBZ',
    name: 'Zhongguancun Comprehensive Bonded Zone',
    airport: null,
    model: 'SMART_SUPERVISION',
    areaKm2: 0.401,
    openedOn: '2024-08-28',
  },
];

export const ZGC_OPENED_DAY = dayOf('2024-08-28');
/** The remanufactured-as-new pilot's first imports [A]. */
export const REMANUFACTURED_PILOT_DAY = dayOf('2024-09-02');

// ---------------------------------------------------------------------------------------------
// Drug regulator: hospitals (real Beijing hospitals; their approvals are [A]) and approvals
// (product names of real therapies; approval numbers and dates are [A] except the two format
// examples of the domain brief).

export interface InstitutionRef {
  id: string;
  name: string;
  district: string;
}

export const INSTITUTIONS: readonly InstitutionRef[] = [
  { id: 'BJ-PUMCH', name: 'Peking Union Medical College Hospital', district: 'Dongcheng' },
  { id: 'BJ-PLAGH', name: 'Chinese PLA General Hospital', district: 'Haidian' },
  { id: 'BJ-PKUCH', name: 'Peking University Cancer Hospital', district: 'Haidian' },
  {
    id: 'BJ-CHCAMS',
    name: 'Cancer Hospital, Chinese Academy of Medical Sciences',
    district: 'Chaoyang',
  },
  { id: 'BJ-BCH', name: "Beijing Children's Hospital", district: 'Xicheng' },
  { id: 'BJ-PKUPH', name: "Peking University People's Hospital", district: 'Xicheng' },
  { id: 'BJ-PKUFH', name: 'Peking University First Hospital', district: 'Xicheng' },
  { id: 'BJ-PKUTH', name: 'Peking University Third Hospital', district: 'Haidian' },
  { id: 'BJ-TIANTAN', name: 'Beijing Tiantan Hospital', district: 'Fengtai' },
  { id: 'BJ-CHAOYANG', name: 'Beijing Chao-Yang Hospital', district: 'Chaoyang' },
  { id: 'BJ-CJFH', name: 'China-Japan Friendship Hospital', district: 'Chaoyang' },
  { id: 'BJ-XUANWU', name: 'Xuanwu Hospital, Capital Medical University', district: 'Xicheng' },
  { id: 'BJ-BOREN', name: 'Beijing GoBroad Boren Hospital', district: 'Fengtai' },
  { id: 'BJ-DAOPEI', name: 'Hebei Yanda Lu Daopei Hospital, Beijing Clinic', district: 'Daxing' },
];

export type DrugCategory =
  | 'CELL_THERAPY'
  | 'GENE_THERAPY'
  | 'CLINICALLY_URGENT_DRUG'
  | 'REGISTERED_DRUG';

export interface DrugApprovalRef {
  number: string;
  product: string;
  category: DrugCategory;
  manufacturer: string;
  origin: string;
  approvedOn: string;
  validUntil: string;
  status: 'VALID' | 'SUSPENDED' | 'EXPIRED' | 'REVOKED';
  /** When a SUSPENDED or REVOKED approval got that status (its history) [A]. */
  statusSince?: string;
  safetyAssessed: boolean;
  hsCode: string;
  unit: string;
  /** Unit price in USD [A]. */
  price: number;
  units: readonly string[];
}

export const DRUG_APPROVALS: readonly DrugApprovalRef[] = [
  {
    number: 'SJ20210031',
    product: 'Tisagenlecleucel suspension for infusion (Kymriah)',
    category: 'CELL_THERAPY',
    manufacturer: 'Novartis Pharma Stein AG',
    origin: 'CH',
    approvedOn: '2021-09-14',
    validUntil: '2030-09-13',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002510010',
    unit: 'bag',
    price: 373000,
    units: ['BJ-PKUPH', 'BJ-BOREN', 'BJ-DAOPEI', 'BJ-PLAGH'],
  },
  {
    number: 'SJ20220047',
    product: 'Lisocabtagene maraleucel (Breyanzi)',
    category: 'CELL_THERAPY',
    manufacturer: 'Juno Therapeutics, Inc.',
    origin: 'US',
    approvedOn: '2022-11-02',
    validUntil: '2031-11-01',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002510010',
    unit: 'bag',
    price: 410000,
    units: ['BJ-CHCAMS', 'BJ-PKUCH', 'BJ-BOREN'],
  },
  {
    number: 'SJ20230012',
    product: 'Idecabtagene vicleucel (Abecma)',
    category: 'CELL_THERAPY',
    manufacturer: 'Celgene Corporation',
    origin: 'US',
    approvedOn: '2023-03-20',
    validUntil: '2032-03-19',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002510010',
    unit: 'bag',
    price: 419500,
    units: ['BJ-PUMCH', 'BJ-PKUPH', 'BJ-CHAOYANG'],
  },
  {
    number: 'SJ20230058',
    product: 'Mesenchymal stromal cells for GvHD (Ryoncil)',
    category: 'CELL_THERAPY',
    manufacturer: 'Mesoblast Ltd',
    origin: 'AU',
    approvedOn: '2023-08-08',
    validUntil: '2028-08-07',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002510090',
    unit: 'bag',
    price: 194000,
    units: ['BJ-BCH', 'BJ-DAOPEI'],
  },
  {
    number: 'SJ20210066',
    product: 'Onasemnogene abeparvovec (Zolgensma)',
    category: 'GENE_THERAPY',
    manufacturer: 'Novartis Gene Therapies, Inc.',
    origin: 'US',
    approvedOn: '2021-12-01',
    validUntil: '2030-11-30',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002590000',
    unit: 'kit',
    price: 2125000,
    units: ['BJ-BCH', 'BJ-PKUFH', 'BJ-XUANWU'],
  },
  {
    number: 'SJ20220103',
    product: 'Voretigene neparvovec (Luxturna)',
    category: 'GENE_THERAPY',
    manufacturer: 'Spark Therapeutics, Inc.',
    origin: 'US',
    approvedOn: '2022-06-15',
    validUntil: '2031-06-14',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002590000',
    unit: 'vial',
    price: 425000,
    units: ['BJ-PUMCH', 'BJ-PKUTH'],
  },
  {
    number: 'SJ20240009',
    product: 'Etranacogene dezaparvovec (Hemgenix)',
    category: 'GENE_THERAPY',
    manufacturer: 'CSL Behring GmbH',
    origin: 'DE',
    approvedOn: '2024-01-22',
    validUntil: '2033-01-21',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002590000',
    unit: 'vial',
    price: 3500000,
    units: ['BJ-PUMCH', 'BJ-PKUPH'],
  },
  {
    number: 'SJ20220088',
    product: 'Teplizumab-mzwv injection (Tzield)',
    category: 'CLINICALLY_URGENT_DRUG',
    manufacturer: 'Provention Bio, Inc.',
    origin: 'US',
    approvedOn: '2022-12-05',
    validUntil: '2031-12-04',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002150010',
    unit: 'vial',
    price: 13850,
    units: ['BJ-PKUPH', 'BJ-CJFH', 'BJ-BCH'],
  },
  {
    number: 'SJ20230091',
    product: 'Tagraxofusp-erzs injection (Elzonris)',
    category: 'CLINICALLY_URGENT_DRUG',
    manufacturer: 'Stemline Therapeutics, Inc.',
    origin: 'US',
    approvedOn: '2023-10-16',
    validUntil: '2032-10-15',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002150010',
    unit: 'vial',
    price: 24800,
    units: ['BJ-CHCAMS', 'BJ-PKUCH', 'BJ-PUMCH', 'BJ-PLAGH'],
  },
  {
    number: 'HJ20230145',
    product: 'Sodium phenylbutyrate and taurursodiol (Relyvrio)',
    category: 'CLINICALLY_URGENT_DRUG',
    manufacturer: 'Amylyx Pharmaceuticals, Inc.',
    origin: 'US',
    approvedOn: '2023-05-11',
    validUntil: '2032-05-10',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3004909099',
    unit: 'box',
    price: 12500,
    units: ['BJ-XUANWU', 'BJ-TIANTAN', 'BJ-PKUTH'],
  },
  {
    number: 'SJ20180023',
    product: 'Human immunoglobulin (pH4) for intravenous injection',
    category: 'REGISTERED_DRUG',
    manufacturer: 'Grifols Biologicals LLC',
    origin: 'US',
    approvedOn: '2018-04-12',
    validUntil: '2028-04-11',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3002120000',
    unit: 'bottle',
    price: 620,
    units: ['BJ-PUMCH', 'BJ-PLAGH', 'BJ-CHAOYANG', 'BJ-CJFH'],
  },
  {
    number: 'HJ20140344',
    product: 'Imatinib mesylate tablets',
    category: 'REGISTERED_DRUG',
    manufacturer: 'Novartis Pharma Stein AG',
    origin: 'CH',
    approvedOn: '2014-06-30',
    validUntil: '2029-06-29',
    status: 'VALID',
    safetyAssessed: true,
    hsCode: '3004909099',
    unit: 'box',
    price: 1400,
    units: ['BJ-PKUCH', 'BJ-CHCAMS'],
  },
  {
    number: 'SJ20190077',
    product: 'Autologous chondrocyte implant',
    category: 'CELL_THERAPY',
    manufacturer: 'Vericel Corporation',
    origin: 'US',
    approvedOn: '2019-02-18',
    validUntil: '2024-02-17',
    status: 'EXPIRED',
    safetyAssessed: true,
    hsCode: '3002510090',
    unit: 'kit',
    price: 45000,
    units: ['BJ-PKUTH'],
  },
  {
    number: 'SJ20200135',
    product: 'Elivaldogene autotemcel',
    category: 'GENE_THERAPY',
    manufacturer: 'bluebird bio, Inc.',
    origin: 'US',
    approvedOn: '2020-07-21',
    validUntil: '2029-07-20',
    status: 'SUSPENDED',
    statusSince: '2025-08-12',
    safetyAssessed: false,
    hsCode: '3002590000',
    unit: 'bag',
    price: 3000000,
    units: ['BJ-BCH'],
  },
];

// ---------------------------------------------------------------------------------------------
// Enterprises: valid unified social credit codes (GB 32100-2015) built with the kit's makeUscc.

export type CreditRating =
  | 'ADVANCED_CERTIFIED'
  | 'GENERAL_CERTIFIED'
  | 'REGISTERED'
  | 'DISCREDITED';

export interface EnterpriseRef {
  uscc: string;
  name: string;
  rating: CreditRating;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DISTRICTS = ['110101', '110102', '110105', '110106', '110108', '110112', '110113', '110115'];

/** A deterministic, valid USCC for enterprise number `n` (registered in a Beijing district). */
export function demoUscc(n: number): string {
  let x = (Math.imul(n + 1, 0x2545f491) >>> 0) % 887503681; // 31^6
  let org = '';
  for (let i = 0; i < 6; i++) {
    org += USCC_CHARS[x % 31];
    x = Math.floor(x / 31);
  }
  const serial = String(n % 100).padStart(2, '0');
  return makeUscc(`91${DISTRICTS[n % DISTRICTS.length]}MA${serial}${org}`.slice(0, 17));
}

/** Qualified drug-import agents (names [A]). */
export interface AgentRef extends EnterpriseRef {
  qualifiedSince: string;
  categories: DrugCategory[];
}

export const AGENTS: readonly AgentRef[] = [
  {
    uscc: makeUscc('91110113MA01CELL1'),
    name: 'Beijing Tianzhu Advanced Therapy Supply Chain Co., Ltd.',
    rating: 'ADVANCED_CERTIFIED',
    qualifiedSince: '2024-10-15',
    categories: ['CELL_THERAPY', 'GENE_THERAPY'],
  },
  {
    uscc: makeUscc('91110115MA02URG07'),
    name: 'Beijing Daxing Bio-Pharma Import Services Co., Ltd.',
    rating: 'ADVANCED_CERTIFIED',
    qualifiedSince: '2024-11-01',
    categories: ['CLINICALLY_URGENT_DRUG', 'GENE_THERAPY'],
  },
  {
    uscc: makeUscc('91110105MA03MED42'),
    name: 'Sinopharm Beijing Medical Cold-Chain Co., Ltd.',
    rating: 'ADVANCED_CERTIFIED',
    qualifiedSince: '2023-02-20',
    categories: ['CELL_THERAPY', 'GENE_THERAPY', 'CLINICALLY_URGENT_DRUG', 'REGISTERED_DRUG'],
  },
];

const NAME_WORDS = [
  'Huaxin',
  'Jingdong',
  'Zhongke',
  'Tianhe',
  'Hengtai',
  'Yuanda',
  'Shengshi',
  'Lianhua',
  'Kaiyuan',
  'Ruifeng',
  'Boya',
  'Xinghai',
  'Dingsheng',
  'Jinqiao',
  'Longteng',
  'Mingda',
  'Anxin',
  'Huamei',
  'Zhongtian',
  'Guotai',
  'Changhong',
  'Dongfang',
  'Baili',
  'Xiangyun',
  'Haina',
  'Jiahe',
  'Fuxing',
  'Yongsheng',
  'Tongda',
  'Weilai',
];
const NAME_TRADES = [
  'International Trade',
  'Supply Chain',
  'Technology',
  'Import and Export',
  'Cross-Border E-commerce',
  'Medical Devices',
  'Food',
  'Logistics',
  'Electronics',
  'Auto Parts',
  'Cosmetics',
  'Instruments',
  'Fresh Produce',
  'Seafood',
  'Semiconductor',
  'Machinery',
  'Biotech',
];

/** Number of ordinary enterprises (consignees, declarants, exporters). */
export const ENTERPRISE_COUNT = 510;
/** The first BROKER_COUNT enterprises are customs brokers who file for others. */
export const BROKER_COUNT = 24;

export function demoEnterprises(): EnterpriseRef[] {
  const out: EnterpriseRef[] = [];
  for (let n = 0; n < ENTERPRISE_COUNT; n++) {
    const word = NAME_WORDS[n % NAME_WORDS.length];
    const trade =
      n < BROKER_COUNT
        ? 'Customs Brokerage'
        : NAME_TRADES[Math.floor(n / NAME_WORDS.length) % NAME_TRADES.length];
    const r = n % 20;
    const rating: CreditRating =
      n < BROKER_COUNT
        ? r < 12
          ? 'ADVANCED_CERTIFIED'
          : 'GENERAL_CERTIFIED'
        : r < 3
          ? 'ADVANCED_CERTIFIED'
          : r < 8
            ? 'GENERAL_CERTIFIED'
            : r < 19
              ? 'REGISTERED'
              : 'DISCREDITED';
    out.push({ uscc: demoUscc(n), name: `Beijing ${word} ${trade} Co., Ltd.`, rating });
  }
  return out;
}
