import {
  AccessLogRepository,
  AccessLogWriter,
  AccessRecorder,
  ACCESS_LOG_PAGE,
  clientOperationName,
  Database,
  Identity,
  pageRequest,
} from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const AUDITED: Identity = {
  kind: 'USER',
  sub: 'clerk-1',
  scopes: new Set(),
  uscc: '91110000600000000A',
};

/** One hour a day apart, so that the order is known. */
const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour));

describe('the access log', () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(['drugs']);
    db = new Database(testDb.url, { max: 4 });
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const rows = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM drugs.access_log'))[0].n;

  it('is written in one INSERT per flush, none on the request path, and all of it on close', async () => {
    // An interval far longer than the test: only flush() and close() write.
    const writer = new AccessLogWriter(db, 'drugs', { flushIntervalMs: 3_600_000 });
    const statements: string[] = [];
    const query = db.pool.query.bind(db.pool);
    const spy = jest.spyOn(db.pool, 'query').mockImplementation(((
      text: string,
      values?: unknown[],
    ) => {
      statements.push(text);
      return query(text, values);
    }) as never);
    try {
      for (let hour = 0; hour < 3; hour++) {
        writer.append({
          at: at(hour),
          identityKind: 'USER',
          subject: 'clerk-1',
          uscc: AUDITED.uscc!,
          operation: 'ImportsOfMine',
          entityType: 'ConsolidatedImport',
          keys: [`CI-2026-00000${hour}`],
        });
      }
      expect(statements).toHaveLength(0);
      await writer.flush();
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/INSERT INTO drugs\.access_log/);
      expect(await rows()).toBe(3);

      writer.append({
        at: at(3),
        identityKind: 'SERVICE',
        subject: 'customs',
        uscc: null,
        operation: null,
        entityType: 'ConsolidatedImport',
        keys: ['CI-2026-000003', 'CI-2026-000004'],
      });
      await writer.close();
      expect(await rows()).toBe(4);
    } finally {
      spy.mockRestore();
    }
  });

  it('is read back newest first, filtered by subject and time, in keyset pages', async () => {
    const repo = new AccessLogRepository(db, 'drugs');
    const firstPage = await repo.page({}, pageRequest({ first: 2 }, ACCESS_LOG_PAGE));
    expect(firstPage.slice(0, 2).map((r) => r.keys)).toEqual([
      ['CI-2026-000003', 'CI-2026-000004'],
      ['CI-2026-000002'],
    ]);
    expect(firstPage[1]).toMatchObject({
      identityKind: 'USER',
      subject: 'clerk-1',
      uscc: AUDITED.uscc,
      operationName: 'ImportsOfMine',
      entityType: 'ConsolidatedImport',
    });
    const bySubject = await repo.page(
      { subject: 'clerk-1', since: at(1) },
      pageRequest({ first: 10 }, ACCESS_LOG_PAGE),
    );
    expect(bySubject.map((r) => r.keys[0])).toEqual(['CI-2026-000002', 'CI-2026-000001']);
    expect(await repo.count({ subject: 'customs' })).toBe(1);
  });

  it.each([
    ['UPDATE', "UPDATE drugs.access_log SET subject = 'someone-else'"],
    ['DELETE', 'DELETE FROM drugs.access_log'],
    ['TRUNCATE', 'TRUNCATE drugs.access_log'],
  ])('refuses %s in the database itself', async (_op, statement) => {
    await expect(db.query(statement)).rejects.toThrow(/append-only/);
    expect(await rows()).toBe(4);
  });

  it("groups one tick's reads of a request into one record per entity type", async () => {
    const writer = new AccessLogWriter(db, 'drugs', { flushIntervalMs: 3_600_000 });
    const recorder = new AccessRecorder(writer, AUDITED, 'Batch');
    recorder.read('ConsolidatedImport', ['CI-A']);
    recorder.read('ConsolidatedImport', ['CI-B', 'CI-A']);
    recorder.read('Shipment', ['999-31415926']);
    await new Promise((resolve) => setImmediate(resolve));
    await writer.close();
    const written = await db.query<{ entityType: string; keys: string[] }>(
      `SELECT entity_type AS "entityType", keys FROM drugs.access_log
        WHERE operation = 'Batch' ORDER BY entity_type`,
    );
    expect(written).toEqual([
      { entityType: 'ConsolidatedImport', keys: ['CI-A', 'CI-B'] },
      { entityType: 'Shipment', keys: ['999-31415926'] },
    ]);
  });

  it("keeps the client's operation name: a gateway's subgraph fetch's, or a direct call's document's", () => {
    expect(clientOperationName({ operationName: 'ShipmentPicture__customs__0' })).toBe(
      'ShipmentPicture',
    );
    expect(clientOperationName({ operationName: 'Plain' })).toBe('Plain');
    expect(clientOperationName({ query: '  query Direct($id: ID!) { a }' })).toBe('Direct');
    expect(clientOperationName({ query: '{ anonymous }' })).toBeNull();
    expect(clientOperationName(undefined)).toBeNull();
    // A batch (one caller's fetches, perhaps of several operations): each distinct name once.
    expect(
      clientOperationName([
        { operationName: 'Picture__customs__1' },
        { operationName: 'Page__customs__0' },
        { operationName: 'Picture__customs__3' },
        { query: '{ anonymous }' },
      ]),
    ).toBe('Picture, Page');
    expect(clientOperationName([{ query: '{ anonymous }' }])).toBeNull();
  });
});
