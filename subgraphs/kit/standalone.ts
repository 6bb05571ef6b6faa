import { databaseUrlFor, Database, usesEmbeddedDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { intFromEnv, stringFromEnv } from './env';
import { migrateAgency } from './migrations';
import { SubgraphDefinition, startSubgraph } from './subgraph';

/**
 * Entry point of one agency's subgraph run on its own (`npm run start:customs`): how an agency
 * runs its part on its own infrastructure. Migrates its schema, serves, and stops cleanly on
 * SIGINT/SIGTERM.
 */
export async function runStandalone(def: SubgraphDefinition): Promise<void> {
  const log = (msg: string) => console.log(`[${def.name}] ${msg}`);
  const envName = def.name.toUpperCase();
  let stopEmbedded: (() => Promise<void>) | undefined;
  // `npm start` passes the database it started; run alone with no URL, the subgraph starts the
  // embedded server itself (unless another process already did, which shows as a busy port).
  if (usesEmbeddedDatabase(def.name) && process.env.TRADEGRAPH_LAUNCHER !== '1') {
    const embedded = await startEmbeddedPostgres(log);
    stopEmbedded = embedded.stop;
  }
  const url = databaseUrlFor(def.name);
  const applied = await migrateAgency(url, def.name, log);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

  const db = new Database(url, { applicationName: `tradegraph-${def.name}` });
  const port = intFromEnv(`${envName}_PORT`, intFromEnv('PORT', def.defaultPort));
  const host = stringFromEnv('HOST', '127.0.0.1');
  const running = await startSubgraph(def, { db, port, host, log });
  log(`subgraph ready at ${running.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await running.stop();
    await db.close();
    if (stopEmbedded) await stopEmbedded();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Runs `main`, printing a failure as one readable line (plus the cause) instead of a stack dump. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: Error) => {
    console.error(`tradegraph: ${err.message}`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  });
}
