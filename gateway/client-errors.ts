import type { GraphQLFormattedError } from 'graphql';

/**
 * The gateway's last word on every error a client gets (Apollo's `formatError`).
 * - It carries the request id, which the response's `x-request-id` header and the gateway's log
 *   carry too.
 * - Nothing of the deployment leaks: no `extensions.response` (a subgraph's URL, status and body,
 *   as Apollo attaches them to a failed fetch) and no stack trace, whatever produced the error.
 * - A variable that the gateway itself refuses (an enum value that does not exist, a string for an
 *   Int) names its field like the subgraphs' refusals do (`field: "input.status"`): the gateway
 *   cannot share the subgraphs' kit, so it reads the same graphql-js message format here.
 */
export function clientError(
  formatted: GraphQLFormattedError,
  requestId: string | undefined,
): GraphQLFormattedError {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { response, stacktrace, exception, ...extensions } = formatted.extensions ?? {};
  if (extensions.code === 'BAD_USER_INPUT' && extensions.field === undefined) {
    const field = variableField(formatted.message);
    if (field) extensions.field = field;
  }
  if (requestId) extensions.requestId = requestId;
  return { ...formatted, extensions };
}

/** `Variable "$input" got invalid value "X" at "input.status"; …` → `input.status`. */
function variableField(message: string): string | undefined {
  const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(message);
  return m ? (m[2] ?? m[1]) : undefined;
}
