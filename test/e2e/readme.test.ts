import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../subgraphs/kit';
import { Federation, startFederation } from '../support/federation';
import { expectData } from '../support/graphql';

/** The README's example queries are runnable: each one is sent to the gateway as written. */
const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const curlQueries = [...readme.matchAll(/-d '(\{"query".*\})'/g)].map((m) => JSON.parse(m[1]));

describe('README examples', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation({ shipments: 300 });
  });
  afterAll(() => fed?.stop());

  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(curlQueries.length).toBeGreaterThanOrEqual(1);
  });

  it.each(examples.map((q, i) => [i + 1, q]))(
    'example %i runs without errors',
    async (_i, query) => {
      const variables = /\$awb/.test(query as string) ? { awb: '999-31415926' } : undefined;
      const data = expectData(await fed.graphql(query as string, variables));
      const values = Object.values(data);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        expect(value).not.toBeNull();
        if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
      }
    },
  );

  it('the curl example runs without errors', async () => {
    for (const { query, variables } of curlQueries) {
      expectData(await fed.graphql(query, variables));
    }
  });
});
