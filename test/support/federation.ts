import { seedDemo } from '../../scripts/demo/seed-demo';
import { InProcessFederation, startInProcessFederation } from '../../scripts/in-process-federation';
import { createTestDatabase } from './test-database';

export { postGraphQL } from '../../scripts/in-process-federation';
export type Federation = InProcessFederation;

/** A fresh database seeded with the demo world, and the whole federation over it. */
export async function startFederation(options: { shipments: number }): Promise<Federation> {
  const testDb = await createTestDatabase();
  const urls = { airports: testDb.url, customs: testDb.url, drugs: testDb.url, routes: testDb.url };
  await seedDemo({ urls, shipments: options.shipments });
  const federation = await startInProcessFederation(urls);
  return {
    ...federation,
    async stop() {
      await federation.stop();
      await testDb.drop();
    },
  };
}
