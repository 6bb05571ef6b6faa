import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { runMain } from '../subgraphs/kit';
import { prepareDatabases, redact } from './database-setup';
import { DEFAULT_SEED, DEFAULT_SHIPMENTS, MIN_SHIPMENTS } from './demo/config';
import { isSeeded, seedDemo } from './demo/seed-demo';

const USAGE = `usage: npm run seed -- [--shipments N] [--seed S] [--if-empty]

Replaces the demo data of all four agencies with a deterministic data set.
  --shipments N   number of shipments, at least ${MIN_SHIPMENTS} (default ${DEFAULT_SHIPMENTS})
  --seed S        random seed, 0 to 4294967295 (default ${DEFAULT_SEED})
  --if-empty      do nothing when shipments are already there (for container start-up)
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

async function main(): Promise<void> {
  let values: { shipments?: string; seed?: string; 'if-empty'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        shipments: { type: 'string', short: 'n' },
        seed: { type: 'string', short: 's' },
        'if-empty': { type: 'boolean' },
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

  const { urls, embedded } = await prepareDatabases(log);
  try {
    for (const [agency, url] of Object.entries(urls)) log(`${agency}: ${redact(url)}`);
    if (values['if-empty'] && (await isSeeded(urls.customs))) {
      log('shipments already present: nothing to do (--if-empty)');
      return;
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
