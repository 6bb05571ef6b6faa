import type { Request, RequestHandler, Response } from 'express';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { closeRedis, connectRedis, firstConnection } from '../shared-state';
import { requestIdentity } from './authentication';
import type { GatewayPlugin } from './gateway-plugin';

export interface RateLimitOptions {
  /** Requests to `/graphql` one caller may make per minute; 0: no limit. */
  perMinute: number;
  /** The Redis replicas share (REDIS_URL), so that a caller has one budget across them. */
  redis?: { url: string; keyPrefix: string };
  log?: (msg: string) => void;
}

export const RATE_LIMITED = 'RATE_LIMITED';
const WINDOW_SECONDS = 60;

/**
 * Requests per minute per caller: an identity by its `sub` (a user or an agency's service), an
 * anonymous caller by its address. Over the limit, 429 with `RATE_LIMITED`,
 * `extensions.retryAfterSeconds` and a `Retry-After` header, before the body is read. Every answer
 * carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds).
 *
 * With Redis, replicas count together; if Redis is away, each replica counts alone (its own
 * memory, the same limit) until it is back, rather than refusing or admitting everyone.
 */
export function rateLimitPlugin(options: RateLimitOptions): GatewayPlugin {
  if (options.perMinute <= 0) return { name: 'rate-limit' };
  const log = options.log ?? ((msg: string) => console.log(msg));
  const points = options.perMinute;
  const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: 'rl' });
  const redis = options.redis ? connectRedis(options.redis.url, 'rate limits', log) : undefined;
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        points,
        duration: WINDOW_SECONDS,
        keyPrefix: `${options.redis!.keyPrefix}rl`,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    name: 'rate-limit',
    graphqlMiddleware: [limit(limiter, points)],
    apolloPlugins: redis
      ? [
          {
            async serverWillStart() {
              await firstConnection(redis);
              return { serverWillStop: () => closeRedis(redis) };
            },
          },
        ]
      : [],
  };
}

function limit(limiter: RateLimiterAbstract, points: number): RequestHandler {
  return async (req, res, next) => {
    let outcome: RateLimiterRes;
    let admitted: boolean;
    try {
      outcome = await limiter.consume(callerOf(req, res));
      admitted = true;
    } catch (rejection) {
      // With an insurance limiter, a store failure is never the rejection: this is the limit.
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      outcome = rejection;
      admitted = false;
    }
    const resetSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
    res.setHeader('RateLimit-Limit', String(points));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, outcome.remainingPoints)));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (admitted) return next();
    refuse(res, points, resetSeconds);
  };
}

/** 429, in the GraphQL-shaped JSON of every other refusal, with when to come back. */
function refuse(res: Response, points: number, retryAfterSeconds: number): void {
  const requestId = res.locals.requestId as string | undefined;
  res
    .status(429)
    .set('Retry-After', String(retryAfterSeconds))
    .json({
      errors: [
        {
          message: `too many requests: the limit is ${points} a minute per caller (RATE_LIMIT_PER_MINUTE); retry in ${retryAfterSeconds} s`,
          extensions: {
            code: RATE_LIMITED,
            retryAfterSeconds,
            ...(requestId ? { requestId } : {}),
          },
        },
      ],
    });
}

/**
 * Whose budget a request spends: the verified identity's, else the client address's. The address
 * is the TCP peer's (a proxy in front counts as one caller) unless Express is told to trust
 * `X-Forwarded-For`.
 */
function callerOf(req: Request, res: Response): string {
  const identity = requestIdentity(res);
  if (identity.kind !== 'ANONYMOUS') return `id:${identity.sub}`;
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}
