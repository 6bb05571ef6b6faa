import { databaseUrlFor, Database, usesEmbeddedDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { intFromEnv, stringFromEnv } from './env';
import { createLogger, logSettingsFrom, logTo } from './logger';
import { migrateAgency } from './migrations';
import { RunningSubgraph } from './server';
import { SubgraphDefinition, startSubgraph } from './subgraph';
import { otlpTracesUrl, startTracing } from './tracing';

/**
 * Entry point of one agency's subgraph run on its own (`npm run start:customs`): how an agency
 * runs its part on its own infrastructure. Migrates its schema, serves, and stops cleanly on
 * SIGINT/SIGTERM.
 */
export async function runStandalone(def: SubgraphDefinition): Promise<void> {
  const log = logTo(createLogger(def.name, logSettingsFrom(process.env)));
  // Before any request: its spans, and its statements', are exported. Off without an endpoint.
  const tracesUrl = otlpTracesUrl(process.env);
  const stopTracing = await startTracing({ serviceName: `tradegraph-${def.name}`, tracesUrl });
  if (tracesUrl) log(`exporting traces to ${tracesUrl}`);
  const envName = def.name.toUpperCase();
  let stopEmbedded: (() => Promise<void>) | undefined;
  // `npm start` passes the database it started; run alone with no URL, the subgraph starts the
  // embedded server itself (unless another process already did, which shows as a busy port).
  if (usesEmbeddedDatabase(def.name) && process.env.TRADEGRAPH_LAUNCHER !== '1') {
    const embedded = await startEmbeddedPostgres(log);
    stopEmbedded = embedded.stop;
  }
  const url = databaseUrlFor(def.name);
  const db = new Database(url, { applicationName: `tradegraph-${def.name}`, log });
  let running: RunningSubgraph;
  try {
    const applied = await migrateAgency(url, def.name, log);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    const port = intFromEnv(`${envName}_PORT`, intFromEnv('PORT', def.defaultPort));
    const host = stringFromEnv('HOST', '127.0.0.1');
    running = await startSubgraph(def, { db, port, host, log });
  } catch (err) {
    // The embedded server runs detached: a subgraph that cannot start must not leave it behind.
    await db.close().catch(() => undefined);
    await stopEmbedded?.().catch(() => undefined);
    throw err;
  }
  log(`subgraph ready at ${running.url}`);

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping`);
    try {
      // In order: no new requests and those in flight answered, then their connections closed,
      // then the database they used.
      await running.stop();
      await db.close();
      if (stopEmbedded) await stopEmbedded();
      // The spans of the last requests are still in the exporter's batch.
      await stopTracing?.();
      log('stopped');
      process.exit(0);
    } catch (err) {
      console.error(`[${def.name}] stopping failed: ${(err as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Under `npm start`, the launcher holds an IPC channel to us: when it goes away, even killed,
  // so do we, rather than serve on unsupervised.
  process.once('disconnect', () => void stop('launcher gone'));
}

/** Runs `main`, printing a failure as one readable line (plus the cause) instead of a stack dump. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: Error) => {
    console.error(`tradegraph: ${err.message}`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  });
}
