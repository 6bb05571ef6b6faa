/**
 * Starting OpenTelemetry tracing for the gateway process: only when an OTLP endpoint is
 * configured. Without one no SDK is loaded, nothing is exported and nothing connects anywhere;
 * the spans the code starts are the API's no-op spans.
 *
 * (The kit has the same few lines for the subgraphs: the gateway may not import subgraph code.)
 */

/** Spans of the service (`service.name`) are exported here. */
export interface TracingSettings {
  serviceName: string;
  /** OTLP/HTTP traces URL; tracing is off without it. */
  tracesUrl?: string;
}

/**
 * The OTLP exporter's URL as the OpenTelemetry specification derives it: the traces endpoint as
 * it is, or `/v1/traces` under the general endpoint.
 */
export function otlpTracesUrl(tracesEndpoint?: string, endpoint?: string): string | undefined {
  if (tracesEndpoint) return tracesEndpoint;
  if (endpoint) return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

/**
 * Registers a tracer provider exporting in batches over OTLP/HTTP (JSON), with the W3C trace
 * context propagator and the async-local-storage context manager, when `tracesUrl` is set.
 * Resolves to a function that flushes and stops it, or to undefined when tracing is off.
 */
export async function startTracing(
  settings: TracingSettings,
): Promise<(() => Promise<void>) | undefined> {
  if (!settings.tracesUrl) return undefined;
  // Loaded only now: a gateway without an endpoint never loads the SDK.
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
