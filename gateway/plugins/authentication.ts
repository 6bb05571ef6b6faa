import type { NextFunction, Request, Response } from 'express';
import { ANONYMOUS_IDENTITY, Identity } from '../identity';
import { InvalidTokenError, TokenVerifier } from '../token-verifier';
import type { GatewayPlugin } from './gateway-plugin';

export const AuthenticationErrorCode = {
  /** A token came and is not valid (malformed, expired, wrongly signed, another issuer). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
} as const;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The identity the authentication plugin verified for this request (anonymous without a token). */
export function requestIdentity(res: Response): Identity {
  return (res.locals.identity as Identity | undefined) ?? ANONYMOUS_IDENTITY;
}

/**
 * Who is asking: `Authorization: Bearer <JWT>`, checked by `verifier`. No header is anonymous (public
 * data only); a header that does not hold a valid token is refused with 401 UNAUTHENTICATED, never
 * served as anonymous: a client whose token expired must learn so, not get less data silently.
 */
export function authenticationPlugin(verifier: TokenVerifier): GatewayPlugin {
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (header === undefined) {
      res.locals.identity = ANONYMOUS_IDENTITY;
      return next();
    }
    const token = BEARER.exec(header)?.[1];
    try {
      if (!token) {
        throw new InvalidTokenError('the Authorization header must be `Bearer <token>`');
      }
      res.locals.identity = await verifier.verify(token);
      next();
    } catch (err) {
      if (!(err instanceof InvalidTokenError)) return next(err);
      refuse(res, err.message);
    }
  };
  return { name: 'authentication', graphqlMiddleware: [authenticate] };
}

function refuse(res: Response, reason: string): void {
  const requestId = res.locals.requestId as string | undefined;
  res
    .status(401)
    .set('www-authenticate', 'Bearer error="invalid_token"')
    .json({
      errors: [
        {
          message: `not authenticated: ${reason}`,
          extensions: {
            code: AuthenticationErrorCode.UNAUTHENTICATED,
            ...(requestId ? { requestId } : {}),
          },
        },
      ],
    });
}
