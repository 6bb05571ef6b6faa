import { FULL_PICTURE_QUERY } from '../gateway/explorer/full-picture-query';
import type { ScenarioName } from './options';

/** The request a scenario sends: a GraphQL body, as JSON text. */
export type RequestBody = string;

export interface Scenario {
  name: ScenarioName;
  /** What a user of it is doing, for the report. */
  meaning: string;
  /** The next request of the load: variables vary so no cache sees one request over and over. */
  next(): RequestBody;
  /** One fixed request sent to every target before the load: their answers must be equal. */
  check: RequestBody;
  /** The floor: the same kind of read sent straight to one subgraph, where one serves it. */
  direct?: { subgraph: string; next(): RequestBody };
}

/** Facts of the seeded data set the scenarios draw their variables from. */
export interface SampleData {
  awbs: string[];
  airports: string[];
}

const body = (query: string, variables?: Record<string, unknown>): RequestBody =>
  JSON.stringify({ query, variables });

const picture = FULL_PICTURE_QUERY.replace(/^#.*\n/, '');

/** The full picture of every shipment of a page: the analyst's and the export's query. */
export const PAGE_QUERY = picture
  .replace('query Picture($awb: ID!)', 'query Page($first: Int!, $filter: ShipmentFilter)')
  .replace('shipment(awb: $awb) {', 'shipments(first: $first, filter: $filter) { nodes {')
  .replace(/\n}\n$/, '\n} }\n');

export const PUBLIC_QUERY = `query Airport($iataCode: ID!) {
  airport(iataCode: $iataCode) {
    iataCode name city isBeijingHub
    facilities { id kind name status annualCapacityTonnes }
    routes { id region status weeklyFrequency airline { name } origin { iataCode } destination { iataCode } }
  }
}`;

/** The airports-subgraph part of the public read: what the floor measures for `public`. */
const PUBLIC_DIRECT_QUERY = `query Airport($iataCode: ID!) {
  airport(iataCode: $iataCode) { iataCode name city isBeijingHub facilities { id kind name status annualCapacityTonnes } }
}`;

/** Filters a 100-shipment page varies over: each matches many shipments of the demo set. */
const PAGE_FILTERS: Record<string, unknown>[] = [
  {},
  { arrivalAirport: 'PEK' },
  { arrivalAirport: 'PKX' },
  { clearanceStatus: 'RELEASED' },
  { clearanceStatus: 'IN_PROGRESS' },
  { destinationAirport: 'PEK', clearanceStatus: 'RELEASED' },
];

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

export function buildScenarios(sample: SampleData): Record<ScenarioName, Scenario> {
  // In turn rather than at random: every target is sent the same sequence.
  const awb = cycle(sample.awbs);
  const filter = cycle(PAGE_FILTERS);
  const airport = cycle(sample.airports);
  const exportFilter = cycle(PAGE_FILTERS.slice(0, 3));
  const scenarios: Omit<Record<ScenarioName, Scenario>, 'mixed'> = {
    picture: {
      name: 'picture',
      meaning: "a random shipment's full picture (every agency)",
      next: () => body(picture, { awb: awb() }),
      check: body(picture, { awb: sample.awbs[0] }),
    },
    page: {
      name: 'page',
      meaning: "a 100-shipment page with every agency's fields, varying filters",
      next: () => body(PAGE_QUERY, { first: 100, filter: filter() }),
      check: body(PAGE_QUERY, { first: 100, filter: PAGE_FILTERS[1] }),
    },
    export: {
      name: 'export',
      meaning: '1,000 full pictures in one page',
      next: () => body(PAGE_QUERY, { first: 1000, filter: exportFilter() }),
      check: body(PAGE_QUERY, { first: 1000, filter: {} }),
    },
    public: {
      name: 'public',
      meaning: 'an airport with its facilities and routes (public data)',
      next: () => body(PUBLIC_QUERY, { iataCode: airport() }),
      check: body(PUBLIC_QUERY, { iataCode: 'PKX' }),
      direct: {
        subgraph: 'airports',
        next: () => body(PUBLIC_DIRECT_QUERY, { iataCode: airport() }),
      },
    },
  };
  // What a busy front end sends: mostly pictures and airport pages, some 100-row pages.
  const mix = cycle<Scenario>([
    ...Array<Scenario>(6).fill(scenarios.picture),
    ...Array<Scenario>(3).fill(scenarios.public),
    scenarios.page,
  ]);
  return {
    ...scenarios,
    mixed: {
      name: 'mixed',
      meaning: '6 pictures : 3 airport pages : 1 100-shipment page',
      next: () => mix().next(),
      check: scenarios.picture.check,
    },
  };
}
