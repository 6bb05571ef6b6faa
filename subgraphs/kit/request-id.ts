import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/** The header the gateway sends each subgraph fetch's request id in. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Only ids of a sane shape go into log lines: anyone can reach a subgraph and send anything. A
// batch the gateway sends for several requests (of one caller) names them all, space-separated.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}(?: [A-Za-z0-9._:-]{1,128}){0,31}$/;

const scope = new AsyncLocalStorage<string>();

/**
 * Runs the rest of a `/graphql` request in a scope where `currentRequestId()` answers the id the
 * gateway gave it, so that the subgraph's log lines about it can be matched with the gateway's
 * and with the client's error. Mounted after the body is parsed (stream callbacks would leave the
 * scope). A request without a usable id (not from the gateway) runs unscoped.
 */
export function requestIdScope(): RequestHandler {
  return (req, _res, next) => {
    const id = req.get(REQUEST_ID_HEADER);
    if (id && SANE_ID.test(id)) scope.run(id, next);
    else next();
  };
}

/** The gateway's id of the request being served, inside `requestIdScope()`. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}

/** The header that carries the current request's id on to a call it makes, if in one. */
export function requestIdHeaders(): Record<string, string> {
  const id = scope.getStore();
  return id ? { [REQUEST_ID_HEADER]: id } : {};
}
