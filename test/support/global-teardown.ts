import type { EmbeddedServer } from '../../subgraphs/kit';
import { dropRunDatabases } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { tradegraphTestServer?: EmbeddedServer }).tradegraphTestServer;
  try {
    await dropRunDatabases();
  } finally {
    await server?.stop();
  }
}
