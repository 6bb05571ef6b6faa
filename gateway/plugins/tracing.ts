import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import type { GatewayPlugin } from './gateway-plugin';

const tracer = trace.getTracer('tradegraph-gateway');

/**
 * Tracing of `/graphql`: one server span per request, continuing the caller's W3C trace context
 * (`traceparent`) when it sends one, under which @apollo/gateway's own spans (plan, execute, one
 * per subgraph fetch) nest; each subgraph fetch carries the context on, so the subgraph's spans
 * and its SQL join the same trace. With no tracer provider registered (no OTLP endpoint) every
 * call here is the OpenTelemetry API's no-op.
 */
export function tracingPlugin(): GatewayPlugin {
  const serverSpan: RequestHandler = (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      `${req.method} /graphql`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'http.route': '/graphql',
          'tradegraph.request_id': res.locals.requestId as string,
        },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
  return {
    name: 'tracing',
    operationScope: [serverSpan],
    subgraphFetchObservers: [
      {
        // Called inside @apollo/gateway's span of the fetch: the subgraph's span is its child.
        headers() {
          const carrier: Record<string, string> = {};
          propagation.inject(context.active(), carrier);
          return carrier;
        },
      },
    ],
  };
}
