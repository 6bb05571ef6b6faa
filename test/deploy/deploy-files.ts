import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { projectRoot } from '../../subgraphs/kit';
import { Json } from '../support/graphql';

/** Reading the deployment files (compose, Kubernetes, Dockerfile) as the tools that run them do. */

export const ROOT = projectRoot();

export const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** A YAML document of a file, with where it came from for the failure messages. */
export interface YamlDocument {
  file: string;
  index: number;
  doc: Json;
}

/** Every document of a YAML file. `<<` merge keys are resolved, as docker compose does. */
export function yamlDocuments(path: string): YamlDocument[] {
  return parseAllDocuments(read(path), { merge: true }).map((d, index) => {
    if (d.errors.length) throw new Error(`${path}: ${d.errors.map((e) => e.message).join('; ')}`);
    return { file: path, index, doc: d.toJS() };
  });
}

/** YAML files under `dir` (relative to the project root), recursively, sorted. */
export function yamlFilesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => relative(ROOT, join(ROOT, dir, f)))
    .sort();
}

/**
 * The source file a container command runs: `node dist/<path>.js` is compiled from `<path>.ts`.
 * Undefined when the command runs no compiled entry point.
 */
export function entryPointSource(command: string[] | undefined): string | undefined {
  const script = command?.[0] === 'node' ? command[1] : undefined;
  const match = script?.match(/^dist\/(.+)\.js$/);
  return match ? `${match[1]}.ts` : undefined;
}

export const sourceExists = (path: string): boolean => existsSync(join(ROOT, path));

/** The subgraphs the committed supergraph federates, by name: what the gateway must reach. */
export function supergraphSubgraphs(): string[] {
  const sdl = read('schema/supergraph.graphql');
  return [...sdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]).sort();
}
