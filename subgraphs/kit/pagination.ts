import 'reflect-metadata';
import { ArgsType, ClassType, Field, Int, ObjectType, Directive } from 'type-graphql';
import { badUserInput } from './errors';

/**
 * Relay connections over keyset cursors (https://relay.dev/graphql/connections.htm). A cursor is
 * the sort key of a row, so a page is `WHERE (key) > (after) ORDER BY key LIMIT n+1`: stable
 * under inserts, no OFFSET scans, and as cheap on page 10,000 as on page 1. Paging backward
 * (`last`/`before`) is the same statement with the comparison and the order reversed; the rows
 * come back nearest-the-cursor first and are put back in list order here.
 *
 * PageInfo, as this module fills it:
 * - `hasNextPage` going forward and `hasPreviousPage` going backward are exact: the statement
 *   fetches one row more than it returns.
 * - The other direction costs a second probe to know exactly, which the Relay spec lets a server
 *   skip. We answer from the cursor: going forward, `hasPreviousPage` is true when `after` was
 *   given (the row it names came before this page) and false otherwise; going backward,
 *   `hasNextPage` is true when `before` was given. A cursor whose row has since been deleted can
 *   make that true with nothing left on that side; the next page is then simply empty.
 * - `first: 0` (or `last: 0`) returns no edges, null cursors, and whether any row lies beyond
 *   the cursor in that direction: a cheap "is there more?" probe. Continue from the cursor you sent.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page forward: this many rows after \`after\` (or from the start). Default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}; not with \`last\`.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only rows after this cursor: the `endCursor` of the previous page.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page backward: this many rows before \`before\` (or up to the end). At most ${MAX_PAGE_SIZE}; not with \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only rows before this cursor: the `startCursor` of the next page. Alone, pages backward.',
  })
  before?: string | null;
}

export type CursorKey = (string | number)[];

/** Column types a keyset can sort on: each checks a decoded cursor value before SQL sees it. */
const KEY_TYPES = {
  text: (value: unknown) => typeof value === 'string',
  // PostgreSQL's text form of a timestamptz, as `column::text` gives it.
  timestamptz: (value: unknown) =>
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/.test(value),
} as const;

export interface KeyColumn<T> {
  /** The column as the page statement names it, e.g. `s.awb`. */
  sql: string;
  /** Its PostgreSQL type: cursor values are checked against it and cast to it. */
  type: keyof typeof KEY_TYPES;
  /** The row property holding the column's value as text (what the cursor keeps). */
  field: keyof T & string;
}

/** A list's sort key: unique over the list (end with the primary key), and its direction. */
export interface Keyset<T> {
  columns: readonly KeyColumn<T>[];
  /** True when the list runs from the greatest key down (e.g. newest first). */
  descending: boolean;
}

export function keyset<T>(columns: KeyColumn<T>[], order: 'ASC' | 'DESC' = 'ASC'): Keyset<T> {
  return { columns, descending: order === 'DESC' };
}

export interface PageRequest<T = unknown> {
  keyset: Keyset<T>;
  /** Rows to return. The statement fetches `limit + 1` to learn whether more lie beyond. */
  limit: number;
  /** Only rows after this key in list order. */
  after: CursorKey | null;
  /** Only rows before this key in list order. */
  before: CursorKey | null;
  /** `last`: the rows nearest the end (or `before`), fetched in reverse list order. */
  backward: boolean;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor<T>(cursor: string, keys: Keyset<T>, field: 'after' | 'before'): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  if (
    Array.isArray(key) &&
    key.length === keys.columns.length &&
    keys.columns.every((column, i) => KEY_TYPES[column.type](key[i]))
  ) {
    return key as CursorKey;
  }
  const which = field === 'after' ? 'endCursor' : 'startCursor';
  throw badUserInput(
    `\`${field}\` is not a cursor of this list: pass a \`pageInfo.${which}\` you received`,
    field,
  );
}

function pageSize(value: number, field: 'first' | 'last'): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${field}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, field);
  }
  return value;
}

/**
 * Validates the page arguments against the list's keyset. `first` pages forward, `last`
 * backward; `before` alone pages backward too. Both `after` and `before` bound the page.
 */
