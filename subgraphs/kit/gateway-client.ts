import { GraphQLError } from 'graphql';
import { stringFromEnv } from './env';
import { dependencyUnavailable } from './errors';
import { requestIdHeaders } from './request-id';
import { traceHeaders } from './tracing';

/** The agency's service token, read at each call (it may be renewed while the subgraph runs). */
export type ServiceToken = () => string | undefined | Promise<string | undefined>;

/**
 * How a subgraph reads another agency's data for a rule: through the gateway, like any client,
 * under its own service identity (`Authorization: Bearer <its service token>`, which carries only
 * the scopes its rules need), never from the other agency's tables. When the gateway or the
 * other agency cannot answer, the rule cannot be checked and the mutation is refused with
 * DEPENDENCY_UNAVAILABLE (fail closed): nothing is written on a guess.
 */
export class GatewayClient {
  constructor(
    /** The agency calling. */
    readonly service: string,
    private readonly url: () => string | undefined,
    private readonly timeoutMs = 5000,
    /** Without a token the rules read as an anonymous caller: public data only. */
    private readonly token: ServiceToken = () => undefined,
    /** The request whose rules this client reads for (`forRequest`): its reads carry its id. */
    private readonly requestId?: string,
  ) {}

  /** This client, for the rules of one request: the gateway logs their reads under its id. */
  forRequest(requestId: string | undefined): GatewayClient {
    if (requestId === this.requestId) return this;
    return new GatewayClient(this.service, this.url, this.timeoutMs, this.token, requestId);
  }

  async query<T>(query: string, variables: Record<string, unknown>, purpose: string): Promise<T> {
    const url = this.url();
    if (!url) {
      throw dependencyUnavailable(
        `cannot check ${purpose}: no gateway is configured (GATEWAY_URL)`,
      );
    }
    let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      const token = await this.token();
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          // The rule's read belongs to the mutation being served: same request id, same trace.
          ...requestIdHeaders(this.requestId),
          ...traceHeaders(),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await res.json()) as typeof body;
    } catch (err) {
      throw dependencyUnavailable(
        `cannot check ${purpose}: the gateway did not answer (${(err as Error).message})`,
      );
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      // A bad argument is the caller's problem; anything else means the other agency failed.
      if (first.extensions?.code === 'BAD_USER_INPUT') {
        throw new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      throw dependencyUnavailable(`cannot check ${purpose}: ${first.message}`);
    }
    if (!body.data)
      throw dependencyUnavailable(`cannot check ${purpose}: the gateway returned no data`);
    return body.data;
  }
}

export function defaultGatewayUrl(): string {
  return process.env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql';
}

/** `<AGENCY>_SERVICE_TOKEN`: the token an agency's rules read the gateway with. */
export function serviceTokenFromEnv(agency: string): ServiceToken {
  const envName = agency.toUpperCase();
  return () => stringFromEnv(`${envName}_SERVICE_TOKEN`);
}
