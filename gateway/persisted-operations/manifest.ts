import { readFile } from 'node:fs/promises';
import { parse } from 'graphql';

/**
 * One operation of a persisted-query manifest, in Apollo's format (what
 * `@apollo/generate-persisted-query-manifest` writes and Apollo Router reads): the id a client
 * may send instead of the body, and the body.
 */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
const TYPES = new Set(['query', 'mutation', 'subscription']);

/**
 * Reads and checks a manifest (`{ format: "apollo-persisted-query-manifest", version: 1,
 * operations: [{ id, name, type, body }] }`). A manifest that is not one, an operation without an
 * id or a body that is not GraphQL, or two operations under one id stop the gateway at start
 * with the file and the operation named: a safelist that silently lost entries would refuse the
 * very clients it was written for.
 */
export async function readManifest(path: string): Promise<PersistedOperation[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`persisted-query manifest ${path}: ${(err as Error).message}`);
  }
  return parseManifest(text, path);
}

export function parseManifest(text: string, source: string): PersistedOperation[] {
  const fail = (problem: string): never => {
    throw new Error(`persisted-query manifest ${source}: ${problem}`);
  };
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (err) {
    return fail(`not JSON (${(err as Error).message})`);
  }
  const { format, version, operations } = (manifest ?? {}) as Record<string, unknown>;
  if (format !== MANIFEST_FORMAT || version !== 1 || !Array.isArray(operations)) {
    fail(`expected { "format": "${MANIFEST_FORMAT}", "version": 1, "operations": [...] }`);
  }
  const seen = new Set<string>();
  return (operations as unknown[]).map((entry, i) => {
    const op = (entry ?? {}) as Record<string, unknown>;
    const where = `operation ${i}${typeof op.name === 'string' ? ` (${op.name})` : ''}`;
    if (typeof op.id !== 'string' || op.id === '') fail(`${where} has no id`);
    if (typeof op.body !== 'string') fail(`${where} has no body`);
    if (typeof op.type !== 'string' || !TYPES.has(op.type)) {
      fail(`${where}: type must be query, mutation or subscription`);
    }
    if (seen.has(op.id as string)) fail(`${where}: id ${op.id as string} is listed twice`);
    seen.add(op.id as string);
    try {
      parse(op.body as string);
    } catch (err) {
      fail(`${where}: the body is not GraphQL (${(err as Error).message})`);
    }
    return {
      id: op.id as string,
      name: typeof op.name === 'string' ? op.name : '',
      type: op.type as PersistedOperation['type'],
      body: op.body as string,
    };
  });
}