export function pageRequest<T>(args: PageArgs, keys: Keyset<T>): PageRequest<T> {
  const { first, last } = args;
  if (first != null && last != null) {
    throw badUserInput(
      'pass `first` (with `after`) to page forward or `last` (with `before`) to page backward, not both',
      'last',
    );
  }
  const backward = last != null || (first == null && args.before != null && args.after == null);
  return {
    keyset: keys,
    limit: backward
      ? pageSize(last ?? DEFAULT_PAGE_SIZE, 'last')
      : pageSize(first ?? DEFAULT_PAGE_SIZE, 'first'),
    after: args.after ? decodeCursor(args.after, keys, 'after') : null,
    before: args.before ? decodeCursor(args.before, keys, 'before') : null,
    backward,
  };
}

/** The keyset part of a page statement: conditions to AND in, its ORDER BY and LIMIT. */
export interface KeysetSql {
  conditions: string[];
  orderBy: string;
  limit: string;
}

/**
 * Builds the keyset part of `page`'s statement. `param` adds a value to the statement's
 * parameters and returns its placeholder (`$3`). The comparisons are row comparisons, which an
 * index on the key columns serves in either direction.
 */
export function keysetSql<T>(page: PageRequest<T>, param: (value: unknown) => string): KeysetSql {
  const { columns, descending } = page.keyset;
  const key = columns.length === 1 ? columns[0].sql : `(${columns.map((c) => c.sql).join(', ')})`;
  const value = (cursor: CursorKey) => {
    const casts = columns.map((c, i) => `${param(cursor[i])}::${c.type}`);
    return casts.length === 1 ? casts[0] : `(${casts.join(', ')})`;
  };
  const conditions: string[] = [];
  if (page.after) conditions.push(`${key} ${descending ? '<' : '>'} ${value(page.after)}`);
  if (page.before) conditions.push(`${key} ${descending ? '>' : '<'} ${value(page.before)}`);
  const direction = descending !== page.backward ? 'DESC' : 'ASC';
  return {
    conditions,
    orderBy: columns.map((c) => `${c.sql} ${direction}`).join(', '),
    limit: param(page.limit + 1),
  };
}

@ObjectType({
  description:
    'Where a page starts and ends, and whether more rows lie on either side (the Relay PageInfo).',
})
@Directive('@shareable')
export class PageInfo {
  @Field({
    description:
      'More rows follow this page. Exact when paging forward (`first`); paging backward it is true when `before` was given.',
  })
  hasNextPage!: boolean;

  @Field({
    description:
      'More rows precede this page. Exact when paging backward (`last`); paging forward it is true when `after` was given.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first edge (pass it as `before`); null when the page is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge (pass it as `after`); null when the page is empty.',
  })
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

function cursorOf<T>(row: T, keys: Keyset<T>): string {
  return encodeCursor(
    keys.columns.map((column) => {
      const value = row[column.field];
      if (typeof value !== 'string') {
        throw new Error(`keyset column ${column.sql}: row.${column.field} is not text`);
      }
      return value;
    }),
  );
}

/**
 * Builds a connection from rows fetched with `keysetSql(page)`, `LIMIT limit + 1`. `countTotal`
 * runs only when a client selects `totalCount`, since counting a large filtered table is the
 * expensive part.
 */
export function toConnection<T>(
  rows: T[],
  page: PageRequest<T>,
  countTotal: () => Promise<number>,
): ConnectionShape<T> {
  const beyond = rows.length > page.limit;
  const fetched = rows.slice(0, page.limit);
  const nodes = page.backward ? fetched.reverse() : fetched;
  const edges = nodes.map((node) => ({ cursor: cursorOf(node, page.keyset), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: page.backward ? page.before !== null : beyond,
      hasPreviousPage: page.backward ? beyond : page.after !== null,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount: () => (total ??= countTotal()),
  };
}

/**
 * Marks a query that returns a page (`<Name>Connection`) for demand control (`@listSize` of the
 * cost specification Apollo Router and the gateway follow): its `first` or `last` sizes the page's
 * `edges` and `nodes`, the default page size when neither is given. A page of 1,000 is estimated
 * at 1,000 times its node's cost.
 */
export function PagedListSize(): MethodDecorator & PropertyDecorator {
  return Directive(
    `@listSize(assumedSize: ${DEFAULT_PAGE_SIZE}, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)`,
  );
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
