import express, { RequestHandler } from 'express';
import { RefusedRequest } from '../http-errors';
// The kit's domain-free check: the gateway and every subgraph bound a document the same way.
import { OperationLimits, shapeChecker } from '../../subgraphs/kit/operation-shape';
import type { GatewayPlugin } from './gateway-plugin';

/** What one request may make the gateway read and parse. */
export interface RequestLimits extends OperationLimits {
  /** Bytes of request body; over it, 413 PAYLOAD_TOO_LARGE before the body is parsed. */
  maxBodyBytes: number;
}

/**
 * The defaults admit every query of the schema contract and the README, the explorer's schema
 * introspection (15 levels deep), and the 1,000-picture export (a page of full pictures, about 170
 * tokens and 8 levels deep); they refuse the documents that exist only to make a server work, like
 * one field repeated 50,000 times (450 KB, 50,000 tokens).
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: 1024 * 1024,
  maxTokens: 10_000,
  maxDepth: 15,
  maxAliases: 100,
  maxRootFields: 20,
};

/**
 * Bounded work per request, before the expensive work: the body is read up to `maxBodyBytes`, the
 * document is parsed up to `maxTokens` (the parser stops at the first token over) and its depth,
 * aliases and root fields are counted, all before Apollo validates it. (graphql-js validation is
 * superlinear in repeated fields; Apollo runs extra validation rules only together with its own,
 * so a limit there would come after the work it should prevent.) A refusal is 400 with its code.
 *
 * The document is parsed again by Apollo: a parse bounded by `maxTokens` costs far less than the
 * validation it protects, and a document admitted once is not parsed here again.
 */
export function operationLimitsPlugin(limits: RequestLimits): GatewayPlugin {
  return {
    name: 'operation-limits',
    graphqlMiddleware: [express.json({ limit: limits.maxBodyBytes }), refuseOversized(limits)],
  };
}

function refuseOversized(limits: OperationLimits): RequestHandler {
  const checkShape = shapeChecker(limits);
  return (req, _res, next) => {
    const source = querySource(req);
    if (source === undefined) return next();
    const check = checkShape(source);
    // A document that is not GraphQL is Apollo's to refuse, with its usual parse error.
    if (check.ok || !('refusal' in check)) return next();
    const { code, message, limit } = check.refusal;
    next(new RefusedRequest(400, code, message, { limit }));
  };
}

/** The document of a POST (JSON body) or GET (`?query=`) request, if it carries one. */
function querySource(req: express.Request): string | undefined {
  const fromBody = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof fromBody === 'string') return fromBody;
  const fromUrl = req.method === 'GET' ? req.query.query : undefined;
  return typeof fromUrl === 'string' ? fromUrl : undefined;
}
