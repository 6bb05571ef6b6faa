import type { NextFunction, Request, Response } from 'express';

type HttpError = Error & { status?: number; type?: string };

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
    if (err.type === 'entity.too.large') {
      code = 'PAYLOAD_TOO_LARGE';
      message = 'request body too large';
    }
    const requestId = res.locals.requestId as string | undefined;
    if (status >= 500) {
      log(
        `request ${requestId ?? '-'}: ${req.method} ${req.path} failed: ${err.stack ?? err.message}`,
      );
    }
    res
      .status(status)
      .json({ errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] });
  };
}
