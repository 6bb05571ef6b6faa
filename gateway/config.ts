import { parseArgs } from 'node:util';

export interface GatewayConfig {
  supergraph: string;
  port: number;
  host: string;
  subgraphTimeoutMs: number;
  explorerAwb?: string;
  corsOrigins: string[];
}

const USAGE = `usage: gateway [--supergraph FILE|URL] [--port N] [--host ADDR]
  --supergraph  supergraph SDL file or http(s) URL (env SUPERGRAPH; default schema/supergraph.graphql)
  --port        port to listen on (env PORT; default 4000)
  --host        address to bind (env HOST; default 127.0.0.1; 0.0.0.0 in containers)
Per-subgraph URLs override the supergraph's with <NAME>_URL, e.g. CUSTOMS_URL.
CORS_ORIGINS: comma-separated browser origins allowed to call /graphql (default *).`;

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${name} must be a whole number from 0 to 65535, got "${raw}"\n${USAGE}`);
  }
  return n;
}

export function gatewayConfig(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaultSupergraph: string,
): GatewayConfig {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        supergraph: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    supergraph: parsed.supergraph ?? env.SUPERGRAPH ?? defaultSupergraph,
    port: positiveInt('port', parsed.port ?? env.PORT ?? '4000'),
    host: parsed.host ?? env.HOST ?? '127.0.0.1',
    subgraphTimeoutMs: positiveInt('SUBGRAPH_TIMEOUT_MS', env.SUBGRAPH_TIMEOUT_MS ?? '10000'),
    explorerAwb: env.EXPLORER_AWB,
    corsOrigins: (env.CORS_ORIGINS ?? '*')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
