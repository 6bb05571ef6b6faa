import 'reflect-metadata';
import { parseArgs } from 'node:util';
import {
  databaseUrlFor,
  EmbeddedServer,
  migrateAgency,
  runMain,
  startEmbeddedPostgres,
  usesEmbeddedDatabase,
} from '../subgraphs/kit';
import { DEFAULT_SEED, DEFAULT_SHIPMENTS, MIN_SHIPMENTS } from './demo/config';
import { seedDemo } from './demo/seed-demo';
import { AGENCIES, Agency } from './demo/tables';

const USAGE = `usage: npm run seed -- [--shipments N] [--seed S]

Replaces the demo data of all four agencies with a deterministic data set.
  --shipments N   number of shipments, at least ${MIN_SHIPMENTS} (default ${DEFAULT_SHIPMENTS})
  --seed S        random seed, 0 to 4294967295 (default ${DEFAULT_SEED})
Databases: <AGENCY>_DATABASE_URL, else DATABASE_URL, else the embedded PostgreSQL server.`;

function integerArg(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const text = raw.replace(/_/g, '');
  if (!/^\d+$/.test(text))
    throw new Error(`--${name} must be a whole number, got "${raw}"\n${USAGE}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be between ${min} and ${max}, got ${raw}\n${USAGE}`);
  }
  return value;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function main(): Promise<void> {
  let values: { shipments?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        shipments: { type: 'string', short: 'n' },
        seed: { type: 'string', short: 's' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const shipments = integerArg(
    'shipments',
    values.shipments,
    DEFAULT_SHIPMENTS,
    MIN_SHIPMENTS,
    50_000_000,
  );
  const seed = integerArg('seed', values.seed, DEFAULT_SEED, 0, 0xffffffff);
  const log = (msg: string) => console.log(`[seed] ${msg}`);

  let embedded: EmbeddedServer | undefined;
  try {
    if (AGENCIES.some((a) => usesEmbeddedDatabase(a))) {
      embedded = await startEmbeddedPostgres(log);
      log('embedded PostgreSQL running');
    }
    const urls = Object.fromEntries(AGENCIES.map((a) => [a, databaseUrlFor(a)])) as Record<
      Agency,
      string
    >;
    for (const agency of AGENCIES) {
      const applied = await migrateAgency(urls[agency], agency);
      log(
        `${agency}: ${redact(urls[agency])}${applied.length ? ` (applied ${applied.join(', ')})` : ''}`,
      );
    }
    log(`seeding ${shipments} shipments with seed ${seed}`);
    const result = await seedDemo({ urls, shipments, seed, log });
    const width = Math.max(...Object.keys(result.rows).map((k) => k.length));
    for (const [table, count] of Object.entries(result.rows)) {
      log(`  ${table.padEnd(width)} ${String(count).padStart(10)}`);
    }
    log(`${result.shipments} shipments seeded in ${(result.ms / 1000).toFixed(1)} s`);
  } finally {
    await embedded?.stop();
  }
}

runMain(main);
