import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedDemo } from '../../scripts/demo/seed-demo';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { AGENCY_NAMES, AgencyName } from '../../subgraphs/agencies';
import { Federation, startFederation } from '../support/federation';
import { expectData, GraphQLResponse, Json } from '../support/graphql';
import { presets } from '../support/identities';
import {
  codesIn,
  ExampleOperation,
  exampleOperations,
  fencedBlocks,
  section,
  table,
} from '../readme/readme';

/**
 * The README's examples run on the demo data, and what the README says about their answers is
 * checked against the answers: the showcase table, the figures quoted, the shell recipes, the
 * error, the write walkthrough and what `npm run seed` does to it.
 */

const EXAMPLES = 'Example queries';
const WRITING = "Writing: the agencies' mutations";
const reads = exampleOperations(section(EXAMPLES));
const writes = exampleOperations(section(WRITING));
const operation = (name: string) => {
  const found = [...reads, ...writes].find((o) => o.name === name);
  if (!found) throw new Error(`the README has no operation ${name}`);
  return found;
};
/** A section's prose with line breaks as spaces, so that a phrase may wrap. */
const prose = (heading: string) => section(heading).replace(/\s+/g, ' ');
/** The one match of `pattern` in `text`; fails the test, naming the pattern, when there is none. */
function claim(text: string, pattern: RegExp): RegExpExecArray {
  const match = pattern.exec(text);
  if (!match) throw new Error(`the README no longer says ${pattern}`);
  return match;
}

/** The address every shell recipe of the README sends to. */
const README_GATEWAY = 'http://127.0.0.1:4000/graphql';

/** What the showcase table's columns speak of, for one shipment. */
const SHOWCASE_FACTS = `query ShowcaseFacts($awb: ID!) {
  shipment(awb: $awb) {
    isTransshipment
    manifest { grossWeightKg goodsDescription }
    legs {
      from { iataCode }
      to { iataCode }
      flight { number date route { resumedOn } }
    }
    arrival { airport { iataCode } }
    declarations {
      status
      filedAt
      supervisionMode { code }
      bondedZone { name }
      items { hsCode description remanufactured supervisedAsNew drugApproval { category } }
      inspection { required result site { kind airport { iataCode } } }
      licences { code }
    }
    clearance { status }
    consolidatedImport {
      agent { drugImportAgent { categories } }
      specialGoodsApplication { status riskLevel }
    }
  }
}`;

