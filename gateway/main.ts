import { join } from 'node:path';
import { gatewayConfig } from './config';
import { readExplorerQuery } from './explorer/explorer';
import { startGateway } from './server';
import { readSupergraph } from './supergraph-source';

async function main(): Promise<void> {
  // dist/gateway/main.js → the project root is two levels up; from sources one level.
  const root = __dirname.includes(`${join('dist', 'gateway')}`)
    ? join(__dirname, '..', '..')
    : join(__dirname, '..');
  const { explorerQueryFile, ...config } = gatewayConfig(
    process.argv.slice(2),
    process.env,
    join(root, 'schema', 'supergraph.graphql'),
  );
  const gateway = await startGateway({
    ...config,
    // A supergraph file is watched: `npm run compose` or a deploy updates the running gateway.
    ...(await readSupergraph(config.supergraph)),
    explorerQuery: explorerQueryFile ? await readExplorerQuery(explorerQueryFile) : undefined,
    log: (m) => console.log(`[gateway] ${m}`),
  });
  console.log(
    `[gateway] ready at ${gateway.url} (explorer at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${gateway.port}/)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[gateway] ${signal}: stopping`);
    await gateway.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`gateway: ${err.message}`);
  process.exit(1);
});
