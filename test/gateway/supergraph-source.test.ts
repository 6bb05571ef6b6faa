import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSupergraph, SupergraphSource } from '../../gateway/supergraph-source';
import { projectRoot } from '../../subgraphs/kit';

describe('the supergraph source', () => {
  const committed = join(projectRoot(), 'schema', 'supergraph.graphql');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tradegraph-source-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a supergraph file, to be watched', async () => {
    const { supergraphSdl, supergraphFile } = await readSupergraph(committed);
    expect(supergraphSdl).toContain('enum join__Graph');
    expect(supergraphFile).toBe(committed);
  });

  it('refuses a file that is missing or is no supergraph, saying which', async () => {
    await expect(readSupergraph(join(dir, 'missing.graphql'))).rejects.toThrow(
      /cannot read the supergraph .*missing\.graphql.*npm run compose/,
    );
    const plain = join(dir, 'plain.graphql');
    writeFileSync(plain, 'type Query { hello: String }');
    await expect(readSupergraph(plain)).rejects.toThrow(/plain\.graphql is not a supergraph/);
    const garbage = join(dir, 'garbage.graphql');
    writeFileSync(garbage, 'this is not a supergraph');
    await expect(readSupergraph(garbage)).rejects.toThrow(/is not a supergraph: Syntax Error/);
  });

  it('lists the subgraphs with the URLs the gateway uses', async () => {
    const { supergraphSdl } = await readSupergraph(committed);
    const source = new SupergraphSource({
      supergraphSdl,
      subgraphUrls: { customs: 'http://customs:4002/graphql' },
      log: () => undefined,
    });
    expect(source.subgraphs()).toContainEqual({
      name: 'customs',
      url: 'http://customs:4002/graphql',
    });
    expect(source.subgraphs()).toHaveLength(4);
  });
});
