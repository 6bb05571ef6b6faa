import {
  databaseUrlFor,
  EmbeddedServer,
  migrateAgency,
  startEmbeddedPostgres,
  usesEmbeddedDatabase,
} from '../subgraphs/kit';
import { AGENCY_NAMES, AgencyName } from '../subgraphs/registry';

export type AgencyUrls = Record<AgencyName, string>;

export interface PreparedDatabases {
  urls: AgencyUrls;
  /** The embedded server, when no URL was configured for some agency. */
  embedded?: EmbeddedServer;
}

/**
 * Resolves every agency's database (its own URL, DATABASE_URL, or the embedded server, started
 * here when any agency needs it) and applies each agency's migrations.
 */
export async function prepareDatabases(log: (msg: string) => void): Promise<PreparedDatabases> {
  let embedded: EmbeddedServer | undefined;
  if (AGENCY_NAMES.some((a) => usesEmbeddedDatabase(a))) {
    embedded = await startEmbeddedPostgres(log);
    log(`embedded PostgreSQL running (${embedded.fresh ? 'new' : 'existing'} data directory)`);
  }
  const urls = Object.fromEntries(AGENCY_NAMES.map((a) => [a, databaseUrlFor(a)])) as AgencyUrls;
  try {
    for (const agency of AGENCY_NAMES) {
      const applied = await migrateAgency(urls[agency], agency);
      if (applied.length) log(`${agency}: applied ${applied.join(', ')}`);
    }
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return { urls, embedded };
}

/** A URL without its password, for logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
