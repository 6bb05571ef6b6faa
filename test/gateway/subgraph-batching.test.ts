/**
 * The queries one plan step sends one subgraph, and those the same caller's other operations send
 * it in the same turn, go as one batched HTTP request: the subgraph runs them with one context, so
 * its DataLoaders share their reads. Checked against a gateway that sends each fetch alone, over
 * the same subgraphs and data.
 */
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { IDENTITY_HEADER } from '../../gateway/identity-signer';
import { RunningGateway, startGateway } from '../../gateway/server';
import { batchKey, OutgoingFetch, sameShapeGroups } from '../../gateway/subgraph-data-source';
import { FetchBatcher } from '../../gateway/subgraph-client';
import { FaultProxy } from '../faults/fault-proxy';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectData, graphql } from '../support/graphql';
import {
  OFFICER,
  OFFICER_IDENTITY,
  presets,
  TEST_GATEWAY_IDENTITY,
  TEST_SIGNER,
  tokenFor,
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

/**
 * A batching gateway with a proxy in front of one subgraph, which sees each request the gateway
 * sends it; the gateway's log lines in `logs`.
 */
async function behindProxy(subgraph: string) {
  const proxy = await FaultProxy.start(fed.subgraphs.find((s) => s.name === subgraph)!.url);
  const logs: string[] = [];
  const gateway = await startGateway({
    supergraphSdl: committedSupergraph(),
    port: 0,
    subgraphUrls: {
      ...Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
      [subgraph]: proxy.url,
    },
    log: (msg: string) => void logs.push(msg),
    ...TEST_GATEWAY_IDENTITY,
  });
  return { proxy, gateway, logs, stop: () => gateway.stop().then(() => proxy.stop()) };
}

describe('the operations of one caller', () => {
  /** The subject of the identity a request to a subgraph was signed for. */
  const signedSubject = (headers: Record<string, unknown>) =>
    (
      JSON.parse(
        Buffer.from(String(headers[IDENTITY_HEADER]).split('.')[1], 'base64url').toString(),
      ) as { sub: string }
    ).sub;

  it('share batches when their plan steps start together, each answered as if alone, every request id passed on', async () => {
    const { proxy, gateway, stop } = await behindProxy('customs');
    try {
      let shared: { awbs: string[]; ids: string[] }[] = [];
      // Whether two operations' steps start in one turn is the event loop's timing: a few rounds.
      for (let round = 0; round < 5 && shared.length === 0; round++) {
        const picked = awbs.slice(0, 8);
        const results = await Promise.all(
          picked.map((awb) =>
            graphql(
              gateway.url,
              FULL_PICTURE_QUERY,
              { awb },
              {
                ...asOfficer,
                'x-request-id': `picture-${round}-${awb}`,
              },
            ),
          ),
        );
        for (const [i, awb] of picked.entries()) {
          const alone = await graphql(oneByOne.url, FULL_PICTURE_QUERY, { awb }, asOfficer);
          expect(results[i].errors).toBeUndefined();
          expect(expectData(results[i])).toEqual(expectData(alone));
        }
        shared = proxy.received
          .map((body, i) => ({
            awbs: picked.filter((awb) => body.includes(awb)),
            ids: String(proxy.receivedHeaders[i]['x-request-id']).split(' '),
          }))
          .filter((r) => r.awbs.length > 1);
      }
      expect(shared.length).toBeGreaterThan(0);
      for (const request of shared) {
        // Each operation it served is named by its request id, for the subgraph's log lines.
        expect(request.ids.length).toBe(new Set(request.ids).size);
        for (const awb of request.awbs) {
          expect(request.ids.some((id) => id.endsWith(`-${awb}`))).toBe(true);
        }
      }
    } finally {
      await stop();
    }
  });

  it('never share a batch with another caller', async () => {
    const { proxy, gateway, stop } = await behindProxy('customs');
    const callers = [
      { sub: OFFICER.sub, token: presets.officer, awbs: awbs.slice(0, 4) },
      {
        sub: 'officer-2',
        token: tokenFor({ ...OFFICER, sub: 'officer-2' }),
        awbs: awbs.slice(4, 8),
      },
    ];
    try {
      for (let round = 0; round < 3; round++) {
        await Promise.all(
          callers.flatMap((caller) =>
            caller.awbs.map(async (awb) => {
              const res = await graphql(
                gateway.url,
                FULL_PICTURE_QUERY,
                { awb },
                {
                  authorization: `Bearer ${caller.token}`,
                },
              );
              expect(res.errors).toBeUndefined();
            }),
          ),
        );
      }
      let mixed = 0;
      for (const [i, body] of proxy.received.entries()) {
        const subject = signedSubject(proxy.receivedHeaders[i]);
        const owners = callers.filter((c) => c.awbs.some((awb) => body.includes(awb)));
        // Signed for the one caller whose shipments it asks for.
        expect(owners.map((c) => c.sub)).toEqual(owners.length ? [subject] : []);
        if (owners.length > 1) mixed++;
      }
      expect(mixed).toBe(0);
      expect(proxy.received.length).toBeGreaterThan(0);
    } finally {
      await stop();
    }
  });

  it("keep a lookup out of another kind of operation's batch, which it would wait on", async () => {
    const { proxy, gateway, stop } = await behindProxy('customs');
    const PAGE = `query Page($first: Int!) { shipments(first: $first) { nodes { awb } } }`;
    try {
      let picturesShared = false;
      for (let round = 0; round < 5 && !picturesShared; round++) {
        const from = proxy.received.length;
        const answers = await Promise.all([
          graphql(gateway.url, PAGE, { first: 50 }, asOfficer),
          ...awbs
            .slice(0, 6)
            .map((awb) => graphql(gateway.url, FULL_PICTURE_QUERY, { awb }, asOfficer)),
          graphql(gateway.url, PAGE, { first: 40 }, asOfficer),
        ]);
        for (const answer of answers) expect(answer.errors).toBeUndefined();
        for (const body of proxy.received.slice(from)) {
          const pages = body.includes('shipments(');
          const pictures = body.includes('shipment(');
          // Pages with pages, pictures with pictures: never one request for both kinds.
          expect(pages && pictures).toBe(false);
          if (pictures && awbs.slice(0, 6).filter((awb) => body.includes(awb)).length > 1) {
            picturesShared = true;
          }
        }
      }
      // The pictures did meet in one turn, so the pages could have joined them.
      expect(picturesShared).toBe(true);
    } finally {
      await stop();
    }
  });
});

describe('a subgraph server that takes no batches', () => {
  it('gets the refused batch again one fetch at a time, and no batch after that', async () => {
    const { proxy, gateway, logs, stop } = await behindProxy('airports');
    proxy.refuseBatches = true;
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
      await stop();
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

describe('which fetches may share a batch', () => {
  const officer = { kind: 'USER' as const, sub: 'officer-1', scopes: new Set(['trade:read']) };
  const trace = (traceId: string, spanId: string) => `00-${traceId}-${spanId}-01`;
  const T1 = '4bf92f3577b34da6a3ce929d0e0e4736';
  const T2 = '0af7651916cd43dd8448eb211c80319c';
  const at = Date.UTC(2026, 0, 1, 8, 0, 0, 100);
  const fetchOf = (changes: {
    identity?: OutgoingFetch['context']['identity'];
    headers?: Record<string, string>;
    deadlineAt?: number;
    budgetMs?: number;
  }): OutgoingFetch => ({
    body: '{}',
    query: '{ __typename }',
    headers: { 'content-type': 'application/json', ...changes.headers },
    context: {
      identity: changes.identity ?? officer,
      deadline: { at: changes.deadlineAt ?? at, budgetMs: changes.budgetMs ?? 10_000 },
    },
  });
  const key = (changes: Parameters<typeof fetchOf>[0]) => batchKey(fetchOf(changes));

  it('one caller, whatever the request ids, and one trace, whatever the spans', () => {
    expect(key({ headers: { 'x-request-id': 'a' } })).toBe(
      key({ headers: { 'x-request-id': 'b' } }),
    );
    expect(key({ headers: { traceparent: trace(T1, '00f067aa0ba902b7') } })).toBe(
      key({ headers: { traceparent: trace(T1, '53995c3f42cd8ad8') } }),
    );
    expect(key({ deadlineAt: at + 800 })).toBe(key({}));
  });

  it('never two callers, two traces, other headers, or budgets apart', () => {
    const base = key({ headers: { traceparent: trace(T1, '00f067aa0ba902b7') } });
    const apart = [
      key({
        identity: { ...officer, sub: 'officer-2' },
        headers: { traceparent: trace(T1, '00f067aa0ba902b7') },
      }),
      key({
        identity: { ...officer, scopes: new Set(['trade:read', 'customs:write']) },
        headers: { traceparent: trace(T1, '00f067aa0ba902b7') },
      }),
      key({
        identity: { ...officer, uscc: '91110000MA01ABCD1X' },
        headers: { traceparent: trace(T1, '00f067aa0ba902b7') },
      }),
      key({
        identity: { ...officer, kind: 'SERVICE' },
        headers: { traceparent: trace(T1, '00f067aa0ba902b7') },
      }),
      key({ headers: { traceparent: trace(T2, '00f067aa0ba902b7') } }),
      key({ headers: { traceparent: trace(T1, '00f067aa0ba902b7'), baggage: 'tenant=pkx' } }),
      key({ headers: { traceparent: trace(T1, '00f067aa0ba902b7') }, deadlineAt: at + 1000 }),
      key({ headers: { traceparent: trace(T1, '00f067aa0ba902b7') }, budgetMs: 5_000 }),
    ];
    expect(new Set([base, ...apart]).size).toBe(apart.length + 1);
  });
});

describe('which operations go in one batch', () => {
  const fetch = (context: object, query: string): OutgoingFetch => ({
    body: JSON.stringify({ query }),
    query,
    headers: {},
    context,
  });

  it("one operation's fetches always; two operations only when they send the same queries", () => {
    const [a, b, c, d] = [{}, {}, {}, {}];
    const groups = sameShapeGroups([
      fetch(a, 'origin'),
      fetch(b, 'origin'),
      fetch(c, 'page'),
      fetch(a, 'destination'),
      fetch(b, 'destination'),
      fetch(d, 'origin'),
    ]);
    // a and b (origin, destination) together; c alone; d (origin only) is another shape.
    expect(groups).toEqual([[0, 3, 1, 4], [2], [5]]);
  });
});

describe('FetchBatcher', () => {
  it('batches what one key adds in one turn, at most maxBatch at a time, never across keys', async () => {
    const sent: string[][] = [];
    const batcher = new FetchBatcher<string, string>((fetches) => {
      sent.push(fetches);
      return Promise.resolve(fetches.map((f) => f.toUpperCase()));
    }, 2);
    const answers = await Promise.all([
      batcher.add('a', 'a1'),
      batcher.add('b', 'b2'),
      batcher.add('a', 'a3'),
      Promise.resolve().then(() => batcher.add('a', 'a4')),
    ]);
    expect(answers).toEqual(['A1', 'B2', 'A3', 'A4']);
    expect(sent).toEqual([['a1', 'a3'], ['a4'], ['b2']]);
  });

  it('sends the parts `split` makes apart, each answered or failed on its own', async () => {
    const sent: string[][] = [];
    const batcher = new FetchBatcher<string, string>(
      (fetches) => {
        sent.push(fetches);
        return fetches.includes('bad')
          ? Promise.reject(new Error('unreachable'))
          : Promise.resolve(fetches.map((f) => f.toUpperCase()));
      },
      8,
      (fetches) => [
        fetches.flatMap((f, i) => (f === 'bad' ? [] : [i])),
        fetches.flatMap((f, i) => (f === 'bad' ? [i] : [])),
      ],
    );
    const outcomes = await Promise.allSettled([
      batcher.add('k', 'x'),
      batcher.add('k', 'bad'),
      batcher.add('k', 'y'),
    ]);
    expect(sent).toEqual([['x', 'y'], ['bad']]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every fetch of a batch whose request failed', async () => {
    const batcher = new FetchBatcher<number, number>(
      () => Promise.reject(new Error('unreachable')),
      8,
    );
    const outcomes = await Promise.allSettled([batcher.add('k', 1), batcher.add('k', 2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
