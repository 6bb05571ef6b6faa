import { join } from 'node:path';
import { assertProductionReady, gatewayConfig } from './config';
import { readExplorerQuery } from './explorer/explorer';
import { createLogger, logTo } from './logger';
import { DEV_SIGNING_KEY_FILE, developmentSigner, signerFromPem } from './identity-signer';
import { readManifest } from './persisted-operations/manifest';
import { startGateway } from './server';
import { readSupergraph } from './supergraph-source';
import { startTracing } from './tracing';

async function main(): Promise<void> {
  // dist/gateway/main.js → the project root is two levels up; from sources one level.
  const root = __dirname.includes(`${join('dist', 'gateway')}`)
    ? join(__dirname, '..', '..')
    : join(__dirname, '..');
  const fullConfig = gatewayConfig(
    process.argv.slice(2),
    process.env,
    join(root, 'schema', 'supergraph.graphql'),
  );
  assertProductionReady(fullConfig);
  const {
    explorerQueryFile,
    signingKey,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    production,
    log: logSettings,
    tracesUrl,
    persistedOperations,
    ...config
  } = fullConfig;
  const { manifestFile, ...persisted } = persistedOperations;
  const log = logTo(createLogger('gateway', logSettings));
  // Before the gateway starts, so that its first spans are exported; off without an endpoint.
  const stopTracing = await startTracing({ serviceName: 'tradegraph-gateway', tracesUrl });
  if (tracesUrl) log(`exporting traces to ${tracesUrl}`);
  const gateway = await startGateway({
    ...config,
    signer: signingKey
      ? signerFromPem(signingKey)
      : developmentSigner(join(root, DEV_SIGNING_KEY_FILE)),
    // A supergraph file is watched: `npm run compose` or a deploy updates the running gateway.
    ...(await readSupergraph(config.supergraph)),
    explorerQuery: explorerQueryFile ? await readExplorerQuery(explorerQueryFile) : undefined,
    persistedOperations: {
      ...persisted,
      operations: manifestFile ? await readManifest(manifestFile) : undefined,
    },
    log,
  });
  log(
    `ready at ${gateway.url} (explorer at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${gateway.port}/)`,
  );

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping`);
    try {
      // No new requests; those in flight are answered first (cut after 10 s).
      await gateway.stop();
      // The spans of the last requests are still in the exporter's batch.
      await stopTracing?.();
      log('stopped');
      process.exit(0);
    } catch (err) {
      console.error(`[gateway] stopping failed: ${(err as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Under `npm start`, the launcher holds an IPC channel to us: when it goes away, even killed,
  // so do we, rather than serve on unsupervised.
  process.once('disconnect', () => void stop('launcher gone'));
}

main().catch((err: Error) => {
  console.error(`gateway: ${err.message}`);
  process.exit(1);
});
