import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { intFromEnv } from './env';
import { ErrorCode } from './errors';
import { OperationLimits, shapeChecker } from './operation-shape';

/** What one request may make a subgraph read and parse. */
export interface SubgraphRequestLimits extends OperationLimits {
  /** Bytes of request body; over it, 413 PAYLOAD_TOO_LARGE before the body is parsed. */
  maxBodyBytes: number;
}

/**
 * Twice the gateway's defaults or more: the gateway's own fetches (`_entities` with the
 * representations of a 1,000-shipment page, a query's root fields to one subgraph, the key fields
 * and `__typename`s the planner adds) must always pass, while a caller reaching a subgraph directly
 * still cannot make it do unbounded work.
 */
export const DEFAULT_SUBGRAPH_LIMITS: SubgraphRequestLimits = {
  maxBodyBytes: 8 * 1024 * 1024,
  maxTokens: 20_000,
  maxDepth: 20,
  maxAliases: 200,
  maxRootFields: 40,
};

/** The limits from `SUBGRAPH_MAX_*`, each defaulting to `DEFAULT_SUBGRAPH_LIMITS`. */
export function subgraphLimitsFromEnv(): SubgraphRequestLimits {
  const d = DEFAULT_SUBGRAPH_LIMITS;
  return {
    maxBodyBytes: intFromEnv('SUBGRAPH_MAX_BODY_BYTES', d.maxBodyBytes),
    maxTokens: intFromEnv('SUBGRAPH_MAX_TOKENS', d.maxTokens),
    maxDepth: intFromEnv('SUBGRAPH_MAX_DEPTH', d.maxDepth),
    maxAliases: intFromEnv('SUBGRAPH_MAX_ALIASES', d.maxAliases),
    maxRootFields: intFromEnv('SUBGRAPH_MAX_ROOT_FIELDS', d.maxRootFields),
  };
}

/** A request refused before GraphQL runs, answered as GraphQL-shaped JSON by `jsonRequestErrors`. */
class RefusedRequest extends Error {
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
 * Reads the body up to `maxBodyBytes`, parses the document up to `maxTokens` (the parser stops at
 * the first token over) and counts its depth, aliases and root fields, all before Apollo validates
 * it: graphql-js validation is superlinear in repeated fields, and Apollo runs extra validation
 * rules only together with its own, after the work they should prevent. Apollo parses the document
 * again; a parse bounded by `maxTokens` costs far less than the validation it protects.
 */
export function withinRequestLimits(
  limits: SubgraphRequestLimits,
  /** express.json's `verify`: sees the raw body before it is parsed. */
  verify?: (req: express.Request, res: unknown, body: Buffer) => void,
): RequestHandler[] {
  const checkShape = shapeChecker(limits);
  const refuseOversized: RequestHandler = (req, _res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const fromUrl = req.method === 'GET' ? req.query.query : undefined;
    const source = typeof body?.query === 'string' ? body.query : fromUrl;
    if (typeof source !== 'string') return next();
    const check = checkShape(source);
    // A document that is not GraphQL is Apollo's to refuse, with its usual parse error.
    if (check.ok || !('refusal' in check)) return next();
    const { code, message, limit } = check.refusal;
    next(new RefusedRequest(400, code, message, { limit }));
  };
  return [express.json({ limit: limits.maxBodyBytes, verify }), refuseOversized];
}

type HttpError = Error & { status?: number; type?: string; limit?: number };

/**
 * Requests that never reach GraphQL (over a limit, malformed JSON) get a GraphQL-shaped JSON error
 * with a stable code, never Express's HTML page or a stack trace.
 */
export function jsonRequestErrors(
  subgraph: string,
  log: (msg: string) => void,
): ErrorRequestHandler {
  return (err: HttpError, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof RefusedRequest) {
      res.status(err.status).json({
        errors: [{ message: err.message, extensions: { code: err.code, ...err.extensions } }],
      });
      return;
    }
    const status = err.status ?? 500;
    let code: string = status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
    let message =
      status < 500
        ? `malformed request: ${err.message}`
        : `internal error in the ${subgraph} subgraph`;
    if (err.type === 'entity.too.large') {
      code = ErrorCode.PAYLOAD_TOO_LARGE;
      message = `request body too large: the limit is ${err.limit} bytes (SUBGRAPH_MAX_BODY_BYTES); send less`;
    }
    if (status >= 500)
      log(`[${subgraph}] ${req.method} ${req.path} failed: ${err.stack ?? err.message}`);
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
