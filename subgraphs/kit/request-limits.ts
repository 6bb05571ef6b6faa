import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { intFromEnv } from './env';
import { ErrorCode } from './errors';
import type { Log } from './logger';
import { requestIdOf } from './request-id';
import { OperationLimits, shapeChecker } from './operation-shape';

/** What one request may make a subgraph read and parse. */
export interface SubgraphRequestLimits extends OperationLimits {
  /** Bytes of request body; over it, 413 PAYLOAD_TOO_LARGE before the body is parsed. */
  maxBodyBytes: number;
  /**
   * Operations in one batched request (a JSON array: the gateway sends the fetches one plan step
   * makes to this subgraph together); over it, BATCH_TOO_LARGE before any is parsed.
   */
  maxBatchOperations: number;
}

/**
 * Twice the gateway's defaults or more: the gateway's own fetches (`_entities` with the
 * representations of a 1,000-shipment page, a query's root fields to one subgraph, the key fields
 * and `__typename`s the planner adds) must always pass, while a caller reaching a subgraph directly
 * still cannot make it do unbounded work.
 */
export const DEFAULT_SUBGRAPH_LIMITS: SubgraphRequestLimits = {
  maxBodyBytes: 8 * 1024 * 1024,
  maxBatchOperations: 32,
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
    maxBatchOperations: intFromEnv('SUBGRAPH_MAX_BATCH_OPERATIONS', d.maxBatchOperations),
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
  const refusal = (source: unknown): RefusedRequest | undefined => {
    if (typeof source !== 'string') return undefined;
    const check = checkShape(source);
    // A document that is not GraphQL is Apollo's to refuse, with its usual parse error.
    if (check.ok || !('refusal' in check)) return undefined;
    const { code, message, limit } = check.refusal;
    return new RefusedRequest(400, code, message, { limit });
  };
  const refuseOversized: RequestHandler = (req, _res, next) => {
    if (Array.isArray(req.body)) {
      const operations = req.body as { query?: unknown }[];
      if (operations.length > limits.maxBatchOperations) {
        return next(
          new RefusedRequest(
            400,
            ErrorCode.BATCH_TOO_LARGE,
            `a batch of ${operations.length} operations: the limit is ${limits.maxBatchOperations} (SUBGRAPH_MAX_BATCH_OPERATIONS); send fewer at once`,
            { limit: limits.maxBatchOperations },
          ),
        );
      }
      return next(operations.map((o) => refusal(o?.query)).find(Boolean));
    }
    const body = req.body as { query?: unknown } | undefined;
    const fromUrl = req.method === 'GET' ? req.query.query : undefined;
    next(refusal(typeof body?.query === 'string' ? body.query : fromUrl));
  };
  return [express.json({ limit: limits.maxBodyBytes, verify }), refuseOversized];
}

type HttpError = Error & { status?: number; type?: string; limit?: number };

/**
 * Requests that never reach GraphQL (over a limit, malformed JSON) get a GraphQL-shaped JSON error
 * with a stable code, never Express's HTML page or a stack trace.
 */
export function jsonRequestErrors(subgraph: string, log: Log): ErrorRequestHandler {
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
      log(
        `[${subgraph}] ${req.method} ${req.path} failed: ${err.stack ?? err.message}`,
        'error',
        requestIdOf(req),
      );
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
