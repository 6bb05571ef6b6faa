import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { intFromEnv, projectRoot, runMain, stringFromEnv } from '../subgraphs/kit';
import { SUBGRAPHS } from '../subgraphs/registry';
import { prepareDatabases } from './database-setup';
import { DEFAULT_SHIPMENTS } from './demo/config';
import { isSeeded, seedDemo } from './demo/seed-demo';
import { SHOWCASE } from './demo/showcase';

/**
 * `npm start`: the whole federation on one machine. Database (embedded unless configured) →
 * migrations → demo data on first run → each subgraph as its own process → the gateway. Ctrl-C or
 * SIGTERM stops everything, children first, then the database.
 */

const log = (msg: string) => console.log(`[start] ${msg}`);
const children: { name: string; proc: ChildProcess }[] = [];

async function waitForHealth(name: string, proc: ChildProcess, url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null)
      throw new Error(`${name} exited with code ${proc.exitCode} while starting`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function launch(
  name: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const proc = spawn(process.execPath, ['--enable-source-maps', script, ...args], {
    env: { ...process.env, ...env, TRADEGRAPH_LAUNCHER: '1' },
    stdio: 'inherit',
  });
  children.push({ name, proc });
  return proc;
}

function stopChildren(signal: NodeJS.Signals): Promise<void> {
  return Promise.all(
    children.map(
      ({ proc }) =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          proc.once('exit', () => resolve());
          proc.kill(signal);
          setTimeout(() => {
            proc.kill('SIGKILL');
            resolve();
          }, 10_000).unref();
        }),
    ),
  ).then(() => undefined);
}

runMain(async () => {
  const started = Date.now();
  const dist = join(projectRoot(), 'dist');
  const { urls, embedded } = await prepareDatabases(log);

  let shuttingDown = false;
  const shutdown = async (reason: string, code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${reason}: stopping the federation`);
    await stopChildren('SIGTERM');
    if (embedded) {
      await embedded.stop().catch((err: Error) => log(`embedded PostgreSQL: ${err.message}`));
    }
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

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

    const gatewayEnv: NodeJS.ProcessEnv = {};
    const gatewayPort = intFromEnv('PORT', 4000);
    for (const def of SUBGRAPHS) {
      const envName = def.name.toUpperCase();
      const port = intFromEnv(`${envName}_PORT`, def.defaultPort);
      const proc = launch(def.name, join(dist, 'subgraphs', def.name, 'main.js'), [], {
        [`${envName}_DATABASE_URL`]: urls[def.name as keyof typeof urls],
        [`${envName}_PORT`]: String(port),
        // Cross-agency rules read other agencies' data through the gateway.
        GATEWAY_URL: process.env.GATEWAY_URL ?? `http://127.0.0.1:${gatewayPort}/graphql`,
      });
      gatewayEnv[`${envName}_URL`] = `http://127.0.0.1:${port}/graphql`;
      proc.once('exit', (code) => void shutdown(`${def.name} exited (${code})`, 1));
    }
    await Promise.all(
      children.map(({ name, proc }) => {
        const def = SUBGRAPHS.find((d) => d.name === name)!;
        const port = intFromEnv(`${name.toUpperCase()}_PORT`, def.defaultPort);
        return waitForHealth(name, proc, `http://127.0.0.1:${port}/health`);
      }),
    );

    const host = stringFromEnv('HOST', '127.0.0.1')!;
    const gateway = launch(
      'gateway',
      join(dist, 'gateway', 'main.js'),
      ['--port', String(gatewayPort)],
      {
        ...gatewayEnv,
        EXPLORER_AWB: process.env.EXPLORER_AWB ?? SHOWCASE.cellTherapy,
      },
    );
    gateway.once('exit', (code) => void shutdown(`gateway exited (${code})`, 1));
    await waitForHealth('gateway', gateway, `http://127.0.0.1:${gatewayPort}/health`);

    const shown = host === '0.0.0.0' ? 'localhost' : host;
    console.log(`
  tradegraph is up in ${((Date.now() - started) / 1000).toFixed(1)} s

  Explorer (GraphiQL, works offline):  http://${shown}:${gatewayPort}/
  GraphQL endpoint:                    http://${shown}:${gatewayPort}/graphql
  Subgraphs: ${SUBGRAPHS.map((d) => `${d.name} :${intFromEnv(`${d.name.toUpperCase()}_PORT`, d.defaultPort)}`).join(', ')}
  Try a shipment: ${SHOWCASE.cellTherapy} (cell therapy), ${SHOWCASE.transshipment} (transshipment), ${SHOWCASE.fruit} (fruit)

  Ctrl-C stops everything.
`);
  } catch (err) {
    await shutdown(`failed: ${(err as Error).message}`, 1);
  }
});
