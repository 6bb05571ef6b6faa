import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAXING_AIRPORT_OFFICE, DEFAULT_SEED, DEFAULT_SHIPMENTS } from '../../scripts/demo/config';
import { seedDemo } from '../../scripts/demo/seed-demo';
import { qualified, TABLE_ORDER, TABLES } from '../../scripts/demo/tables';
import { createTestDatabase } from '../support/test-database';
import { fingerprintTables, nonEmptyTables, TableFingerprint } from './table-fingerprint';

/**
 * The demo data set is a pure function of (seed, shipment count): these fingerprints of every
 * table the seeder fills were taken from the generator as it was before it was restructured, and
 * any change to the generator's code that is not meant to change the data must leave them equal.
 * A deliberate change of the data regenerates them:
 *   UPDATE_FINGERPRINT=1 npx jest test/demo/fingerprint.test.ts
 * (and the commit says why the data changed).
 */

interface Case {
  name: string;
  shipments: number;
  seed: number;
  tables: Record<string, TableFingerprint>;
}

interface Expected {
  method: string;
  cases: Case[];
}

const FILE = join(__dirname, 'fingerprint.expected.json');
const UPDATE = process.env.UPDATE_FINGERPRINT === '1';

const METHOD =
  'per table: count(*) and md5(string_agg(t::text, \'|\' ORDER BY t::text COLLATE "C")), ' +
  'session TimeZone UTC, DateStyle ISO, extra_float_digits 1; each case seeded into a fresh database';

/** The cases, as recorded (sizes and seeds are part of the record). */
const CASES: Omit<Case, 'tables'>[] = [
  { name: 'small', shipments: 300, seed: 20261127 },
  { name: 'default', shipments: 5000, seed: 20261127 },
  { name: 'minimum, other seed', shipments: 60, seed: 7 },
];

const seededTables = TABLE_ORDER.map((t) => qualified(TABLES[t]));
const expected: Expected | null = UPDATE
  ? null
  : (JSON.parse(readFileSync(FILE, 'utf8')) as Expected);
const recorded: Case[] = [];

describe('demo data fingerprint', () => {
  test('preconditions: the data depends on no environment override, the default is recorded', () => {
    // DAXING_CUSTOMS_CODE changes declaration numbers and office codes of every PKX shipment.
    expect(DAXING_AIRPORT_OFFICE).toBe('0102');
    expect({ shipments: DEFAULT_SHIPMENTS, seed: DEFAULT_SEED }).toEqual({
      shipments: CASES[1].shipments,
      seed: CASES[1].seed,
    });
    if (expected) {
      expect(
        expected.cases.map(({ name, shipments, seed }) => ({ name, shipments, seed })),
      ).toEqual(CASES);
      for (const c of expected.cases) expect(Object.keys(c.tables)).toEqual(seededTables);
    }
  });

  test.each(CASES)(
    '$name: $shipments shipments, seed $seed',
    async ({ name, shipments, seed }) => {
      const db = await createTestDatabase();
      try {
        const url = db.url;
        await seedDemo({
          urls: { airports: url, customs: url, drugs: url, routes: url },
          shipments,
          seed,
        });
        // Every table the seeding filled is fingerprinted (a new one cannot slip past); the
        // migration ledgers are the migrations' own.
        const filled = await nonEmptyTables(url, ['airports', 'customs', 'drugs', 'routes']);
        expect(
          filled.filter((t) => !seededTables.includes(t) && !t.endsWith('.pgmigrations')),
        ).toEqual([]);
        const tables = await fingerprintTables(url, seededTables);
        recorded.push({ name, shipments, seed, tables });
        if (expected) expect(tables).toEqual(expected.cases.find((c) => c.name === name)?.tables);
      } finally {
        await db.drop();
      }
    },
    300_000,
  );

  afterAll(() => {
    if (UPDATE && recorded.length === CASES.length) {
      const order = (c: Case) => CASES.findIndex((k) => k.name === c.name);
      recorded.sort((a, b) => order(a) - order(b));
      writeFileSync(FILE, JSON.stringify({ method: METHOD, cases: recorded }, null, 2) + '\n');
    }
  });
});
