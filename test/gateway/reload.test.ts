import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningGateway, startGateway } from '../../gateway/server';
import { composeSupergraph } from '../../schema/compose-supergraph';
import { airportsSubgraph } from '../../subgraphs/airports';
import { projectRoot } from '../../subgraphs/kit';
import { routesSubgraph } from '../../subgraphs/routes';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError, graphql } from '../support/graphql';

/** A gateway serving a supergraph file picks up a new version of it without a restart. */
describe('supergraph hot reload', () => {
  let fed: Federation;
  let gateway: RunningGateway;
  let dir: string;
  let file: string;
  const logs: string[] = [];

  beforeAll(async () => {
    fed = await startFederation({ shipments: 60 });
    dir = mkdtempSync(join(tmpdir(), 'tradegraph-reload-'));
    file = join(dir, 'supergraph.graphql');
    // Start with two agencies only.
    const { supergraphSdl } = await composeSupergraph([airportsSubgraph, routesSubgraph] as never);
    writeFileSync(file, supergraphSdl);
    gateway = await startGateway({
      supergraphSdl,
      supergraphFile: file,
      port: 0,
      subgraphUrls: Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
      log: (m) => logs.push(m),
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await fed?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const shipmentsQuery = '{ shipments(first: 1) { totalCount } }';
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 50; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the gateway did not reload in 10 s');
  }

  it('serves the new supergraph once the file changes, and keeps it when a bad one follows', async () => {
    expectError(await graphql(gateway.url, shipmentsQuery), 'GRAPHQL_VALIDATION_FAILED');
    expect(
      gateway
        .subgraphs()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['airports', 'routes']);

    writeFileSync(file, readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8'));
    await eventually(async () => !(await graphql(gateway.url, shipmentsQuery)).errors);
    const after = await graphql<{ shipments: { totalCount: number } }>(gateway.url, shipmentsQuery);
    expect(expectData(after).shipments.totalCount).toBe(60);
    expect(gateway.subgraphs()).toHaveLength(4);
    expect(logs.some((l) => l.startsWith('supergraph reloaded'))).toBe(true);

    writeFileSync(file, 'this is not a supergraph');
    await eventually(async () => logs.some((l) => l.includes('rejected, keeping the one served')));
    const still = await graphql<{ shipments: { totalCount: number } }>(gateway.url, shipmentsQuery);
    expect(expectData(still).shipments.totalCount).toBe(60);
  });
});
