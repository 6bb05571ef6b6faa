import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateScalar as KitDateScalar } from '../../kit';

/**
 * The contract's `Date` scalar (same name, description and output as the kit's), but checked
 * where it is used: the kit's scalar rejects a bad date while the request is parsed, before any
 * resolver runs, so the error cannot say which argument was wrong. This one lets any string
 * through parsing and each resolver calls `assertDate(value, 'field')` (validation.ts), which
 * answers BAD_USER_INPUT with `extensions.field`. Output is serialized by the kit's scalar.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: KitDateScalar.description,
  serialize: (value) => KitDateScalar.serialize(value),
  parseValue(value) {
    if (typeof value !== 'string') {
      throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}: expected a string`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date cannot represent a non-string literal: expected a string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return ast.value;
  },
});
