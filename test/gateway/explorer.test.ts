import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { readExplorerQuery } from '../../gateway/explorer/explorer';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { RunningGateway, startGateway } from '../../gateway/server';
import { projectRoot } from '../../subgraphs/kit';

/** The explorer's preloaded query: the full picture by default, any query the operator names. */
describe('the explorer query', () => {
  const supergraphSdl = readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tradegraph-explorer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The explorer page's preloaded query and variables (no subgraph is needed to serve it). */
  async function explorerConfig(
    options: { explorerQuery?: string; explorerAwb?: string } = {},
  ): Promise<{ query: string; variables?: string }> {
    let gateway: RunningGateway | undefined;
    try {
      gateway = await startGateway({ supergraphSdl, port: 0, log: () => undefined, ...options });
      const html = await (await fetch(gateway.url.replace(/\/graphql$/, '/'))).text();
      const config = /const config = (.*);\n/.exec(html)?.[1];
      return JSON.parse(config!);
    } finally {
      await gateway?.stop();
    }
  }

  it('is the full picture of a shipment by default, its AWB preloaded', async () => {
    const [comment] = FULL_PICTURE_QUERY.split('\n', 1);
    expect(await explorerConfig({ explorerAwb: '999-00000011' })).toEqual({
      query: `${comment}\n${print(parse(FULL_PICTURE_QUERY))}\n`,
      variables: JSON.stringify({ awb: '999-00000011' }, null, 2),
    });
  });

  it('is the query read from a .graphql file, shown one field per line under its comments', async () => {
    const file = join(dir, 'hubs.graphql');
    writeFileSync(
      file,
      '# The Beijing hubs\n# and their names\nquery Hubs { airports(beijingHubsOnly: true) { iataCode name } }\n',
    );
    const query = await readExplorerQuery(file);
    // A query that takes no $awb gets no variables.
    expect(await explorerConfig({ explorerQuery: query })).toEqual({
      query:
        '# The Beijing hubs\n# and their names\nquery Hubs {\n  airports(beijingHubsOnly: true) {\n    iataCode\n    name\n  }\n}\n',
    });
  });

  it('refuses a file that is missing, does not parse, or holds no operation', async () => {
    await expect(readExplorerQuery(join(dir, 'missing.graphql'))).rejects.toThrow(
      /cannot read the explorer query .*missing\.graphql/,
    );
    const bad = join(dir, 'bad.graphql');
    writeFileSync(bad, 'query { airports {');
    await expect(readExplorerQuery(bad)).rejects.toThrow(
      /bad\.graphql is not a GraphQL query: Syntax Error/,
    );
    const fragment = join(dir, 'fragment.graphql');
    writeFileSync(fragment, 'fragment A on Airport { iataCode }');
    await expect(readExplorerQuery(fragment)).rejects.toThrow(/holds no operation/);
  });
});
