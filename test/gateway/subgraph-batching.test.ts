/**
 * The queries one plan step sends one subgraph go as one batched HTTP request: the subgraph runs
 * them with one context, so its DataLoaders share their reads. Checked against a gateway that
 * sends each fetch alone, over the same subgraphs and data.
 */
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { IDENTITY_HEADER } from '../../gateway/identity-signer';
import { RunningGateway, startGateway } from '../../gateway/server';
import { FetchBatcher } from '../../gateway/subgraph-client';
import { FaultProxy } from '../faults/fault-proxy';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectData, graphql } from '../support/graphql';
import {
  OFFICER_IDENTITY,
  presets,
  TEST_GATEWAY_IDENTITY,
  TEST_SIGNER,
} from '../support/identities';

let fed: Federation;
let oneByOne: RunningGateway;
let awbs: string[];

beforeAll(async () => {
  fed = await startFederation();
  oneByOne = await startGateway({
    supergraphSdl: committedSupergraph(),
    port: 0,
    subgraphUrls: Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
    subgraphMaxBatch: 0,
    log: () => undefined,
    ...TEST_GATEWAY_IDENTITY,
  });
  awbs = (
    await fed
      .subgraph('customs')
      .db.query<{ awb: string }>('SELECT awb FROM customs.shipment ORDER BY awb LIMIT 12')
  ).map((r) => r.awb);
});

afterAll(async () => {
  await oneByOne?.stop();
  await fed?.stop();
});

const asOfficer = { authorization: `Bearer ${presets.officer}` };

describe('batched subgraph fetches', () => {
  it('answer every full picture exactly as fetches sent one by one, with fewer SQL statements', async () => {
    let batched = 0;
    let alone = 0;
    for (const awb of awbs) {
      const viaBatches = await fed.statementsOf(() => fed.graphql(FULL_PICTURE_QUERY, { awb }));
      const oneAtATime = await fed.statementsOf(() =>
        graphql(oneByOne.url, FULL_PICTURE_QUERY, { awb }, asOfficer),
      );
      // The officer's identity reached every batch: an anonymous one would be refused fields.
      expect(viaBatches.result.errors).toBeUndefined();
      expect(expectData(viaBatches.result)).toEqual(expectData(oneAtATime.result));
      batched += viaBatches.statements;
      alone += oneAtATime.statements;
    }
    expect(batched).toBeLessThan(alone);
  });
});

describe('a subgraph server that takes no batches', () => {
  it('gets the refused batch again one fetch at a time, and no batch after that', async () => {
    const airports = fed.subgraphs.find((s) => s.name === 'airports')!;
    const proxy = await FaultProxy.start(airports.url);
    proxy.refuseBatches = true;
    const logs: string[] = [];
    const gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: {
        ...Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
        airports: proxy.url,
      },
      log: (msg: string) => void logs.push(msg),
      ...TEST_GATEWAY_IDENTITY,
    });
    try {
      for (const awb of awbs.slice(0, 3)) {
        const res = await graphql(gateway.url, FULL_PICTURE_QUERY, { awb }, asOfficer);
        const expected = await graphql(oneByOne.url, FULL_PICTURE_QUERY, { awb }, asOfficer);
        expect(res.errors).toBeUndefined();
        expect(expectData(res)).toEqual(expectData(expected));
      }
      const batches = proxy.received.filter((b) => b.trimStart().startsWith('['));
      expect(batches).toHaveLength(1);
      expect(proxy.received.length).toBeGreaterThan(batches.length);
      expect(logs.filter((l) => l.includes('refused a batch'))).toHaveLength(1);
    } finally {
      await gateway.stop();
      await proxy.stop();
    }
  });
});

describe('a subgraph taking batches', () => {
  const airportQuery = (iata: string) =>
    JSON.stringify({ query: `{ airport(iataCode: "${iata}") { iataCode } }` });

  async function postBatch(bodies: string[]) {
    const body = `[${bodies.join(',')}]`;
    const url = fed.subgraphs.find((s) => s.name === 'airports')!.url;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await TEST_SIGNER.sign(OFFICER_IDENTITY, 'airports', body),
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  it('answers each operation of a batch, in order', async () => {
    const { status, body } = await postBatch([airportQuery('PKX'), airportQuery('PEK')]);
    expect(status).toBe(200);
    expect(body).toEqual([
      { data: { airport: { iataCode: 'PKX' } } },
      { data: { airport: { iataCode: 'PEK' } } },
    ]);
  });

  it('refuses a batch over its limit with BATCH_TOO_LARGE, before running any of it', async () => {
    const { status, body } = await postBatch(Array.from({ length: 33 }, () => airportQuery('PKX')));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      errors: [{ extensions: { code: 'BATCH_TOO_LARGE', limit: 32 } }],
    });
  });
});

describe('FetchBatcher', () => {
  it('batches what one key adds in one turn, at most maxBatch at a time, never across keys', async () => {
    const sent: [string, number[]][] = [];
    const batcher = new FetchBatcher<{ id: string }, number, number>((key, fetches) => {
      sent.push([key.id, fetches]);
      return Promise.resolve(fetches.map((n) => n * 10));
    }, 2);
    const a = { id: 'a' };
    const b = { id: 'b' };
    const answers = await Promise.all([
      batcher.add(a, 1),
      batcher.add(b, 2),
      batcher.add(a, 3),
      Promise.resolve().then(() => batcher.add(a, 4)),
    ]);
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(sent).toEqual([
      ['a', [1, 3]],
      ['a', [4]],
      ['b', [2]],
    ]);
  });

  it('fails every fetch of a batch whose request failed', async () => {
    const batcher = new FetchBatcher<object, number, number>(
      () => Promise.reject(new Error('unreachable')),
      8,
    );
    const key = {};
    const outcomes = await Promise.allSettled([batcher.add(key, 1), batcher.add(key, 2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