const DAY_MS = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const words = (text: string): string[] => text.toLowerCase().match(/[a-z']{3,}/g) ?? [];
const items = (s: Json): Json[] => s.declarations.flatMap((d: Json) => d.items);
const inspections = (s: Json): Json[] =>
  s.declarations.map((d: Json) => d.inspection).filter(Boolean);

/**
 * The phrases "what it shows" may use, each with what it means in the data. A phrase with no
 * entry here fails the test: a new claim needs a check.
 */
const PHRASES: [RegExp, (s: Json, m: RegExpExecArray) => void][] = [
  [
    /^(cell therapy|gene therapy|clinically urgent drug)$/,
    (s, [, kind]) =>
      expect(items(s).map((i) => i.drugApproval?.category)).toContain(
        kind.toUpperCase().replace(/ /g, '_'),
      ),
  ],
  [
    /^consolidated import by a qualified agent$/,
    (s) => expect(s.consolidatedImport?.agent.drugImportAgent?.categories).toBeDefined(),
  ],
  [
    /^special-goods application (approved|rejected) \(risk ([A-D])\)$/,
    (s, [, status, risk]) =>
      expect(s.consolidatedImport?.specialGoodsApplication).toEqual({
        status: status.toUpperCase(),
        riskLevel: risk,
      }),
  ],
  [
    /^licences? ([A-Z])(?: and ([A-Z]))?$/,
    (s, [, a, b]) =>
      expect(
        s.declarations.flatMap((d: Json) => d.licences.map((l: Json) => l.code)).sort(),
      ).toEqual([a, b].filter(Boolean).sort()),
  ],
  [/^transshipment$/, (s) => expect(s.isTransshipment).toBe(true)],
  [
    /^transferred at ([A-Z]{3})$/,
    (s, [, hub]) => {
      expect(s.arrival.airport.iataCode).toBe(hub);
      expect(s.legs.map((l: Json) => l.from.iataCode)).toContain(hub);
    },
  ],
  [/^never declared$/, (s) => expect(s.declarations).toEqual([])],
  [
    /^([\d,]+(?:\.\d)?) kg$/,
    (s, [, kg]) => expect(s.manifest.grossWeightKg).toBe(Number(kg.replace(/,/g, ''))),
  ],
  [
    /^inspected at the ([A-Z]{3}) (fruit|chilled-aquatic) designated site$/,
    (s, [, airport, kind]) =>
      expect(inspections(s)).toContainEqual({
        required: true,
        result: 'PASSED',
        site: {
          kind: `DESIGNATED_SITE_${kind.toUpperCase().replace('-', '_')}`,
          airport: { iataCode: airport },
        },
      }),
  ],
  [
    /^supervision mode (\d{4})$/,
    (s, [, code]) =>
      expect(s.declarations.map((d: Json) => d.supervisionMode.code)).toContain(code),
  ],
  [
    /^through the (.+)$/,
    (s, [, zone]) => {
      const zones: string[] = s.declarations.map((d: Json) => d.bondedZone?.name ?? '');
      expect(zones.filter((z) => words(zone).every((w) => words(z).includes(w)))).not.toEqual([]);
    },
  ],
  [
    /^supervised as new$/,
    (s) =>
      expect(items(s)).toContainEqual(
        expect.objectContaining({ remanufactured: true, supervisedAsNew: true }),
      ),
  ],
  [
    /^declaration rejected and not re-filed$/,
    (s) => expect(s.declarations.map((d: Json) => d.status)).toEqual(['REJECTED']),
  ],
  [
    /^released on a second declaration after a rejection$/,
    (s) =>
      expect(
        [...s.declarations]
          .sort((a, b) => Date.parse(a.filedAt) - Date.parse(b.filedAt))
          .map((d: Json) => d.status),
      ).toEqual(['REJECTED', 'RELEASED']),
  ],
  [
    /^held for inspection at ([A-Z]{3})$/,
    (s, [, airport]) =>
      expect(inspections(s)).toContainEqual(
        expect.objectContaining({
          required: true,
          result: 'PENDING',
          site: expect.objectContaining({ airport: { iataCode: airport } }),
        }),
      ),
  ],
  [
    /^on ([A-Z0-9]{2}\d{1,4}[A-Z]?)$/,
    (s, [, flight]) => expect(s.legs.map((l: Json) => l.flight.number)).toContain(flight),
  ],
  [
    /^soon after the route resumed$/,
    (s) => {
      const daysAfter = s.legs
        .filter((l: Json) => l.flight.route.resumedOn)
        .map(
          (l: Json) => (Date.parse(l.flight.date) - Date.parse(l.flight.route.resumedOn)) / DAY_MS,
        );
      expect(daysAfter.filter((d: number) => d >= 0 && d <= 31)).not.toEqual([]);
    },
  ],
];

describe('README examples, run on the demo data', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation();
  });
  afterAll(() => fed?.stop());

  const run = (op: ExampleOperation, variables = op.variables) =>
    fed.graphql(op.document, variables);

  it.each(reads.map((op) => [op.name, op]))('%s answers with data', async (_name, op) => {
    const data = expectData(await run(op));
    for (const value of Object.values(data)) {
      expect(value).not.toBeNull();
      if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
    }
  });

  describe('the demo shipments table', () => {
    const rows = table(['AWB', 'journey', 'goods (HS code)', 'clearance', 'what it shows']);
    const facts = new Map<string, Json>();
    const factsOf = async (awb: string) => {
      if (!facts.has(awb)) {
        facts.set(awb, expectData(await fed.graphql(SHOWCASE_FACTS, { awb })).shipment);
      }
      return facts.get(awb);
    };
    const rowName = (row: Record<string, string>) => codesIn(row.AWB)[0];

    it('names showcase shipments, which exist at any scale and seed', () => {
      expect(rows.length).toBeGreaterThan(5);
      expect(Object.values(SHOWCASE)).toEqual(expect.arrayContaining(rows.map(rowName)));
    });

    it.each(rows.map((row) => [rowName(row), row]))(
      '%s: journey, goods and clearance as the table gives them',
      async (awb, row) => {
        const s = await factsOf(awb);
        expect(s).not.toBeNull();
        const journey = [s.legs[0].from.iataCode, ...s.legs.map((l: Json) => l.to.iataCode)];
        expect(journey.join(' → ')).toBe(row.journey);
        expect(s.clearance.status).toBe(codesIn(row.clearance)[0]);

        const [, goods, hs] = /^(.*?)(?: \(([\d, ]+)\))?$/.exec(row['goods (HS code)'])!;
        const declared = [...new Set(items(s).map((i) => i.hsCode))].sort();
        expect(declared).toEqual(hs ? hs.split(', ').sort() : []);
        const described = new Set(
          words([s.manifest.goodsDescription, ...items(s).map((i) => i.description)].join(' ')),
        );
        expect(words(goods).filter((w) => !described.has(w))).toEqual([]);
      },
    );

    it.each(rows.map((row) => [rowName(row), row]))(
      '%s shows what the table says it shows',
      async (awb, row) => {
        const s = await factsOf(awb);
        for (const phrase of row['what it shows'].split(', ')) {
          const entry = PHRASES.map(
            ([pattern, check]) => [pattern.exec(phrase), check] as const,
          ).find(([m]) => m);
          expect({ phrase, checked: Boolean(entry) }).toEqual({ phrase, checked: true });
          entry![1](s, entry![0]!);
        }
      },
    );

    it('each one costs at most the SQL statements the README quotes for a full picture', async () => {
      const [, most] = claim(prose('Performance'), /at most (\d+) for one full picture/);
      const over: { awb: string; statements: number }[] = [];
      for (const awb of rows.map(rowName)) {
        const { result, statements } = await fed.statementsOf(() =>
          run(operation('Picture'), { awb }),
        );
        expectData(result);
        if (statements > Number(most)) over.push({ awb, statements });
      }
      expect(over).toEqual([]);
    });
  });

  it('the shell recipes answer as the explorer does', async () => {
    const recipes = fencedBlocks(section(EXAMPLES))
      .filter((b) => b.lang === 'sh' && b.text.includes('curl'))
      .map((b) => b.text.replace(/\\\n/g, ' ').trim());
    expect(recipes.length).toBeGreaterThanOrEqual(2);
    const dir = await mkdtemp(join(tmpdir(), 'tradegraph-readme-'));
    try {
      for (const recipe of recipes) {
        expect(recipe).toContain(README_GATEWAY);
        const file = /--rawfile query (\S+)/.exec(recipe)?.[1];
        if (file) await writeFile(join(dir, file), operation('Picture').document);
        const { stdout } = await promisify(execFile)(
          'sh',
          ['-c', recipe.replaceAll(README_GATEWAY, fed.gateway.url)],
          // The README mints TOKEN with `npm run token`; here the test federation's officer.
          { cwd: dir, env: { ...process.env, TOKEN: presets.officer } },
        );
        const [, awb] = claim(recipe, /"awb": ?"([^"]+)"/);
        const data = expectData(JSON.parse(stdout) as GraphQLResponse);
        expect(data.shipment.awb).toBe(awb);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("ShipmentPage: the filter's shipments, newest manifest first, page after page", async () => {
    const page = operation('ShipmentPage');
    const { filter, first: size } = page.variables as Json;
    const text = prose(EXAMPLES);
    claim(
      text,
      new RegExp(`supervision mode \`${filter.supervisionMode}\`\\) that entered China at Daxing`),
    );
    expect(filter.arrivalAirport).toBe('PKX');
    expect(Number(claim(text, /newest manifest first, (\d+) shipments a page/)[1])).toBe(size);

    const { shipments } = expectData(await run(page));
    expect(shipments.totalCount).toBeGreaterThan(0);
    expect(shipments.nodes.length).toBe(Math.min(size, shipments.totalCount));
    expect(shipments.pageInfo.hasNextPage).toBe(shipments.totalCount > size);
    const times = shipments.nodes.map((n: Json) => Date.parse(n.manifest.manifestedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const { awb } of shipments.nodes) {
      const { shipment } = expectData(
        await fed.graphql(
          'query Entry($awb: ID!) { shipment(awb: $awb) { portOfEntry { iataCode } declarations { supervisionMode { code } } } }',
          { awb },
        ),
      );
      expect(shipment.portOfEntry.iataCode).toBe(filter.arrivalAirport);
      expect(shipment.declarations.map((d: Json) => d.supervisionMode.code)).toContain(
        filter.supervisionMode,
      );
    }

    // "Send the same variables with `after` set to the `endCursor` of the page before."
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const next: Json = expectData(await run(page, { ...page.variables, first: 5, after }));
      expect(next.shipments.totalCount).toBe(shipments.totalCount);
      walked.push(...next.shipments.nodes.map((n: Json) => n.awb));
      after = next.shipments.pageInfo.hasNextPage ? next.shipments.pageInfo.endCursor : null;
    } while (after);
    expect(walked.length).toBe(shipments.totalCount);
    expect(walked.slice(0, size)).toEqual(shipments.nodes.map((n: Json) => n.awb));
  });

  it('ShipmentPage with the filter "What next" suggests: the shipments held for inspection', async () => {
    const [, filter] = claim(
      prose('What next'),
      /`filter`: `(\{[^`]+\})` gives the shipments customs holds for inspection/,
    );
    const page = operation('ShipmentPage');
    const { shipments } = expectData(
      await run(page, { ...page.variables, filter: JSON.parse(filter) }),
    );
    expect(shipments.totalCount).toBeGreaterThan(0);
    expect(new Set(shipments.nodes.map((n: Json) => n.clearance.status))).toEqual(
      new Set(['INSPECTION']),
    );
  });

  it('ClearanceTimes: per supervision mode, released of filed, hours to 2 decimals', async () => {
    const op = operation('ClearanceTimes');
    expect(op.variables).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy: 'SUPERVISION_MODE',
    });
    claim(prose(EXAMPLES), /declarations filed in 2025 by supervision mode/);
    const modes = table(['code', 'supervision mode'], section('Glossary')).map(
      (r) => codesIn(r.code)[0],
    );
    const { clearanceStats } = expectData(await run(op));
    for (const stat of clearanceStats) {
      expect(modes).toContain(stat.key);
      expect(stat.released).toBeLessThanOrEqual(stat.declarations);
      for (const hours of [stat.medianHours, stat.p90Hours].filter((h) => h !== null)) {
        expect(hours).toBe(Number(hours.toFixed(2)));
      }
      if (stat.medianHours !== null) expect(stat.medianHours).toBeLessThanOrEqual(stat.p90Hours);
    }
  });

  it('RouteRecovery: the months asked for, and the resumption the README quotes', async () => {
    const op = operation('RouteRecovery');
    const { region, from, to } = op.variables as Json;
    const [, monthName, year, before, after, airline, prefix, out, back] = claim(
      prose(EXAMPLES),
      /In (\w+) (\d{4}) `activeRoutes` goes from (\d+) to (\d+), when (.+?)'s ([A-Z]{2})(\d+)\/(\d+) between Capital and Washington Dulles resumed/,
    );
    const { routeRecovery } = expectData(await run(op));
    const months: string[] = routeRecovery.map((p: Json) => p.month);
    expect(months.every((m) => m >= from.slice(0, 7) && m <= to)).toBe(true);
    const m = MONTHS.indexOf(monthName);
    const day = (monthIndex: number, d: number) =>
      new Date(Date.UTC(Number(year), monthIndex, d)).toISOString().slice(0, 10);
    const [previous, start, end] = [day(m - 1, 1), day(m, 1), day(m + 1, 0)];
    const point = (m: string) => routeRecovery.find((p: Json) => p.month === m);
    expect([point(previous)?.activeRoutes, point(start)?.activeRoutes]).toEqual([
      Number(before),
      Number(after),
    ]);

    // The routes that resumed that month: the airline's pair between PEK and IAD.
    const { routes } = expectData(
      await fed.graphql(
        `query Resumed($region: Region!, $start: Date!, $end: Date!) {
          routes(region: $region, first: 1000) {
            nodes {
              resumedOn
              airline { name }
              origin { iataCode name }
              destination { iataCode name }
              flights(from: $start, to: $end) { number }
            }
          }
        }`,
        { region, start, end },
      ),
    );
    const resumed = routes.nodes.filter((r: Json) => r.resumedOn >= start && r.resumedOn <= end);
    expect(resumed.length).toBe(Number(after) - Number(before));
    for (const r of resumed) {
      expect(r.airline.name).toBe(airline);
      expect([r.origin.iataCode, r.destination.iataCode].sort()).toEqual(['IAD', 'PEK']);
      expect(`${r.origin.name} ${r.destination.name}`).toMatch(
        /Capital.*Washington Dulles|Washington Dulles.*Capital/,
      );
    }
    const numbers = resumed.flatMap((r: Json) => r.flights.map((f: Json) => f.number));
    expect(new Set(numbers)).toEqual(new Set([`${prefix}${out}`, `${prefix}${back}`]));
  });

  it('Throughput: each month of the year at the airport, weights to 0.1 kg', async () => {
    const op = operation('Throughput');
    const { airport, from, to, interval } = op.variables as Json;
    claim(
      prose(EXAMPLES),
      /tallied at Daxing in each month of 2025 \(Beijing time\), its weight in kilograms to 0\.1 kg/,
    );
    expect([airport, from, to, interval]).toEqual(['PKX', '2025-01-01', '2025-12-31', 'MONTH']);
    const { cargoThroughput } = expectData(await run(op));
    for (const { periodStart, weightKg } of cargoThroughput) {
      expect(periodStart).toMatch(/^2025-\d\d-01$/);
      expect(weightKg).toBe(Number(weightKg.toFixed(1)));
    }
  });

  it('the bad-input example is the error the gateway gives', async () => {
    const [, awb] = claim(prose(EXAMPLES), /`Picture` with the AWB `([^`]+)`/);
    const shown = JSON.parse(
      fencedBlocks(section(EXAMPLES)).find((b) => b.lang === 'json' && b.text.includes('"errors"'))!
        .text,
    );
    const response = await run(operation('Picture'), { awb });
    expect(response.errors).toHaveLength(shown.errors.length);
    expect(response.errors).toMatchObject(shown.errors);
  });

  describe('the write walkthrough, in order', () => {
    it('runs each operation without errors', async () => {
      expect(writes.map((w) => w.operation)).toContain('mutation');
      for (const op of writes) expectData(await run(op));
    });

    it('ends with every step in the journey, and the clearance time the README quotes', async () => {
      const [, hours] = claim(prose(WRITING), /arrival to release, ([\d.]+) h/);
      const fly = operation('Fly').variables as Json;
      const tally = (operation('Tally').variables as Json).tally;
      const { shipment } = expectData(await run(operation('Journey')));
      expect(shipment.legs.map((l: Json) => l.flight)).toEqual([
        { number: fly.flightNumber, status: 'ARRIVED', actualArrival: expect.any(String) },
      ]);
      expect(Date.parse(shipment.arrival.arrivedAt)).toBe(Date.parse(tally.arrivedAt));
      expect(shipment.arrival.facility.kind).toBe('DESIGNATED_SITE_CHILLED_AQUATIC');
      expect(shipment.declarations).toHaveLength(1);
      expect(shipment.declarations[0]).toMatchObject({
        status: 'RELEASED',
        inspection: { result: 'PASSED', site: { kind: 'DESIGNATED_SITE_CHILLED_AQUATIC' } },
      });
      expect(shipment.clearance).toEqual({
        status: 'RELEASED',
        hoursFromArrivalToRelease: Number(hours),
      });
    });

    it('is undone by `npm run seed`: every table emptied, idempotency keys included', async () => {
      claim(
        prose('Run it'),
        /empties every table of the four agencies\*\* — the demo rows and everything written since through the mutations, their history and idempotency keys included/,
      );
      const manifest = operation('RegisterManifest');
      const awb = (manifest.variables as Json).manifest.awb;
      const present = async () =>
        expectData(
          await fed.graphql('query Present($awb: ID!) { shipment(awb: $awb) { awb } }', { awb }),
        ).shipment;
      expect(await present()).not.toBeNull();

      const urls = Object.fromEntries(AGENCY_NAMES.map((a) => [a, fed.databaseUrl])) as Record<
        AgencyName,
        string
      >;
      await seedDemo({ urls, shipments: 300 });
      expect(await present()).toBeNull();
      // Its key gone too: the same call writes again rather than replaying the first answer.
      expectData(await run(manifest));
      expect(await present()).not.toBeNull();
    });
  });
});
