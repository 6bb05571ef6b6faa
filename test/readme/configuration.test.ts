import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_SETTINGS, GATEWAY_USAGE } from '../../gateway/config';
import { DAXING_AIRPORT_OFFICE, DEFAULT_SEED, DEFAULT_SHIPMENTS } from '../../scripts/demo/config';
import { EMBEDDED_DEFAULTS, defaultGatewayUrl, projectRoot } from '../../subgraphs/kit';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { DEFAULT_TEST_SERVER_URL } from '../support/test-database';
import { computedReads, expandAgencies, sourceFiles, variablesRead } from './environment';
import { README, anchorOf, codesIn, headings, section, table } from './readme';

/** The README's configuration table, one row per variable cell. */
const CONFIGURATION = table(
  ['variable', 'default', 'read by', 'meaning'],
  section('Configuration'),
);
const namesOf = (row: Record<string, string>) => codesIn(row.variable);
const readBy = (row: Record<string, string>) => row['read by'].split(', ');
const rowOf = (name: string, program?: string) =>
  CONFIGURATION.filter((r) => namesOf(r).includes(name)).find(
    (r) => !program || readBy(r).includes(program),
  );
/** A default cell as text: `` `4000` `` → 4000. */
const plain = (cell: string) => cell.replace(/`/g, '');

const gatewayNames = GATEWAY_SETTINGS.flatMap((s) => expandAgencies(s.env)).sort();

describe("the README's configuration table", () => {
  const files = sourceFiles();

  it('lists every variable the code reads, and only those', () => {
    const read = variablesRead(files);
    const listed = new Set(CONFIGURATION.flatMap(namesOf));
    expect([...read].filter((n) => !listed.has(n)).sort()).toEqual([]);
    expect([...listed].filter((n) => !read.has(n)).sort()).toEqual([]);
    // Each way of reading is seen: a plain name, a helper's, an agency's, a template's.
    for (const name of ['DEBUG', 'PG_POOL_MAX', 'CUSTOMS_PORT', 'ROUTES_URL']) {
      expect(read.has(name)).toBe(true);
    }
  });

  it('can see every read: no variable is read under a computed name', () => {
    expect(computedReads(files)).toEqual([]);
  });

  it("gives the gateway's variables exactly as the gateway's settings (--help) do", () => {
    const readByGateway = [...variablesRead(files.filter((f) => f.path.startsWith('gateway')))];
    expect(readByGateway.sort()).toEqual(gatewayNames);
    const rows = CONFIGURATION.filter((r) => readBy(r).includes('gateway'));
    expect(rows.flatMap(namesOf).sort()).toEqual(gatewayNames);
    for (const setting of GATEWAY_SETTINGS) {
      for (const name of expandAgencies(setting.env)) {
        expect({ name, default: plain(rowOf(name, 'gateway')!.default) }).toEqual({
          name,
          default: setting.default,
        });
      }
    }
  });

  it('--help lists every setting of the gateway with its flag and default', () => {
    for (const setting of GATEWAY_SETTINGS) {
      const line = `  ${[setting.env, setting.flag].filter(Boolean).join(', ')}\n`;
      expect(GATEWAY_USAGE).toContain(line);
      expect(GATEWAY_USAGE).toContain(`default: ${setting.default}`);
    }
  });

  it("gives the code's defaults", () => {
    expect(plain(rowOf('EMBEDDED_PG_PORT')!.default)).toBe(String(EMBEDDED_DEFAULTS.port));
    expect(plain(rowOf('DEMO_SHIPMENTS')!.default)).toBe(String(DEFAULT_SHIPMENTS));
    expect(plain(rowOf('TEST_DATABASE_URL')!.default)).toBe(DEFAULT_TEST_SERVER_URL);
    const ports = SUBGRAPHS.map((d) => d.defaultPort);
    expect(plain(rowOf('CUSTOMS_PORT')!.default)).toBe(
      `${Math.min(...ports)}–${Math.max(...ports)}`,
    );
    expect(ports.sort()).toEqual(ports.map((_, i) => Math.min(...ports) + i));
    // Both read the environment: the defaults show where it does not set them.
    if (!process.env.GATEWAY_URL) {
      expect(plain(rowOf('GATEWAY_URL')!.default)).toBe(defaultGatewayUrl());
    }
    if (process.env.DAXING_CUSTOMS_CODE === undefined) {
      expect(plain(rowOf('DAXING_CUSTOMS_CODE')!.default)).toBe(DAXING_AIRPORT_OFFICE);
    }
  });
});

describe("the README's first steps", () => {
  it('require the Node.js versions package.json does', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8'));
    const [, range] = /\*\*Node\.js `([^`]+)`/.exec(section('Before you start'))!;
    expect(range).toBe(pkg.engines.node);
  });

  it('name the ports the programs take by default', () => {
    const [, gateway, first, last, embedded] =
      /\*\*Free ports\*\*: (\d+) \(gateway\), (\d+)–(\d+) \(subgraphs\) and (\d+) \(embedded PostgreSQL\)/.exec(
        section('Before you start').replace(/\s+/g, ' '),
      )!;
    expect(gateway).toBe(GATEWAY_SETTINGS.find((s) => s.env === 'PORT')!.default);
    const ports = SUBGRAPHS.map((d) => d.defaultPort);
    expect([Number(first), Number(last)]).toEqual([Math.min(...ports), Math.max(...ports)]);
    expect(Number(embedded)).toBe(EMBEDDED_DEFAULTS.port);
  });

  it('give the size and seed of the demo world', () => {
    const text = section('Run it').replace(/\s+/g, ' ');
    const [, started] = /demo world of ([\d,]+) shipments/.exec(text)!;
    expect(Number(started.replace(/,/g, ''))).toBe(DEFAULT_SHIPMENTS);
    const [, reseeded, seed] = /([\d,]+) shipments from seed (\d+)/.exec(text)!;
    expect(Number(reseeded.replace(/,/g, ''))).toBe(DEFAULT_SHIPMENTS);
    expect(Number(seed)).toBe(DEFAULT_SEED);
    expect(/port (\d+), so it never collides/.exec(text)?.[1]).toBe(String(EMBEDDED_DEFAULTS.port));
  });

  it('link only to headings that exist, and list every section in the contents', () => {
    const anchors = new Set([...headings(2), ...headings(3)].map(anchorOf));
    const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
    const contents = [...section('Contents').matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(contents).toEqual(
      headings(2)
        .filter((h) => h !== 'Contents')
        .map(anchorOf),
    );
  });
});
