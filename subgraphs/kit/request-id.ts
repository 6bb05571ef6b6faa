/** The header the gateway sends each subgraph fetch's request id in. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Only ids of a sane shape go into log lines: anyone can reach a subgraph and send anything. A
// batch the gateway sends for several requests (of one caller) names them all, space-separated.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}(?: [A-Za-z0-9._:-]{1,128}){0,31}$/;

/** Anything that answers a request's headers: an Express request, Apollo's `HeaderMap`. */
interface Headers {
  get(name: string): string | undefined;
}

/**
 * The gateway's id of a request, for the subgraph's log lines about it and the calls it makes on
 * its behalf, so that they can be matched with the gateway's lines and with the client's error;
 * none for a request without a usable id (not from the gateway).
 *
 * Carried explicitly (context, plugin hooks) rather than in an `AsyncLocalStorage`: in Node 20
 * one store turns on promise hooks for the whole process, and every promise of every resolver
 * paid for them (about 6 % of a subgraph's CPU on a page of pictures, 14 % on an export).
 */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  const id = headers?.get(REQUEST_ID_HEADER);
  return id && SANE_ID.test(id) ? id : undefined;
}

/** The header that carries a request's id on to a call made on its behalf, if it has one. */
export function requestIdHeaders(requestId: string | undefined): Record<string, string> {
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}
