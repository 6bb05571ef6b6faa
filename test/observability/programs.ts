import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectRoot } from '../../subgraphs/kit';

/** Compiles the programs (`npm run build`, incremental), as `npm start` does before it runs them. */
export function buildPrograms(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot(), stdio: 'inherit' });
}

/** One JSON log line of a program. */
export interface LogLine {
  level: string;
  time: string;
  name: string;
  msg: string;
  requestId?: string;
  traceId?: string;
}

export interface Program {
  /** The URL it printed as ready to serve. */
  url: string;
  /** Every line it wrote to stdout, parsed: each must be JSON. */
  lines: LogLine[];
  /** SIGTERM, and its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs a compiled program (`dist/…`) with `env` over a clean environment, and resolves once it
 * logs a line with `ready at <url>`.
 */
export function startProgram(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<Program> {
  const { PATH, HOME } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot(), 'dist', script), ...args],
    { cwd: projectRoot(), env: { PATH, HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: LogLine[] = [];
  let stderr = '';
  let pending = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const text of complete) {
        let line: LogLine;
        try {
          line = JSON.parse(text) as LogLine;
        } catch {
          reject(new Error(`${script} wrote a line that is not JSON: ${text}`));
          continue;
        }
        lines.push(line);
        const ready = /ready at (http:\/\/\S+\/graphql)/.exec(line.msg);
        if (ready) {
          resolve({
            url: ready[1],
            lines,
            stop: () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      }
    });
    void exited.then((code) =>
      reject(new Error(`${script} exited (${code}) before it was ready:\n${stderr}`)),
    );
  });
}

/** A span as OTLP/HTTP JSON carries it, with its service and instrumentation scope. */
export interface ExportedSpan {
  service: string;
  scope: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
type OtlpSpan = Pick<ExportedSpan, 'name' | 'traceId' | 'spanId' | 'parentSpanId'> & {
  attributes?: OtlpAttribute[];
};
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: {
      scope: { name: string };
      spans: OtlpSpan[];
    }[];
  }[];
}

const attributesOf = (list: OtlpAttribute[] = []) =>
  Object.fromEntries(list.map((a) => [a.key, Object.values(a.value)[0]]));

/** A real OTLP/HTTP endpoint for traces: records every export it receives. */
export interface Collector {
  /** What `OTEL_EXPORTER_OTLP_ENDPOINT` names (spans are posted to `/v1/traces` under it). */
  endpoint: string;
  /** Every request it received, whatever its path. */
  requests: { path: string }[];
  spans: ExportedSpan[];
  close(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
  const requests: { path: string }[] = [];
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '' });
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      if (req.url === '/v1/traces' && req.headers['content-type'] === 'application/json') {
        const payload = JSON.parse(body.toString()) as OtlpExport;
        for (const { resource, scopeSpans } of payload.resourceSpans) {
          const service = String(attributesOf(resource.attributes)['service.name']);
          for (const { scope, spans: list } of scopeSpans) {
            for (const span of list) {
              spans.push({
                service,
                scope: scope.name,
                name: span.name,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                attributes: attributesOf(span.attributes),
              });
            }
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
