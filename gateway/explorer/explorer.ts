import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import express from 'express';
import { DocumentNode, Kind, parse, print } from 'graphql';

/**
 * GraphiQL served from the npm packages themselves (no CDN): the explorer works on a machine
 * with no internet, as at an airport's internal network.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'react.production.min.js': {
    pkg: 'react',
    file: 'umd/react.production.min.js',
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
};

/** A file inside an installed package (React's `exports` map hides its UMD builds from require). */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** The operations a query file holds; throws when it holds none or does not parse. */
function operationsOf(query: string): DocumentNode {
  const doc = parse(query);
  if (!doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) {
    throw new Error('it holds no operation');
  }
  return doc;
}

/** A `.graphql` file to preload in the explorer instead of the default query. */
export async function readExplorerQuery(file: string): Promise<string> {
  let query: string;
  try {
    query = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the explorer query ${file}: ${(err as Error).message}`);
  }
  try {
    operationsOf(query);
  } catch (err) {
    throw new Error(`the explorer query ${file} is not a GraphQL query: ${(err as Error).message}`);
  }
  return query;
}

function page(query: string, defaultAwb: string): string {
  const doc = operationsOf(query);
  // A query may be written compactly; the explorer shows it one field per line, under the
  // comment lines it opens with (printing drops comments).
  const comments: string[] = [];
  for (const line of query.split('\n')) {
    if (!/^\s*#/.test(line)) break;
    comments.push(line);
  }
  // The AWB is preloaded only for a query that asks for one.
  const takesAwb = doc.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.variableDefinitions?.some((v) => v.variable.name.value === 'awb'),
  );
  const config = JSON.stringify({
    query: [...comments, print(doc), ''].join('\n'),
    variables: takesAwb ? JSON.stringify({ awb: defaultAwb }, null, 2) : undefined,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>tradegraph explorer</title>
  <link rel="stylesheet" href="/explorer/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the tradegraph explorer…</div>
  <script src="/explorer/react.production.min.js"></script>
  <script src="/explorer/react-dom.production.min.js"></script>
  <script src="/explorer/graphiql.min.js"></script>
  <script>
    const config = ${config};
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: config.query,
        defaultEditorToolsVisibility: true,
        variables: config.variables,
        shouldPersistHeaders: true,
      }),
    );
  </script>
</body>
</html>`;
}

export function explorerRouter(options: { query: string; awb: string }): express.Router {
  const router = express.Router();
  const html = page(options.query, options.awb);
  const cache = new Map<string, Buffer>();
  router.get('/', (_req, res) => {
    res.type('html').send(html);
  });
  router.get('/explorer/:asset', (req, res) => {
    const asset = ASSETS[req.params.asset];
    if (!asset) {
      res
        .status(404)
        .json({ error: 'NOT_FOUND', message: `no explorer asset ${req.params.asset}` });
      return;
    }
    let body = cache.get(req.params.asset);
    if (!body) {
      body = readFileSync(packageFile(asset.pkg, asset.file));
      cache.set(req.params.asset, body);
    }
    res.type(asset.type).set('Cache-Control', 'public, max-age=86400').send(body);
  });
  return router;
}
