import { Arg, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  buildFederatedSchema,
  Database,
  RunningSubgraph,
  startSubgraphServer,
} from '../../subgraphs/kit';
import { expectError, graphql } from '../support/graphql';
import { testServerUrl } from '../support/test-database';

@InputType()
class StampInput {
  @Field()
  at!: Date;
}

@ObjectType()
class Stamp {
  @Field()
  at!: Date;
}

@Resolver()
class StampResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Query(() => String)
  broken(): string {
    throw new Error('connection string password=secret leaked');
  }

  @Mutation(() => Stamp)
  stamp(@Arg('input', () => StampInput) input: StampInput): Stamp {
    return { at: input.at };
  }
}

describe('subgraph server', () => {
  let server: RunningSubgraph;
  let db: Database;
  const logs: string[] = [];
  const lines: { msg: string; level?: string; requestId?: string }[] = [];
  beforeAll(async () => {
    db = new Database(testServerUrl(), { max: 1 });
    server = await startSubgraphServer({
      name: 'test',
      schema: await buildFederatedSchema({ resolvers: [StampResolver] }),
      db,
      createContext: () => ({}),
      log: (msg, level, requestId) => {
        logs.push(msg);
        lines.push({ msg, level, requestId });
      },
    });
  });
  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  it('names the input field a variable failed to coerce at', async () => {
    const stamp = 'mutation($i: StampInput!) { stamp(input: $i) { at } }';
    const res = await graphql(server.url, stamp, { i: { at: 'yesterday' } });
    expectError(res, 'BAD_USER_INPUT', { field: 'i.at' });
    const ok = await graphql(server.url, stamp, { i: { at: '2025-10-17T08:30:00+08:00' } });
    expect(ok.data).toEqual({ stamp: { at: '2025-10-17T00:30:00.000Z' } });
  });

  it('hides internal errors from clients and logs them', async () => {
    const res = await graphql(server.url, '{ broken }');
    const error = expectError(res, 'INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('internal error in the test subgraph');
    expect(JSON.stringify(res)).not.toContain('secret');
    expect(logs.join('\n')).toContain('password=secret');
  });

  it("logs an internal error once, as an error, under the gateway's request id", async () => {
    lines.length = 0;
    expectError(
      await graphql(server.url, '{ broken }', undefined, { 'x-request-id': 'req-42 req-43' }),
      'INTERNAL_SERVER_ERROR',
    );
    expect(lines.filter((l) => l.msg.includes('password=secret'))).toEqual([
      {
        msg: expect.stringContaining('[test] internal error: Error: connection string'),
        level: 'error',
        requestId: 'req-42 req-43',
      },
    ]);
  });

  it('reports database readiness at /health', async () => {
    const res = await fetch(server.url.replace(/\/graphql$/, '/health'));
    expect(await res.json()).toEqual({ status: 'ok', subgraph: 'test' });
  });
});
