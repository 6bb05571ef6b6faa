import type { EmbeddedServer } from '../../subgraphs/kit';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { tradegraphTestServer?: EmbeddedServer }).tradegraphTestServer?.stop();
}
