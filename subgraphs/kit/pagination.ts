import 'reflect-metadata';
import { ArgsType, ClassType, Field, Int, ObjectType, Directive } from 'type-graphql';
import { badUserInput } from './errors';

/**
 * Relay connections over keyset cursors. A cursor is the sort key of the last row seen, so a
 * page is `WHERE (key) > (cursor) ORDER BY key LIMIT n+1`: stable under inserts, no OFFSET scans,
 * and as cheap on page 10,000 as on page 1.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size: default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export type CursorKey = (string | number)[];

export interface PageRequest {
  /** Rows to return. The query should fetch `limit + 1` to learn whether a next page exists. */
  limit: number;
  /** Sort key of the last row of the previous page, or null for the first page. */
  after: CursorKey | null;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(
    '`after` is not a cursor of this list: pass a `pageInfo.endCursor` you received',
    'after',
  );
}

/** Validates `first` and `after`; `arity` is how many columns the list's sort key has. */
export function pageRequest(args: PageArgs, arity: number): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return { limit: first, after: args.after ? decodeCursor(args.after, arity) : null };
}

@ObjectType({ description: 'Where a page ends, and whether another follows.' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Builds a connection from rows fetched with `LIMIT limit + 1`. `countTotal` runs only when a
 * client selects `totalCount`, since counting a large filtered table is the expensive part.
 */
export function toConnection<T>(
  rows: T[],
  page: PageRequest,
  keyOf: (row: T) => CursorKey,
  countTotal: () => Promise<number>,
): ConnectionShape<T> {
  const hasNextPage = rows.length > page.limit;
  const nodes = hasNextPage ? rows.slice(0, page.limit) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: () => (total ??= countTotal()),
  };
}

/**
 * type-graphql classes for `<Name>Connection` and `<Name>Edge`. Use as
 * `@ObjectType() class ShipmentConnection extends Connection('Shipment', Shipment) {}`.
 */
export function Connection<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque keyset cursor of this node.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the arguments, across all pages.' })
    totalCount(): Promise<number> {
      throw new Error('resolved by the connection object');
    }
  }
  return ConnectionType;
}
