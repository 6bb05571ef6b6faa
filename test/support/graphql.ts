import { GraphQLError, GraphQLResponse as Response, postGraphQL } from '../../scripts/graphql-http';

export type { GraphQLError } from '../../scripts/graphql-http';

/** Response data as the tests read it: JSON whose shape each test asserts itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The body of a GraphQL response (the benchmarks' type, with data read as JSON by default). */
export type GraphQLResponse<T = Json> = Response<T>;

/** A URL nothing answers at (the discard port): a gateway or subgraph that is down. */
export const UNREACHABLE_URL = 'http://127.0.0.1:9/graphql';

/**
 * POSTs one operation to a gateway or subgraph and returns its response, errors included. Fails
 * the test when an error names a URL (`expectNoUrlInErrors`): every test that goes through here
 * searches for that leak.
 */
export async function graphql<T = Json>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T>> {
  const response = await postGraphQL<T>(url, query, variables, headers);
  expectNoUrlInErrors(url, response);
  return response;
}

/**
 * The rule: no error a client gets holds `http://` or `https://` anywhere in its JSON (message,
 * path, extensions), whoever answered. Neither the gateway nor a subgraph has a reason to put a
 * URL in an error, and any URL there is the deployment's topology: a subgraph's address as the
 * gateway reaches it, or the gateway's as a subgraph reaches it. Exact, and needs no knowledge of
 * which server answered or at which ports the others listen.
 */
export function expectNoUrlInErrors(url: string, response: GraphQLResponse): void {
  const leaks = (response.errors ?? []).filter((e) => /https?:\/\//i.test(JSON.stringify(e)));
  if (leaks.length > 0) {
    throw new Error(
      `errors from ${url} name a URL (internal topology must not reach clients):\n${JSON.stringify(leaks, null, 2)}`,
    );
  }
}

/** The data of a response that must have succeeded; fails the test showing the errors if not. */
export function expectData<T = Json>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  expect(response.data ?? null).not.toBeNull();
  return response.data as T;
}

export interface ExpectedError {
  /** `extensions.field`: the input field the error names. */
  field?: string;
  /** Where in the response the error happened. */
  path?: (string | number)[];
  /** A text the message contains, or a pattern it matches. */
  message?: string | RegExp;
  /** Further extensions the error carries (matched as a subset). */
  extensions?: Record<string, unknown>;
}

/**
 * The one error of a refused operation: fails the test unless the response holds exactly one
 * error, with `code` (and what `expected` names), and no value for the field that failed.
 */
export function expectError(
  response: GraphQLResponse,
  code: string,
  expected: ExpectedError = {},
): GraphQLError {
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions?.code).toBe(code);
  if (expected.field !== undefined) expect(error.extensions?.field).toBe(expected.field);
  if (expected.path !== undefined) expect(error.path).toEqual(expected.path);
  if (typeof expected.message === 'string') expect(error.message).toContain(expected.message);
  if (expected.message instanceof RegExp) expect(error.message).toMatch(expected.message);
  if (expected.extensions) expect(error.extensions).toMatchObject(expected.extensions);
  expect(valueAt(response.data, error.path ?? [])).toBeNull();
  return error;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || value === undefined) return null;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value ?? null;
}
