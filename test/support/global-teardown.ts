import type { EmbeddedServer } from '../../subgraphs/kit';
import { dropRunDatabases } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { tradegraphTestServer?: EmbeddedServer }).tradegraphTestServer;
  try {
    // A template still being built (no file needed it yet) would be left half made.
    await (globalThis as { tradegraphTemplates?: Promise<void> }).tradegraphTemplates;
    await dropRunDatabases();
  } finally {
    await server?.stop();
  }
}
