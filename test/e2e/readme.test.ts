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

  // The examples are a walkthrough: a later one may read what an earlier one wrote, so they run
  // as one test, in the README's order (a test of its own each would depend on the others).
  it('runs every example in the order the README gives them, each answering data', async () => {
    for (const [i, query] of examples.entries()) {
      const variables = /\$awb/.test(query) ? { awb: '999-31415926' } : undefined;
      const res = await fed.graphql(query, variables);
      expect({ example: i + 1, errors: res.errors }).toEqual({ example: i + 1, errors: undefined });
      const values = Object.values(res.data ?? {});
      expect({ example: i + 1, fields: values.length > 0 }).toEqual({
        example: i + 1,
        fields: true,
      });
      for (const value of values) {
        const empty = value === null || (Array.isArray(value) && value.length === 0);
        expect({ example: i + 1, empty }).toEqual({ example: i + 1, empty: false });
      }
    }
  });

  it('the curl example runs without errors', async () => {
    for (const { query, variables } of curlQueries) {
      expectData(await fed.graphql(query, variables));
    }
  });
});
