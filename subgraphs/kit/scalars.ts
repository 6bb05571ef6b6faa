import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

/**
 * The contract's scalars. `Date` and `Decimal` travel as strings end to end (pg is told to leave
 * `date` and `numeric` as text), so no time zone or float rounding ever touches them.
 */

/**
 * A value the scalar refuses. Written inline in a document (`node`), the error holds the literal:
 * the server names the argument from it (`input.arrivedAt`), as it does for a variable.
 */
function invalid(scalar: string, value: unknown, expected: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(
    `${scalar} cannot represent ${JSON.stringify(value)}: expected ${expected}`,
    { nodes: node, extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/** The text of a string literal; every contract scalar is written as one. */
function stringLiteral(scalar: string, ast: ValueNode): string {
  if (ast.kind !== Kind.STRING) throw invalid(scalar, 'non-string literal', 'a string', ast);
  return ast.value;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw invalid('Date', value, 'a calendar date as YYYY-MM-DD', node);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO 8601 `YYYY-MM-DD`.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(stringLiteral('Date', ast), ast),
});

// An offset is required: a time without one is ambiguous across PEK and a foreign origin.
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown, node?: ValueNode): Date {
  if (typeof value === 'string' && DATETIME_PATTERN.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw invalid(
    'DateTime',
    value,
    'an ISO 8601 date-time with offset, like 2025-10-17T08:30:00+08:00',
    node,
  );
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset on input; always UTC (`Z`) in responses.',
  serialize(value) {
    const d = value instanceof Date ? value : parseDateTime(value);
    return d.toISOString();
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(stringLiteral('DateTime', ast), ast),
});

const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,6})?$/;

function parseDecimal(value: unknown, node?: ValueNode): string {
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return value;
  throw invalid('Decimal', value, 'a decimal number as a string, like "1234.50"', node);
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50". Money is never a float.',
  serialize(value) {
    if (typeof value === 'number') return String(value);
    return parseDecimal(value);
  },
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => parseDecimal(stringLiteral('Decimal', ast), ast),
});

/** Hand this to type-graphql's `scalarsMap` and `resolvers` so the classes can say `Date`-typed fields. */
export const scalars = { Date: DateScalar, DateTime: DateTimeScalar, Decimal: DecimalScalar };
