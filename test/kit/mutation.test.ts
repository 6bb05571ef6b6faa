import { GraphQLError } from 'graphql';
import {
  ANONYMOUS_ACTOR,
  Database,
  Identity,
  MutationRunner,
  StateMachine,
  statusHistoryLoader,
  transition,
} from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const codeOf = (err: unknown) => (err as GraphQLError).extensions?.code;

/** The pipeline checks the write scope first (test/kit/authorization.test.ts): these hold it. */
const CUSTOMS_WRITER: Identity = {
  kind: 'USER',
  sub: 'officer-7',
  scopes: new Set(['customs:write']),
};

describe('MutationRunner', () => {
  let testDb: TestDatabase;
  let db: Database;
  let mutations: MutationRunner;
  beforeAll(async () => {
    testDb = await createTestDatabase(['customs']);
    db = new Database(testDb.url, { max: 20 });
    await db.query('CREATE TABLE customs.note (id serial PRIMARY KEY, text text NOT NULL)');
    mutations = new MutationRunner(
      db,
      'customs',
      { id: 'officer-7', kind: 'USER' },
      CUSTOMS_WRITER,
    );
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const addNote = (text: string, idempotencyKey?: string, check?: () => Promise<void>) =>
    mutations.run({
      operation: 'addNote',
      input: { text, idempotencyKey },
      check,
      write: async (tx) => {
        const [row] = await tx.query<{ id: number }>(
          'INSERT INTO customs.note (text) VALUES ($1) RETURNING id',
          [text],
        );
        return row.id;
      },
    });
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

  it('answers a committed retry before its cross-agency check, which may be down by then', async () => {
    let checks = 0;
    const first = await addNote('checked', 'key-5', async () => {
      checks++;
    });
    const retry = await addNote('checked', 'key-5', async () => {
      throw new Error('the gateway is down');
    });
    expect(retry).toBe(first);
    expect(checks).toBe(1);
    await expect(
      addNote('changed', 'key-5', async () => {
        throw new Error('the gateway is down');
      }),
    ).rejects.toMatchObject({ extensions: { code: 'IDEMPOTENCY_CONFLICT' } });
  });

  it('writes nothing when the cross-agency check refuses', async () => {
    await expect(
      addNote('refused', 'key-6', async () => {
        throw new GraphQLError('no', { extensions: { code: 'DEPENDENCY_UNAVAILABLE' } });
      }),
    ).rejects.toMatchObject({ extensions: { code: 'DEPENDENCY_UNAVAILABLE' } });
    expect(await notes('refused')).toBe(0);
    expect(await addNote('refused', 'key-6')).toEqual(expect.any(Number));
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
      mutations.run({
        operation: 'addNote',
        input: { idempotencyKey: 'key-4' },
        write: async (tx) => {
          await tx.query("INSERT INTO customs.note (text) VALUES ('half')");
          throw new Error('rule failed');
        },
      }),
    ).rejects.toThrow('rule failed');
    expect(await notes('half')).toBe(0);
    expect(await addNote('whole', 'key-4')).toEqual(expect.any(Number));
  });

  it('refuses an anonymous caller before anything is checked or written', async () => {
    let written = false;
    const refused = new MutationRunner(db, 'customs', ANONYMOUS_ACTOR).run({
      operation: 'addNote',
      input: { idempotencyKey: '' },
      write: async () => {
        written = true;
        return 0;
      },
    });
    await expect(refused).rejects.toMatchObject({
      message: expect.stringContaining('Authorization: Bearer'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(written).toBe(false);
  });

  it('rejects an empty idempotency key', async () => {
    await expect(addNote('x', '')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('records history, as the actor of the transaction, that the batched loader reads back in order', async () => {
    await new MutationRunner(db, 'customs', { id: 'officer-9', kind: 'USER' }, CUSTOMS_WRITER).run({
      operation: 'move',
      input: {},
      write: async (tx) => {
        await tx.recordStatusChange({
          entityType: 'Declaration',
          entityId: 'D1',
          from: null,
          to: 'FILED',
        });
        await tx.recordStatusChange({
          entityType: 'Declaration',
          entityId: 'D1',
          from: 'FILED',
          to: 'REJECTED',
          reason: 'wrong HS code',
        });
        return 'D1';
      },
    });
    const before = db.statementCount;
    const loader = statusHistoryLoader(db, 'customs', 'Declaration');
    const [d1, d2] = await Promise.all([loader.load('D1'), loader.load('D2')]);
    expect(db.statementCount - before).toBe(1);
    expect(d1.map((c) => [c.from, c.to, c.actor, c.reason])).toEqual([
      [null, 'FILED', 'user:officer-9', null],
      ['FILED', 'REJECTED', 'user:officer-9', 'wrong HS code'],
    ]);
    expect(d2).toEqual([]);
  });
});

describe('transition', () => {
  type Status = 'OPEN' | 'CLOSED';
  const machine = new StateMachine<Status>('Door', { OPEN: ['CLOSED'], CLOSED: ['OPEN'] });
  let testDb: TestDatabase;
  let db: Database;
  let mutations: MutationRunner;
  beforeAll(async () => {
    testDb = await createTestDatabase(['customs']);
    db = new Database(testDb.url, { max: 10 });
    await db.query(
      `CREATE TABLE customs.door (id text PRIMARY KEY, status text NOT NULL, version int NOT NULL)`,
    );
    mutations = new MutationRunner(db, 'customs', { id: 'keeper', kind: 'USER' }, CUSTOMS_WRITER);
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const move = (id: string, to: Status, expectedVersion?: number) =>
    mutations.run({
      operation: 'move',
      input: { id, to, expectedVersion, idempotencyKey: null },
      write: (tx) =>
        transition(tx, {
          entity: 'Door',
          id,
          lock: async () =>
            (
              await tx.query<{ status: Status; version: number }>(
                'SELECT status, version FROM customs.door WHERE id = $1 FOR UPDATE',
                [id],
              )
            )[0] ?? null,
          missing: { message: `no door ${id}`, field: 'input.id' },
          expectedVersion,
          machine,
          to,
          apply: async () => {
            await tx.query(
              'UPDATE customs.door SET status = $2, version = version + 1 WHERE id = $1',
              [id, to],
            );
          },
          reason: 'draught',
        }).then(() => id),
    });
  /** Each test has a door of its own, so that it runs alone and in any order. */
  const addDoor = (id: string, status: Status, version: number) =>
    db.query('INSERT INTO customs.door VALUES ($1, $2, $3)', [id, status, version]);
  const door = async (id: string) =>
    (
      await db.query<{ status: string; version: number }>(
        'SELECT status, version FROM customs.door WHERE id = $1',
        [id],
      )
    )[0];
  const history = (id: string) => statusHistoryLoader(db, 'customs', 'Door').load(id);

  it('moves, bumps the version and records the change with its actor and reason', async () => {
    await addDoor('D1', 'OPEN', 1);
    await move('D1', 'CLOSED', 1);
    expect(await door('D1')).toEqual({ status: 'CLOSED', version: 2 });
    expect((await history('D1')).map((c) => [c.from, c.to, c.actor, c.reason])).toEqual([
      ['OPEN', 'CLOSED', 'user:keeper', 'draught'],
    ]);
  });

  it('refuses a stale version, an illegal move and an unknown record, writing nothing', async () => {
    await addDoor('D2', 'CLOSED', 2);
    await expect(move('D2', 'OPEN', 1)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 },
    });
    await expect(move('D2', 'CLOSED')).rejects.toMatchObject({
      extensions: { code: 'INVALID_STATE_TRANSITION', current: 'CLOSED', requested: 'CLOSED' },
    });
    await expect(move('X', 'OPEN')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', field: 'input.id' },
    });
    expect(await door('D2')).toEqual({ status: 'CLOSED', version: 2 });
    expect(await history('D2')).toEqual([]);
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
