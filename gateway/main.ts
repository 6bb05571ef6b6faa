import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gatewayConfig } from './config';
import { startGateway } from './server';

async function loadSupergraph(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`supergraph ${source}: HTTP ${res.status}`);
    return res.text();
  }
  try {
    return await readFile(resolve(source), 'utf8');
  } catch (err) {
    throw new Error(
      `cannot read the supergraph ${source}: ${(err as Error).message} (run \`npm run compose\`?)`,
    );
  }
}

async function main(): Promise<void> {
  // dist/gateway/main.js → the project root is two levels up; from sources one level.
  const root = __dirname.includes(`${join('dist', 'gateway')}`)
    ? join(__dirname, '..', '..')
    : join(__dirname, '..');
  const config = gatewayConfig(
    process.argv.slice(2),
    process.env,
    join(root, 'schema', 'supergraph.graphql'),
  );
  const supergraphSdl = await loadSupergraph(config.supergraph);
  const gateway = await startGateway({
    ...config,
    supergraphSdl,
    // A supergraph file is watched: `npm run compose` or a deploy updates the running gateway.
    supergraphFile: /^https?:\/\//.test(config.supergraph) ? undefined : resolve(config.supergraph),
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
