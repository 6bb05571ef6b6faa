import type { NextFunction, Request, Response } from 'express';

/**
 * Requests that never reach GraphQL (malformed JSON, an oversized body) still get a GraphQL-shaped
 * JSON error with a stable code, never Express's HTML page or a stack trace.
 */
export function jsonHttpErrors(
  err: Error & { status?: number; type?: string },
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (res.headersSent) return next(err);
  const status = err.status ?? 500;
  const code =
    err.type === 'entity.too.large'
      ? 'PAYLOAD_TOO_LARGE'
      : err.type === 'entity.parse.failed'
        ? 'BAD_REQUEST'
        : status < 500
          ? 'BAD_REQUEST'
          : 'INTERNAL_SERVER_ERROR';
  const message =
    code === 'PAYLOAD_TOO_LARGE'
      ? 'request body too large'
      : code === 'BAD_REQUEST'
        ? `malformed request: ${err.message}`
        : 'internal error';
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
