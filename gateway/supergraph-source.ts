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

export const DEFAULT_SUPERGRAPH_POLL_MS = 10_000;
/** A file is only stat'ed, so it is looked at far more often than a URL is fetched. */
export const DEFAULT_SUPERGRAPH_FILE_POLL_MS = 1_000;

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
): Promise<{ supergraphSdl: string; supergraphFile?: string; supergraphUrl?: string }> {
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
  return isUrl(location)
    ? { supergraphSdl, supergraphUrl: location }
    : { supergraphSdl, supergraphFile: resolve(location) };
}

export interface SupergraphSourceOptions {
  supergraphSdl: string;
  /** Watched (stat'ed every `filePollMs`), and reloaded without a restart when it changes. */
  supergraphFile?: string;
  filePollMs?: number;
  /** Polled every `pollMs`, and reloaded without a restart when it answers a new version. */
  supergraphUrl?: string;
  pollMs?: number;
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
    const { supergraphFile: file, supergraphUrl: url, log } = this.options;
    if (file) {
      // Polling survives editors and deploy tools that replace the file rather than write it.
      watchFile(
        file,
        { interval: this.options.filePollMs ?? DEFAULT_SUPERGRAPH_FILE_POLL_MS },
        () => {
          let next: string;
          try {
            next = readFileSync(file, 'utf8');
          } catch (err) {
            log(`supergraph ${file} unreadable, keeping the one served: ${(err as Error).message}`);
            return;
          }
          this.offer(next, file, update);
        },
      );
      return { supergraphSdl: this.security.gatewaySdl, cleanup: async () => unwatchFile(file) };
    }
    if (url) {
      let polling = false;
      const timer = setInterval(() => {
        // A slow registry must not pile polls up.
        if (polling) return;
        polling = true;
        fetch(url, { signal: AbortSignal.timeout(this.pollMs()) })
          .then(async (res) => {
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            this.offer(await res.text(), url, update);
          })
          .catch((err: Error) =>
            log(`supergraph ${url} unreachable, keeping the one served: ${err.message}`),
          )
          .finally(() => (polling = false));
      }, this.pollMs());
      timer.unref();
      return { supergraphSdl: this.security.gatewaySdl, cleanup: async () => clearInterval(timer) };
    }
    return { supergraphSdl: this.security.gatewaySdl };
  }

  private pollMs(): number {
    return this.options.pollMs ?? DEFAULT_SUPERGRAPH_POLL_MS;
  }

  /**
   * A version read from the file or the URL: served when it is a supergraph @apollo/gateway
   * accepts, refused (the old one serving on) when not. Apollo swaps schema and query planner in
   * one step; operations already executing keep the plan they were given.
   */
  private offer(next: string, from: string, update: (sdl: string) => void): void {
    if (next === this.served) return;
    try {
      const subgraphs = validSupergraph(next);
      const security = splitSecurityDirectives(next);
      update(security.gatewaySdl);
      // Set in the same tick as the gateway's new schema, before any request runs on it.
      this.served = next;
      this.current = this.endpointsOf(subgraphs);
      this.security = security;
      this.options.log(`supergraph reloaded from ${from}`);
    } catch (err) {
      this.options.log(
        `supergraph ${from} rejected, keeping the one served: ${(err as Error).message}`,
      );
    }
  }

  private endpointsOf(subgraphs: SubgraphEndpoint[]): SubgraphEndpoint[] {
    return subgraphs.map(({ name, url }) => ({ name, url: this.urlOf(name, url) }));
  }
}
