import { GraphQLError } from 'graphql';
import {
  ANONYMOUS_ACTOR,
  ANONYMOUS_IDENTITY,
  authorizeWrite,
  Database,
  Identity,
  MutationRunner,
  rowAccess,
} from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const user = (scopes: string[], uscc?: string): Identity => ({
  kind: 'USER',
  sub: uscc ? `clerk-of-${uscc}` : 'officer',
  scopes: new Set(scopes),
  ...(uscc ? { uscc } : {}),
});
const ENTERPRISE_A = '91110000600000000A';
const ENTERPRISE_B = '91110000600000000B';

const codeOf = (err: unknown) => (err as GraphQLError).extensions?.code;

describe('rowAccess', () => {
  it('lets trade:read read every row, even when the token also names an enterprise', () => {
    expect(rowAccess(user(['trade:read']))).toEqual({ kind: 'ALL' });
    expect(rowAccess(user(['trade:read'], ENTERPRISE_A))).toEqual({ kind: 'ALL' });
  });

  it('limits an enterprise to the rows it is a party to', () => {
    expect(rowAccess(user([], ENTERPRISE_A))).toEqual({ kind: 'PARTY', uscc: ENTERPRISE_A });
  });

  it('gives no rows to anonymous callers, services and users without an enterprise', () => {
    expect(rowAccess(ANONYMOUS_IDENTITY)).toEqual({ kind: 'NONE' });
    expect(rowAccess(user(['customs:write']))).toEqual({ kind: 'NONE' });
    expect(
      rowAccess({ kind: 'SERVICE', sub: 'drugs', scopes: new Set(['audit:read']), uscc: 'X' }),
    ).toEqual({ kind: 'NONE' });
  });
});

describe('authorizeWrite', () => {
  const asDeclarant = (uscc: string) => ({ actingFor: () => uscc });

  it("admits the agency's write scope, whatever the party", async () => {
    await expect(
      authorizeWrite(
        user(['customs:write']),
        'customs',
        'fileDeclaration',
        asDeclarant(ENTERPRISE_B),
      ),
    ).resolves.toBeUndefined();
  });

  it("refuses another agency's write scope with FORBIDDEN naming the scope needed", async () => {
    const refusal = await authorizeWrite(
      user(['drugs:write']),
      'customs',
      'acceptDeclaration',
    ).catch((err: GraphQLError) => err);
    expect(codeOf(refusal)).toBe('FORBIDDEN');
    expect((refusal as GraphQLError).message).toMatch(/customs:write/);
  });

  it('admits an enterprise acting for itself and refuses it acting for another', async () => {
    const clerk = user([], ENTERPRISE_A);
    await expect(
      authorizeWrite(clerk, 'customs', 'fileDeclaration', asDeclarant(ENTERPRISE_A)),
    ).resolves.toBeUndefined();
    const refusal = await authorizeWrite(
      clerk,
      'customs',
      'fileDeclaration',
      asDeclarant(ENTERPRISE_B),
    ).catch((err: GraphQLError) => err);
    expect(codeOf(refusal)).toBe('FORBIDDEN');
  });

  it('refuses an enterprise where the rule names no party, and anonymous callers always', async () => {
    const noParty = { actingFor: () => null };
    for (const caller of [user([], ENTERPRISE_A), ANONYMOUS_IDENTITY]) {
      const refusal = await authorizeWrite(
        caller,
        'drugs',
        'submitConsolidatedImport',
        noParty,
      ).catch((err: GraphQLError) => err);
      expect(codeOf(refusal)).toBe('FORBIDDEN');
    }
    // An anonymous caller naming no enterprise cannot match any party.
    await expect(
      authorizeWrite(ANONYMOUS_IDENTITY, 'customs', 'fileDeclaration', asDeclarant(ENTERPRISE_A)),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});

describe('MutationRunner authorization', () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(['customs']);
    db = new Database(testDb.url, { max: 4 });
    await db.query('CREATE TABLE customs.memo (id serial PRIMARY KEY, text text NOT NULL)');
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const runner = (identity: Identity) =>
    new MutationRunner(db, 'customs', ANONYMOUS_ACTOR, identity);
  const addMemo = (identity: Identity, text: string, idempotencyKey?: string) =>
    runner(identity).run({
      operation: 'addMemo',
      input: { text, idempotencyKey },
      authorize: { actingFor: () => ENTERPRISE_A },
      write: async (tx) => {
        const [row] = await tx.query<{ id: number }>(
          'INSERT INTO customs.memo (text) VALUES ($1) RETURNING id',
          [text],
        );
        return row.id;
      },
    });
  const memos = async (text: string) =>
    (
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customs.memo WHERE text = $1', [
        text,
      ])
    )[0].n;

  it('writes for the scope holder and for the enterprise the rule names', async () => {
    await addMemo(user(['customs:write']), 'by-officer');
    await addMemo(user([], ENTERPRISE_A), 'by-party');
    expect(await memos('by-officer')).toBe(1);
    expect(await memos('by-party')).toBe(1);
  });

  it('refuses anyone else before writing, and before answering a retry with a stored result', async () => {
    const first = await addMemo(user(['customs:write']), 'stored', 'memo-key');
    expect(first).toEqual(expect.any(Number));
    const refusals: [Identity, string][] = [
      [user([], ENTERPRISE_B), 'FORBIDDEN'],
      [user(['routes:write']), 'FORBIDDEN'],
      // Not signed in at all: refused before any rule is asked.
      [ANONYMOUS_IDENTITY, 'UNAUTHENTICATED'],
    ];
    for (const [caller, code] of refusals) {
      await expect(addMemo(caller, 'stored', 'memo-key')).rejects.toMatchObject({
        extensions: { code },
      });
      await expect(addMemo(caller, 'refused')).rejects.toMatchObject({ extensions: { code } });
    }
    expect(await memos('refused')).toBe(0);
    expect(await memos('stored')).toBe(1);
  });
});
