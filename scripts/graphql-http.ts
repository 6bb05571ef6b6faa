// A GraphQL operation over HTTP, as any client sends it: no server code, so that a test or script
// that only talks to a running server does not load the gateway.

/** One error of a GraphQL response, as a server formats it. */
export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** The JSON body of a GraphQL request, exactly as `postGraphQL` sends it (what a signature covers). */
export function graphqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** POSTs one GraphQL operation as JSON and returns the response body, whatever its status. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: graphqlBody(query, variables),
  });
  return (await res.json()) as GraphQLResponse<T>;
}
