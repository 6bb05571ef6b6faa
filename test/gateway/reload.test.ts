import { composeServices } from '@apollo/composition';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { RunningGateway, startGateway } from '../../gateway/server';
import { committedSubgraphSdl } from '../support/composition';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectData, expectError, graphql } from '../support/graphql';
import { presets, TEST_JWT_SECRET, TEST_SIGNER } from '../support/identities';
import { DEMO_WORLD_SHIPMENTS } from '../support/test-database';

/**
 * A gateway serving a supergraph file picks up a new version of it without a restart, and keeps
 * serving the one it has when the file turns bad, disappears or cannot be read. Each test has a
 * gateway and a file of its own over one federation's subgraphs.
 */
describe('supergraph hot reload', () => {
  let fed: Federation;
  let dir: string;
  /** airports and routes only, composed from their committed SDL: no `shipments` field. */
  let twoAgencies: string;
  const running: RunningGateway[] = [];

  beforeAll(async () => {
    fed = await startFederation();
    dir = mkdtempSync(join(tmpdir(), 'tradegraph-reload-'));
    const composed = composeServices(
      (['airports', 'routes'] as const).map((name) => ({
        name,
        url: `http://${name}/graphql`,
        typeDefs: parse(committedSubgraphSdl(name)),
      })),
    );
    expect(composed.errors).toBeUndefined();
    twoAgencies = composed.supergraphSdl!;
  });
  afterAll(async () => {
    for (const gateway of running) await gateway.stop();
    await fed?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let files = 0;
  /** A gateway watching a file of its own that holds `sdl` at the start. */
  async function reloading(sdl: string) {
    const file = join(dir, `supergraph-${++files}.graphql`);
    writeFileSync(file, sdl);
    const logs: string[] = [];
    const gateway = await startGateway({
      supergraphSdl: sdl,
      supergraphFile: file,
      port: 0,
      subgraphUrls: Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
      // Shipments need an identity: the officer's, verified and signed as the federation's are.
      authentication: { jwtSecret: TEST_JWT_SECRET },
      signer: TEST_SIGNER,
      log: (m) => logs.push(m),
      // Looked at ten times as often as in production, so a change is seen within a tenth of a second.
      supergraphFilePollMs: 100,
    });
    running.push(gateway);
    return { gateway, file, logs };
  }

  /** Polls until `check` holds, for at most 15 s. */
  async function eventually(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
    for (let i = 0; i < 300; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the gateway did not ${what} within 15 s`);
  }

  const shipmentsQuery = '{ shipments(first: 1) { totalCount } }';
  const asOfficer = () => ({ authorization: `Bearer ${presets.officer}` });
  const servesShipments = async (gateway: RunningGateway) =>
    !(await graphql(gateway.url, shipmentsQuery, undefined, asOfficer())).errors;
  async function expectFullSupergraph(gateway: RunningGateway) {
    const res = await graphql<{ shipments: { totalCount: number } }>(
      gateway.url,
      shipmentsQuery,
      undefined,
      asOfficer(),
    );
    expect(expectData(res).shipments.totalCount).toBe(DEMO_WORLD_SHIPMENTS);
    expect(gateway.subgraphs()).toHaveLength(4);
  }
  const logged = (logs: string[], text: string) => () => logs.some((l) => l.includes(text));

  it('serves the new supergraph once the file changes', async () => {
    const { gateway, file, logs } = await reloading(twoAgencies);
    expectError(
      await graphql(gateway.url, shipmentsQuery, undefined, asOfficer()),
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(
      gateway
        .subgraphs()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['airports', 'routes']);

    writeFileSync(file, committedSupergraph());
    await eventually('reload', () => servesShipments(gateway));
    await expectFullSupergraph(gateway);
    expect(logs.some((l) => l.startsWith('supergraph reloaded'))).toBe(true);
  });

  it('keeps the one served when a file that is no supergraph replaces it, then takes a good one', async () => {
    const { gateway, file, logs } = await reloading(committedSupergraph());
    writeFileSync(file, 'this is not a supergraph');
    await eventually('reject it', logged(logs, 'rejected, keeping the one served'));
    await expectFullSupergraph(gateway);

    writeFileSync(file, twoAgencies);
    await eventually('reload', async () => !(await servesShipments(gateway)));
    expect(gateway.subgraphs()).toHaveLength(2);
  });

  it('keeps the one served while the file is deleted, and reloads when it is back', async () => {
    const { gateway, file, logs } = await reloading(committedSupergraph());
    unlinkSync(file);
    await eventually('notice the deletion', logged(logs, 'unreadable, keeping the one served'));
    expect(logs.find((l) => l.includes('unreadable'))).toContain('ENOENT');
    await expectFullSupergraph(gateway);

    writeFileSync(file, twoAgencies);
    await eventually('reload', async () => !(await servesShipments(gateway)));
    expect(gateway.subgraphs()).toHaveLength(2);
  });

  it('keeps the one served while the file cannot be read, and reloads when it can', async () => {
    const { gateway, file, logs } = await reloading(committedSupergraph());
    // A directory where the file was: every read fails (as root, permissions would not).
    unlinkSync(file);
    mkdirSync(file);
    await eventually('notice it', logged(logs, 'EISDIR'));
    expect(logs.find((l) => l.includes('EISDIR'))).toContain('unreadable, keeping the one served');
    await expectFullSupergraph(gateway);

    rmSync(file, { recursive: true });
    writeFileSync(file, twoAgencies);
    await eventually('reload', async () => !(await servesShipments(gateway)));
    expect(gateway.subgraphs()).toHaveLength(2);
  });
});
