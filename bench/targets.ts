import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TargetName } from './options';
import { BenchProcess, freePort, startProcess } from './processes';
import type { RequestBody, Scenario } from './scenarios';
import type { Stack } from './stack';
import { splitSecurityDirectives } from '../gateway/authorization/security-directives';
import type { BenchIdentity } from './identity';

/** Something the load is sent to: a gateway over a stack's subgraphs, or a subgraph itself. */
export interface Target {
  /** As in the report: `tradegraph`, `stock`, `hive`, `hive-dedup`, `direct`, `tradegraph@REV`. */
  name: string;
  /** The subgraphs (and their database) that do the work behind it. */
  stack: Stack;
  /** The gateway process, whose CPU is the gateway's share; none for `direct`. */
  gateway?: BenchProcess;
  /** Where and what to send for a scenario; undefined when the target cannot serve it. */
  endpoint(scenario: Scenario): { url: string; next: () => RequestBody } | undefined;
  /** Headers of every request: the bearer token for tradegraph's gateway. */
  headers: Record<string, string>;
  /** Headers of the next request, over `headers`: the next caller's token (`--callers`). */
  nextHeaders?: () => Record<string, string>;
  stop(): Promise<void>;
}

export function gatewayTarget(
  name: string,
  stack: Stack,
  gateway: BenchProcess,
  headers: Record<string, string> = {},
  own = false,
  nextHeaders?: () => Record<string, string>,
): Target {
  return {
    name,
    headers,
    nextHeaders,
    stack,
    gateway,
    endpoint: (scenario) => ({ url: gateway.url, next: scenario.next }),
    // The stack's own gateway is stopped with the stack.
    stop: () => (own ? Promise.resolve() : gateway.stop()),
  };
}

export function directTarget(stack: Stack): Target {
  return {
    name: 'direct',
    stack,
    // The floor reads public data, which needs no identity.
    headers: {},
    endpoint: (scenario) =>
      scenario.direct && {
        url: stack.subgraphUrl(scenario.direct.subgraph),
        next: scenario.direct.next,
      },
    stop: () => Promise.resolve(),
  };
}

/**
 * The committed supergraph with its subgraph URLs pointed at a stack's subgraphs, as a file. The
 * `@authenticated` / `@requiresScopes` links are taken out as tradegraph's gateway takes them out
 * (stock `@apollo/gateway` refuses a supergraph with them): the peers enforce no field rule of
 * their own, the subgraphs enforce theirs behind every gateway alike.
 */
export function supergraphFor(root: string, stack: Stack): string {
  const committed = readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8');
  const sdl = splitSecurityDirectives(committed).gatewaySdl.replace(
    /@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g,
    (_m, name: string) => `@join__graph(name: "${name}", url: "${stack.subgraphUrl(name)}")`,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'tradegraph-bench-')), 'supergraph.graphql');
  writeFileSync(file, sdl);
  return file;
}

/** A peer gateway (stock or Hive) over a stack's subgraphs, in a process of its own. */
export async function startPeer(
  name: Exclude<TargetName, 'tradegraph' | 'direct'>,
  root: string,
  stack: Stack,
  identity: BenchIdentity,
): Promise<Target> {
  const signing = [identity.privateKeyFile, identity.claimsFile];
  const supergraph = supergraphFor(root, stack);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const gateway =
    name === 'stock'
      ? await startProcess({
          name,
          script: join(root, 'dist', 'bench', 'peers', 'stock-gateway.js'),
          args: [supergraph, String(port), ...signing],
          url,
          env: { APOLLO_TELEMETRY_DISABLED: 'true' },
        })
      : await startProcess({
          name,
          script: join(root, 'bench', 'peers', 'hive-gateway.mjs'),
          args: [supergraph, String(port), name === 'hive-dedup' ? 'on' : 'off', ...signing],
          url,
          env: {},
        });
  const target = gatewayTarget(name, stack, gateway);
  return {
    ...target,
    stop: async () => {
      await target.stop();
      rmSync(dirname(supergraph), { recursive: true, force: true });
    },
  };
}
