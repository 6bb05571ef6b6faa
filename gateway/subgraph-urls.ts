import { parse, Kind, StringValueNode } from 'graphql';

/**
 * The subgraphs named in a supergraph, with their URLs: as composed, or overridden per subgraph
 * by `<NAME>_URL` (e.g. `CUSTOMS_URL=http://customs:4002/graphql` in a container network).
 */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  const doc = parse(supergraphSdl);
  const result: { name: string; url: string }[] = [];
  for (const def of doc.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (n: string) =>
        (graph?.arguments?.find((a) => a.name.value === n)?.value as StringValueNode | undefined)
          ?.value;
      const name = arg('name');
      const url = arg('url');
      if (name && url !== undefined) result.push({ name, url });
    }
  }
  return result;
}

export function urlOverride(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = env[`${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`];
  return value ? value : undefined;
}
