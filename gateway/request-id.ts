import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The header a request id travels in: from the client, back to it, and on to the subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept only when it cannot forge log lines or bloat them: a UUID, a trace id,
// anything of this shape. Any other value is replaced, not refused: the id is for correlation.
const CALLER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const scope = new AsyncLocalStorage<string>();

/**
 * Gives every `/graphql` request an id: the caller's `x-request-id` when it has a sane shape, a new
 * UUID otherwise. It is answered in the response's `x-request-id` header, kept in `res.locals` for
 * the handlers of this request, and carried by every error the client gets and every log line the
 * gateway writes about the request, so that a support call can find the log.
 */
export function assignRequestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get(REQUEST_ID_HEADER);
    const id = given && CALLER_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/**
 * Runs the rest of the request in a scope where `currentRequestId()` answers its id. Mounted right
 * before Apollo (after the body is read: stream callbacks would leave the scope), because Apollo's
 * `formatError` gets no request context of its own.
 */
export function requestIdScope(): RequestHandler {
  return (_req, res, next) => scope.run(res.locals.requestId as string, next);
}

/** The id of the request being served, inside `requestIdScope()`. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}
