import { graphql } from 'graphql';
import { Arg, Args, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import {
  buildFederatedSchema,
  Connection,
  DateScalar,
  keyset,
  PageArgs,
  pageRequest,
  toConnection,
} from '../../subgraphs/kit';

@ObjectType()
@Directive('@key(fields: "code")')
class Widget {
  @Field(() => ID)
  code!: string;

  @Field(() => DateScalar)
  madeOn!: string;

  @Field()
  madeAt!: Date;
}

@ObjectType()
class WidgetConnection extends Connection('Widget', Widget) {}

const widgets: Widget[] = Array.from({ length: 5 }, (_, i) => ({
  code: `W${i}`,
  madeOn: `2025-01-0${i + 1}`,
  madeAt: new Date(Date.UTC(2025, 0, i + 1, 8)),
}));

const WIDGET_PAGE = keyset<Widget>([{ sql: 'code', type: 'text', field: 'code' }]);

@Resolver()
class WidgetResolver {
  @Query(() => Widget, { nullable: true })
  widget(@Arg('code', () => ID) code: string): Widget | undefined {
    return widgets.find((w) => w.code === code);
  }

  @Query(() => WidgetConnection)
  widgets(@Args(() => PageArgs) args: PageArgs): WidgetConnection {
    const page = pageRequest(args, WIDGET_PAGE);
    const start = page.after ? widgets.findIndex((w) => w.code === page.after![0]) + 1 : 0;
    return toConnection(
      widgets.slice(start, start + page.limit + 1),
      page,
      async () => widgets.length,
    );
  }
}

describe('buildFederatedSchema', () => {
  it('serves type-graphql classes as a federation subgraph', async () => {
    const schema = await buildFederatedSchema(
      { resolvers: [WidgetResolver] },
      {
        Widget: {
          __resolveReference: (ref: { code: string }) => widgets.find((w) => w.code === ref.code),
        },
      },
    );
    const sdl = await graphql({ schema, source: '{ _service { sdl } }' });
    const text = (sdl.data as { _service: { sdl: string } })._service.sdl;
    expect(text).toMatch(/type Widget\s+@key\(fields: "code"\)/);
    expect(text).toMatch(/type PageInfo\s+@shareable/);
    expect(text).not.toContain('ConnectionBase');

    const entities = await graphql({
      schema,
      source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { code madeOn madeAt } } }`,
      variableValues: { r: [{ __typename: 'Widget', code: 'W2' }] },
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data).toEqual({
      _entities: [{ code: 'W2', madeOn: '2025-01-03', madeAt: '2025-01-03T08:00:00.000Z' }],
    });

    const page = await graphql({
      schema,
      source: `{ widgets(first: 2) { nodes { code } pageInfo { hasNextPage endCursor } totalCount } }`,
    });
    expect(page.errors).toBeUndefined();
    const widgetsPage = (
      page.data as {
        widgets: { nodes: unknown[]; pageInfo: { hasNextPage: boolean }; totalCount: number };
      }
    ).widgets;
    expect(widgetsPage.nodes).toEqual([{ code: 'W0' }, { code: 'W1' }]);
    expect(widgetsPage.pageInfo.hasNextPage).toBe(true);
    expect(widgetsPage.totalCount).toBe(5);
  });
});
