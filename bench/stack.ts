import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_NAMES } from '../subgraphs/agencies';
import { BenchDatabase, createBenchDatabase } from './database';
import type { BenchIdentity } from './identity';
import { BenchProcess, freePort, startProcess } from './processes';

/**
 * One built tree's federation: its four subgraphs and its gateway, each a process of its own, on a
 * database of its own. The tree is this checkout, or a revision built for `--compare`.
 */
export interface Stack {
  /** `tradegraph`, or `tradegraph@REV`. */
  label: string;
  database: BenchDatabase;
  subgraphs: BenchProcess[];
  gateway: BenchProcess;
  subgraphUrl(name: string): string;
  stop(): Promise<void>;
}

const graphqlUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

export async function startStack(options: {
  label: string;
  /** The tree's root: its `dist/` holds the built programs. */
  root: string;
  serverUrl: string;
  shipments: number;
  cpuProfDir?: string;
  identity: BenchIdentity;
  log: (msg: string) => void;
}): Promise<Stack> {
  const dist = join(options.root, 'dist');
  const database = await createBenchDatabase({
    serverUrl: options.serverUrl,
    label: options.label.replace(/^tradegraph@?/, '') || 'head',
    distRoot: dist,
    shipments: options.shipments,
    log: options.log,
  });
  const started: BenchProcess[] = [];
  const stop = async () => {
    for (const proc of started.reverse()) await proc.stop();
  };
  try {
    const gatewayPort = await freePort();
    const ports = Object.fromEntries(
      await Promise.all(AGENCY_NAMES.map(async (a) => [a, await freePort()] as const)),
    );
    if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
    const profiled = (name: string) =>
      options.cpuProfDir
        ? [
            '--cpu-prof',
            '--cpu-prof-dir',
            options.cpuProfDir,
            '--cpu-prof-name',
            `${options.label}-${name}.${Date.now()}.cpuprofile`,
          ]
        : [];
    for (const agency of AGENCY_NAMES) {
      const NAME = agency.toUpperCase();
      started.push(
        await startProcess({
          name: `${options.label} ${agency}`,
          script: join(dist, 'subgraphs', agency, 'main.js'),
          nodeArgs: profiled(agency),
          url: graphqlUrl(ports[agency]),
          env: {
            // Run by a launcher that owns the database: no embedded server of its own.
            TRADEGRAPH_LAUNCHER: '1',
            [`${NAME}_DATABASE_URL`]: database.url,
            [`${NAME}_PORT`]: String(ports[agency]),
            GATEWAY_URL: graphqlUrl(gatewayPort),
            // The gateways' identity headers are checked with the run's own key.
            GATEWAY_PUBLIC_KEY: options.identity.publicKeyPem,
          },
        }),
      );
    }
    const subgraphs = [...started];
    const gateway = await startProcess({
      name: `${options.label} gateway`,
      script: join(dist, 'gateway', 'main.js'),
      nodeArgs: profiled('gateway'),
      args: ['--port', String(gatewayPort)],
      url: graphqlUrl(gatewayPort),
      env: {
        ...Object.fromEntries(
          AGENCY_NAMES.map((a) => [`${a.toUpperCase()}_URL`, graphqlUrl(ports[a])]),
        ),
        GATEWAY_SIGNING_KEY: options.identity.privateKeyPem,
        JWT_SECRET: options.identity.jwtSecret,
        // Production's default limit (600 a minute per caller) would measure refusals: the load
        // is one analyst's hundreds of requests a second.
        RATE_LIMIT_PER_MINUTE: '0',
      },
    });
    started.push(gateway);
    return {
      label: options.label,
      database,
      subgraphs,
      gateway,
      subgraphUrl: (name) => graphqlUrl(ports[name]),
      stop,
    };
  } catch (err) {
    await stop();
    await database.drop();
    throw err;
  }
}
