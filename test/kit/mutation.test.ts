import { GraphQLError } from 'graphql';
import {
  ANONYMOUS_ACTOR,
  Database,
  recordStatusChange,
  runMutation,
  StateMachine,
  statusHistoryLoader,
} from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const codeOf = (err: unknown) => (err as GraphQLError).extensions?.code;

describe('runMutation', () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(['customs']);
    db = new Database(testDb.url, { max: 20 });
    await db.query('CREATE TABLE customs.note (id serial PRIMARY KEY, text text NOT NULL)');
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const addNote = (text: string, idempotencyKey?: string) =>
    runMutation(
      { db, agency: 'customs', operation: 'addNote', idempotencyKey, input: { text } },
      async (tx) => {
        const [row] = await tx.query<{ id: number }>(
          'INSERT INTO customs.note (text) VALUES ($1) RETURNING id',
          [text],
        );
        return row.id;
      },
    );
  const notes = async (text: string) =>
    (
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customs.note WHERE text = $1', [
        text,
      ])
    )[0].n;

  it('returns the first result for a retry with the same key and input, writing nothing', async () => {
    const first = await addNote('retry', 'key-1');
    const second = await addNote('retry', 'key-1');
    expect(second).toBe(first);
    expect(await notes('retry')).toBe(1);
  });

  it('refuses the same key with another input', async () => {
    await addNote('one', 'key-2');
    await expect(addNote('two', 'key-2')).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_CONFLICT' },
    });
    expect(await notes('two')).toBe(0);
  });

  it('lets concurrent retries of one key write once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => addNote('concurrent', 'key-3')),
    );
    expect(new Set(results).size).toBe(1);
    expect(await notes('concurrent')).toBe(1);
  });

  it('writes nothing when the work fails, and frees the key for a corrected retry', async () => {
    await expect(
      runMutation(
        { db, agency: 'customs', operation: 'addNote', idempotencyKey: 'key-4', input: {} },
        async (tx) => {
          await tx.query("INSERT INTO customs.note (text) VALUES ('half')");
          throw new Error('rule failed');
        },
      ),
    ).rejects.toThrow('rule failed');
    expect(await notes('half')).toBe(0);
    expect(await addNote('whole', 'key-4')).toEqual(expect.any(Number));
  });

  it('rejects an empty idempotency key', async () => {
    await expect(addNote('x', '')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('records history that the batched loader reads back in order', async () => {
    await runMutation(
      { db, agency: 'customs', operation: 'move', input: { id: 'D1' } },
      async (tx) => {
        await recordStatusChange(tx, 'customs', {
          entityType: 'Declaration',
          entityId: 'D1',
          from: null,
          to: 'FILED',
          actor: ANONYMOUS_ACTOR,
        });
        await recordStatusChange(tx, 'customs', {
          entityType: 'Declaration',
          entityId: 'D1',
          from: 'FILED',
          to: 'REJECTED',
          actor: ANONYMOUS_ACTOR,
          reason: 'wrong HS code',
        });
        return 'D1';
      },
    );
    const before = db.statementCount;
    const loader = statusHistoryLoader(db, 'customs', 'Declaration');
    const [d1, d2] = await Promise.all([loader.load('D1'), loader.load('D2')]);
    expect(db.statementCount - before).toBe(1);
    expect(d1.map((c) => [c.from, c.to, c.actor, c.reason])).toEqual([
      [null, 'FILED', 'anonymous', null],
      ['FILED', 'REJECTED', 'anonymous', 'wrong HS code'],
    ]);
    expect(d2).toEqual([]);
  });
});

describe('StateMachine', () => {
  const machine = new StateMachine<'A' | 'B' | 'C'>('Thing', { A: ['B'], B: ['C'], C: [] });

  it('allows the listed moves and refuses others, naming both states', () => {
    expect(machine.can('A', 'B')).toBe(true);
    expect(() => machine.assert('T1', 'A', 'B')).not.toThrow();
    try {
      machine.assert('T1', 'A', 'C');
      throw new Error('should have refused');
    } catch (err) {
      expect(codeOf(err)).toBe('INVALID_STATE_TRANSITION');
      expect((err as GraphQLError).message).toBe(
        'Thing T1 cannot go from A to C: from A it can go to B',
      );
      expect((err as GraphQLError).extensions).toMatchObject({ current: 'A', requested: 'C' });
    }
    expect(() => machine.assert('T1', 'C', 'A')).toThrow('C is final');
  });
});
