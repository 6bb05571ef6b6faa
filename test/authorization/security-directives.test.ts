import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { splitSecurityDirectives } from '../../gateway/authorization/security-directives';
import { SupergraphSource } from '../../gateway/supergraph-source';
import { readSupergraph } from '../schema/api-schema';

/**
 * The authorization directives taken out of the supergraph: read per type and field, and a
 * supergraph left that @apollo/gateway loads (it refuses the SECURITY specs), also on reload.
 */

const committed = readSupergraph();
const authenticated = { authenticated: true, scopes: [] };
const tradeRead = { authenticated: false, scopes: [[['trade:read']]] };

describe('splitting the security directives off the supergraph', () => {
  const { requirements, gatewaySdl } = splitSecurityDirectives(committed);

  it('reads the requirements per type and per field, as the subgraphs declared them', () => {
    expect(requirements.types.get('Shipment')).toEqual(authenticated);
    expect(requirements.types.get('Declaration')).toEqual(authenticated);
    expect(requirements.types.get('Airport')).toBeUndefined();
    expect(requirements.fields.get('Query.shipment')).toEqual(authenticated);
    expect(requirements.fields.get('Query.declaration')).toEqual(authenticated);
    expect(requirements.fields.get('SpecialGoodsApplication.shipments')).toEqual(tradeRead);
    expect(requirements.fields.get('ConsolidatedImport.shipments')).toEqual(tradeRead);
    expect(requirements.fields.get('Enterprise.customsCreditRating')).toEqual(tradeRead);
    expect(requirements.fields.get('Mutation.registerManifest')).toEqual({
      authenticated: false,
      scopes: [[['customs:write']]],
    });
    expect(requirements.fields.get('Enterprise.name')).toBeUndefined();
  });

  it('leaves a supergraph without them, which @apollo/gateway loads (it refuses the original)', async () => {
    // `@inaccessible` (for: SECURITY too) is one @apollo/gateway supports: it stays.
    expect(gatewaySdl).not.toMatch(
      /@authenticated|@requiresScopes|\/(authenticated|requiresScopes)\/v[0-9.]+", for: SECURITY/,
    );
    expect(gatewaySdl).toContain('inaccessible/v0.2", for: SECURITY');
    const refused = new ApolloGateway({ supergraphSdl: committed });
    await expect(refused.load()).rejects.toThrow(/for: SECURITY/);
    await refused.stop().catch(() => undefined);
    const gateway = new ApolloGateway({ supergraphSdl: gatewaySdl });
    try {
      const { schema } = await gateway.load();
      expect(schema.getQueryType()?.getFields().shipment).toBeDefined();
    } finally {
      await gateway.stop();
    }
  });

  it('follows the names the @link gives the directives', () => {
    const renamed = committed
      .replace(
        '@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
        '@link(url: "https://specs.apollo.dev/authenticated/v0.1", as: "signedIn", for: SECURITY)',
      )
      .replace(/@authenticated\b/g, '@signedIn');
    const split = splitSecurityDirectives(renamed);
    expect(split.requirements.types.get('Shipment')).toEqual(authenticated);
    expect(split.gatewaySdl).not.toContain('signedIn');
  });

  it('returns a supergraph that links neither as it is, with no requirements', () => {
    const plain = gatewaySdl;
    const split = splitSecurityDirectives(plain);
    expect(split.gatewaySdl).toBe(plain);
    expect(split.requirements.types.size + split.requirements.fields.size).toBe(0);
  });

  it('refuses malformed scopes rather than reading them as none', () => {
    const malformed = committed.replace(
      '@requiresScopes(scopes: [["trade:read"]])',
      '@requiresScopes(scopes: "trade:read")',
    );
    expect(() => splitSecurityDirectives(malformed)).toThrow(/needs scopes/);
  });
});

describe('a reloaded supergraph', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tradegraph-authz-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the requirements together with the supergraph @apollo/gateway gets', async () => {
    const file = join(dir, 'supergraph.graphql');
    writeFileSync(file, committed);
    const source = new SupergraphSource({
      supergraphSdl: committed,
      supergraphFile: file,
      filePollMs: 100,
      log: () => undefined,
    });
    let reloaded: (sdl: string) => void = () => undefined;
    const updated = new Promise<string>((resolve) => (reloaded = resolve));
    const hooks = {
      update: (sdl: string) => reloaded(sdl),
      healthCheck: async () => undefined,
      getDataSource: () => {
        throw new Error('not used by the source');
      },
    };
    const { supergraphSdl: first, cleanup } = await source.initialize(hooks);
    try {
      expect(first).not.toContain('@requiresScopes');
      expect(source.accessRequirements().fields.get('Query.declaration')).toEqual(authenticated);
      // The next version reserves declarations by number to trade:read. Written until the watcher
      // reports it: its first look at the file may come after the first write, which it then
      // takes for the file's starting state.
      const next = committed.replace(
        /(declaration\([^)]*\): Declaration @join__field\(graph: CUSTOMS\)) @authenticated/s,
        '$1 @requiresScopes(scopes: [["trade:read"]])',
      );
      expect(next).not.toBe(committed);
      let seen = false;
      void updated.then(() => (seen = true));
      while (!seen) {
        writeFileSync(file, next);
        await Promise.race([updated, new Promise((r) => setTimeout(r, 300))]);
      }
      const served = await updated;
      expect(served).not.toContain('@requiresScopes');
      expect(source.accessRequirements().fields.get('Query.declaration')).toEqual(tradeRead);
    } finally {
      await cleanup?.();
    }
  });
});
