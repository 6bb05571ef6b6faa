import {
  ASTNode,
  BREAK,
  GraphQLError,
  GraphQLFormattedError,
  Kind,
  parse,
  ValueNode,
  visit,
} from 'graphql';
import { ErrorCode } from './errors';

/**
 * Bad input refused before any resolver runs, answered like the resolvers' own checks: BAD_USER_INPUT
 * with `extensions.field` naming what to correct, so that a client handles one shape whichever
 * layer refused the value.
 * - A variable that fails its scalar or enum (`Variable "$input" got invalid value … at
 *   "input.arrivedAt"; …`): the field is the variable's path, which graphql-js puts in the message.
 * - A literal that fails one of the kit's scalars (`arrivedAt: "yesterday"` written in the
 *   document) fails the document's validation, which Apollo reports as GRAPHQL_VALIDATION_FAILED;
 *   the scalar marked it BAD_USER_INPUT and kept the literal's node, from which the argument's
 *   path is read (`input.items[0].value.amount`).
 * Returns null for any other error.
 */
export function refusedInput(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError | null {
  const code = formatted.extensions?.code;
  if (code === ErrorCode.BAD_USER_INPUT) {
    if (formatted.extensions?.field) return null;
    const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(
      formatted.message,
    );
    return m ? withField(formatted, m[2] ?? m[1]) : null;
  }
  if (code !== 'GRAPHQL_VALIDATION_FAILED') return null;
  const original = (error as GraphQLError | undefined)?.originalError;
  if (!(original instanceof GraphQLError)) return null;
  if (original.extensions.code !== ErrorCode.BAD_USER_INPUT) return null;
  const node = original.nodes?.[0];
  return withField(formatted, node ? argumentPath(node) : undefined);
}

function withField(formatted: GraphQLFormattedError, field: string | undefined) {
  return {
    ...formatted,
    extensions: {
      ...formatted.extensions,
      code: ErrorCode.BAD_USER_INPUT,
      ...(field ? { field } : {}),
    },
  };
}

/**
 * The path of a literal inside the argument that holds it (`filter.manifestedFrom`), found by its
 * position in the request's source; undefined when it is not in an argument (a variable's default).
 */
function argumentPath(node: ASTNode): string | undefined {
  const loc = node.loc;
  if (!loc) return undefined;
  let found: string | undefined;
  visit(parse(loc.source), {
    Argument(argument) {
      found = pathTo(argument.value, loc.start, argument.name.value);
      return found === undefined ? undefined : BREAK;
    },
  });
  return found;
}

function pathTo(value: ValueNode, start: number, path: string): string | undefined {
  // No two values of a document start at the same position.
  if (value.loc?.start === start) return path;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = pathTo(field.value, start, `${path}.${field.name.value}`);
      if (found !== undefined) return found;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [i, item] of value.values.entries()) {
      const found = pathTo(item, start, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
