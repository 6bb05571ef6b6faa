import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SupergraphManager, SupergraphSdlHook } from '@apollo/gateway';
import type { AccessRequirements } from './authorization/access-requirements';
import { splitSecurityDirectives, SplitSupergraph } from './authorization/security-directives';
import { subgraphsOf, urlOverride } from './subgraph-urls';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

const isUrl = (location: string) => /^https?:\/\//.test(location);

/** The subgraphs a supergraph names; throws when the SDL is not a supergraph at all. */
function validSupergraph(sdl: string): SubgraphEndpoint[] {
  const subgraphs = subgraphsOf(sdl);
  if (subgraphs.length === 0) throw new Error('it names no subgraphs (no join__Graph enum)');
  return subgraphs;
}

/**
 * The supergraph at a file path or an http(s) URL, checked to be one. A file is also returned as
 * `supergraphFile`, to be watched: `npm run compose` or a deploy updates the running gateway.
 */
export async function readSupergraph(
  location: string,
): Promise<{ supergraphSdl: string; supergraphFile?: string }> {
  let supergraphSdl: string;
  if (isUrl(location)) {
    const res = await fetch(location);
    if (!res.ok) throw new Error(`supergraph ${location}: HTTP ${res.status}`);
    supergraphSdl = await res.text();
  } else {
    try {
      supergraphSdl = await readFile(resolve(location), 'utf8');
    } catch (err) {
      throw new Error(
        `cannot read the supergraph ${location}: ${(err as Error).message} (run \`npm run compose\`?)`,
      );
    }
  }
  try {
    validSupergraph(supergraphSdl);
  } catch (err) {
    throw new Error(`${location} is not a supergraph: ${(err as Error).message}`);
  }
  return { supergraphSdl, supergraphFile: isUrl(location) ? undefined : resolve(location) };
}

export interface SupergraphSourceOptions {
  supergraphSdl: string;
  /** Watched, and reloaded without a restart when it changes. */
  supergraphFile?: string;
  /** Per-subgraph URL overrides; by default read from `<NAME>_URL` in the environment. */
  subgraphUrls?: Record<string, string>;
  log: (msg: string) => void;
}

/**
 * Where the served supergraph comes from, handed to ApolloGateway as its `supergraphSdl`. It keeps
 * the list of subgraphs (with the URLs the gateway uses) and the field authorization requirements
 * in step with the supergraph served: a new file version replaces all, an unreadable or rejected
 * one leaves all as they were. ApolloGateway gets the supergraph without the authorization
 * directives, which it refuses to load; the authorization plugin enforces them instead.
 */
export class SupergraphSource implements SupergraphManager {
  private served: string;
  private current: SubgraphEndpoint[];
  private security: SplitSupergraph;

  constructor(private readonly options: SupergraphSourceOptions) {
    this.served = options.supergraphSdl;
    this.current = this.endpointsOf(validSupergraph(options.supergraphSdl));
    this.security = splitSecurityDirectives(options.supergraphSdl);
  }

  /** Who may read which type and field, per the supergraph now served. */
  accessRequirements(): AccessRequirements {
    return this.security.requirements;
  }

  /** The subgraphs of the supergraph now served, with the URLs the gateway uses. */
  subgraphs(): SubgraphEndpoint[] {
    return this.current;
  }

  /** The URL the gateway uses for a subgraph: an override, else the supergraph's. */
  urlOf(name: string, supergraphUrl: string): string {
    return this.options.subgraphUrls?.[name] ?? urlOverride(name) ?? supergraphUrl;
  }

  async initialize({ update }: Parameters<SupergraphSdlHook>[0]) {
    const { supergraphFile: file, log } = this.options;
    if (!file) return { supergraphSdl: this.security.gatewaySdl };
    // Polling survives editors and deploy tools that replace the file rather than write it.
    watchFile(file, { interval: 1000 }, () => {
      let next: string;
      try {
        next = readFileSync(file, 'utf8');
      } catch (err) {
        log(`supergraph ${file} unreadable, keeping the one served: ${(err as Error).message}`);
        return;
      }
      if (next === this.served) return;
      try {
        const subgraphs = validSupergraph(next);
        const security = splitSecurityDirectives(next);
        update(security.gatewaySdl);
        // Set in the same tick as the gateway's new schema, before any request runs on it.
        this.served = next;
        this.current = this.endpointsOf(subgraphs);
        this.security = security;
        log(`supergraph reloaded from ${file}`);
      } catch (err) {
        log(`supergraph ${file} rejected, keeping the one served: ${(err as Error).message}`);
      }
    });
    return { supergraphSdl: this.security.gatewaySdl, cleanup: async () => unwatchFile(file) };
  }

  private endpointsOf(subgraphs: SubgraphEndpoint[]): SubgraphEndpoint[] {
    return subgraphs.map(({ name, url }) => ({ name, url: this.urlOf(name, url) }));
  }
}
