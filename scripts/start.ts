import 'reflect-metadata';
import { join } from 'node:path';
import { assertProductionReady, gatewayConfig } from '../gateway/config';
import { intFromEnv, projectRoot, runMain, stringFromEnv } from '../subgraphs/kit';
import { SUBGRAPHS } from '../subgraphs/registry';
import { prepareDatabases } from './database-setup';
import { DEFAULT_SHIPMENTS } from './demo/config';
import { launchCredentials } from './dev-credentials';
import { isSeeded, seedDemo } from './demo/seed-demo';
import { SHOWCASE } from './demo/showcase';
import { ChildSpec, Supervisor } from './supervisor';

/**
 * `npm start`: the whole federation on one machine. Database (embedded unless configured) →
 * migrations → demo data on first run → each subgraph as its own process → the gateway. A child
 * that crashes is restarted (with a growing delay while it keeps crashing) and the others go on
 * serving. Ctrl-C or SIGTERM stops everything in order: the gateway (its requests in flight
 * answered), then the subgraphs, then the database.
 */

const log = (msg: string) => console.log(`[start] ${msg}`);

runMain(async () => {
  // Before anything starts: in production, no development credentials (one line, exit 1).
  assertProductionReady(gatewayConfig([], process.env, ''));
  const started = Date.now();
  const dist = join(projectRoot(), 'dist');
  const supervisor = new Supervisor({ log });
  const databases = prepareDatabases(log);

  let shuttingDown = false;
  const shutdown = async (reason: string, code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const stopping = Date.now();
    log(`${reason}: stopping the federation`);
    await supervisor.stop();
    // A stop asked for while the database was starting waits for it, so as not to leave it behind.
    const embedded = await databases.then(
      (d) => d.embedded,
      () => undefined,
    );
    if (embedded) {
      log('stopping the embedded PostgreSQL server');
      await embedded.stop().catch((err: Error) => console.error(`tradegraph: ${err.message}`));
    }
    log(`stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(signal, 0));
  }
  // Should the launcher itself fail, its children are told to stop rather than left unsupervised.
  process.on('exit', () => supervisor.signalAll());

  // A database that cannot be had is the one line runMain prints; nothing else runs yet.
  const { urls } = await databases;
  try {
    const demoShipments = intFromEnv('DEMO_SHIPMENTS', DEFAULT_SHIPMENTS);
    if (demoShipments > 0 && !(await isSeeded(urls.customs))) {
      log(`seeding the demo world: ${demoShipments} shipments (first run)`);
      const report = await seedDemo({
        urls,
        shipments: demoShipments,
        log: (m) => log(`seed: ${m}`),
      });
      log(`seeded ${report.shipments} shipments in ${(report.ms / 1000).toFixed(1)} s`);
    }

    const gatewayPort = intFromEnv('PORT', 4000);
    const credentials = await launchCredentials(process.env, SUBGRAPHS);
    const gatewayEnv: NodeJS.ProcessEnv = { ...credentials.gateway };
    // One console for five programs: readable lines unless JSON is asked for (LOG_FORMAT=json).
    const childLogFormat = stringFromEnv('LOG_FORMAT', 'text')!;
    const subgraphs: ChildSpec[] = SUBGRAPHS.map((def) => {
      const envName = def.name.toUpperCase();
      const port = intFromEnv(`${envName}_PORT`, def.defaultPort);
      gatewayEnv[`${envName}_URL`] = `http://127.0.0.1:${port}/graphql`;
      return {
        name: def.name,
        script: join(dist, 'subgraphs', def.name, 'main.js'),
        healthUrl: `http://127.0.0.1:${port}/health`,
        env: {
          ...credentials.subgraphs[def.name],
          TRADEGRAPH_LAUNCHER: '1',
          LOG_FORMAT: childLogFormat,
          [`${envName}_DATABASE_URL`]: urls[def.name as keyof typeof urls],
          [`${envName}_PORT`]: String(port),
          // Cross-agency rules read other agencies' data through the gateway.
          GATEWAY_URL: process.env.GATEWAY_URL ?? `http://127.0.0.1:${gatewayPort}/graphql`,
        },
      };
    });
    await supervisor.startGroup(subgraphs);
    await supervisor.startGroup([
      {
        name: 'gateway',
        script: join(dist, 'gateway', 'main.js'),
        args: ['--port', String(gatewayPort)],
        healthUrl: `http://127.0.0.1:${gatewayPort}/health`,
        env: {
          ...gatewayEnv,
          TRADEGRAPH_LAUNCHER: '1',
          LOG_FORMAT: childLogFormat,
          EXPLORER_AWB: process.env.EXPLORER_AWB ?? SHOWCASE.cellTherapy,
        },
      },
    ]);

    const host = stringFromEnv('HOST', '127.0.0.1')!;
    const shown = host === '0.0.0.0' ? 'localhost' : host;
    console.log(`
  tradegraph is up in ${((Date.now() - started) / 1000).toFixed(1)} s

  Explorer (GraphiQL, works offline):  http://${shown}:${gatewayPort}/
  GraphQL endpoint:                    http://${shown}:${gatewayPort}/graphql
  Subgraphs: ${SUBGRAPHS.map((d) => `${d.name} :${intFromEnv(`${d.name.toUpperCase()}_PORT`, d.defaultPort)}`).join(', ')}
  Try a shipment: ${SHOWCASE.cellTherapy} (cell therapy), ${SHOWCASE.transshipment} (transshipment), ${SHOWCASE.fruit} (fruit)
${credentials.notes.map((n) => `\n  ${n}`).join('')}

  A crashed subgraph or gateway is restarted. Ctrl-C stops everything.
`);
  } catch (err) {
    if (shuttingDown) return;
    console.error(`tradegraph: ${(err as Error).message}`);
    await shutdown('the federation could not start', 1);
  }
});
