import { graphql } from 'graphql';
import {
  Arg,
  Args,
  Directive,
  Field,
  FieldResolver,
  getMetadataStorage,
  ID,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  buildFederatedSchema,
  Connection,
  DateScalar,
  keyset,
  PageArgs,
  pageRequest,
  toConnection,
} from '../../subgraphs/kit';
import { SUBGRAPHS } from '../../subgraphs/registry';

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

/** The roots `Widget.label` was resolved on, as its resolver received them. */
const labelled: unknown[] = [];

@Resolver(() => Widget)
class WidgetLabelResolver {
  @FieldResolver(() => String)
  label(@Root() widget: Widget): string {
    labelled.push(widget);
    return `${widget.code} of ${widget.madeOn}`;
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

  it("gives a field resolver its parent's object as resolved, not a copy into the entity class", async () => {
    const schema = await buildFederatedSchema({ resolvers: [WidgetResolver, WidgetLabelResolver] });
    labelled.length = 0;
    const res = await graphql({ schema, source: '{ widget(code: "W1") { label } }' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ widget: { label: 'W1 of 2025-01-02' } });
    expect(labelled).toHaveLength(1);
    expect(labelled[0]).toBe(widgets[1]);
  });

  it("finds nothing in any agency's entity classes that a copy into them would add", () => {
    // Every agency's classes are registered with type-graphql once their modules load.
    expect(SUBGRAPHS.map((s) => s.name).sort()).toEqual(['airports', 'customs', 'drugs', 'routes']);
    const types = getMetadataStorage().objectTypes;
    expect(types.length).toBeGreaterThan(40);
    for (const { name, target } of types) {
      const instance = new (target as new () => object)();
      // A method declared as a field (a connection's `totalCount`) is one the object it resolves
      // from brings itself: a copy's prototype method would only stand in when it did not.
      const fields = new Set(
        getMetadataStorage()
          .fields.filter((f) => f.target === target || target.prototype instanceof f.target)
          .map((f) => f.name),
      );
      const members = Object.getOwnPropertyNames(target.prototype).filter(
        (m) => m !== 'constructor' && !fields.has(m),
      );
      // Declared fields are own properties left undefined, which the copy drops again.
      const initialised = Object.entries(instance).filter(([, v]) => v !== undefined);
      expect({ name, initialised, members }).toEqual({
        name,
        initialised: [],
        members: [],
      });
    }
  });
});
