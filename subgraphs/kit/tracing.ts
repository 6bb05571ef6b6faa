import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

/**
 * A subgraph's spans: one server span per `/graphql` request, continuing the gateway's W3C trace
 * context (`traceparent`), and one span per SQL statement under it. With no tracer provider
 * registered (no OTLP endpoint configured) every call here is the OpenTelemetry API's no-op.
 */
const tracer = trace.getTracer('tradegraph-subgraph');

/** Mounted after the body is parsed: the span stays active through resolvers and loaders. */
export function traceRequests(subgraph: string): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      `${req.method} /graphql`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'http.route': '/graphql',
          'tradegraph.subgraph': subgraph,
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
}

/** The W3C trace-context headers of the active span, for a call it makes (none when off). */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** Statement text in a span: enough to recognise it, never its values (they are parameters). */
const MAX_STATEMENT_CHARS = 2000;

/**
 * Runs one SQL statement in a client span of its own, when it runs for a traced request. Outside
 * one (tracing off, a request not sampled, a migration at start) it only runs: one check.
 */
export async function traceStatement<T>(text: string, run: () => Promise<T>): Promise<T> {
  if (!trace.getActiveSpan()?.isRecording()) return run();
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  return tracer.startActiveSpan(
    `pg.query:${operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        'db.query.text': text.slice(0, MAX_STATEMENT_CHARS),
      },
    },
    async (span) => {
      try {
        return await run();
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * The OTLP exporter's URL as the OpenTelemetry specification derives it: the traces endpoint as
 * it is, or `/v1/traces` under the general endpoint. Undefined: tracing is off.
 */
export function otlpTracesUrl(env: NodeJS.ProcessEnv): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (traces) return traces;
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return endpoint ? `${endpoint.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/**
 * Registers a tracer provider exporting in batches over OTLP/HTTP, with the W3C trace-context
 * propagator and the async-local-storage context manager, when `tracesUrl` is set. Resolves to a
 * function that flushes and stops it, or to undefined when tracing is off: then no SDK is even
 * loaded, and nothing connects anywhere.
 */
export async function startTracing(settings: {
  serviceName: string;
  tracesUrl?: string;
}): Promise<(() => Promise<void>) | undefined> {
  if (!settings.tracesUrl) return undefined;
  const [
    { NodeTracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesUrl }))],
  });
  provider.register();
  return () => provider.shutdown();
}
