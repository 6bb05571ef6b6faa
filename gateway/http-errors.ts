import type { NextFunction, Request, Response } from 'express';

type HttpError = Error & { status?: number; type?: string; limit?: number };

/**
 * A request a gateway plugin refuses before GraphQL runs (a limit, say): its status, stable code
 * and extensions reach the client as they are, in the same GraphQL-shaped JSON as the rest.
 */
export class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Requests that never reach GraphQL (malformed JSON, an oversized body) still get a GraphQL-shaped
 * JSON error with a stable code, never Express's HTML page or a stack trace.
 */
export function jsonHttpErrors(log: (msg: string) => void) {
  return (err: HttpError, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const status = err.status ?? 500;
    let code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    let message = status < 500 ? `malformed request: ${err.message}` : 'internal error';
    let extensions: Record<string, unknown> = {};
    if (err.type === 'entity.too.large') {
      code = 'PAYLOAD_TOO_LARGE';
      message =
        err.limit === undefined
          ? 'request body too large'
          : `request body too large: the limit is ${err.limit} bytes (MAX_BODY_BYTES); send less`;
    }
    if (err instanceof RefusedRequest) {
      ({ code, message, extensions } = err);
    }
    const requestId = res.locals.requestId as string | undefined;
    if (status >= 500) {
      log(
        `request ${requestId ?? '-'}: ${req.method} ${req.path} failed: ${err.stack ?? err.message}`,
      );
    }
    res.status(status).json({
      errors: [
        { message, extensions: { code, ...extensions, ...(requestId ? { requestId } : {}) } },
      ],
    });
  };
}
