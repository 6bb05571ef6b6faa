import pg from 'pg';
import { intFromEnv, stringFromEnv } from './env';
import type { Log } from './logger';
import { traceStatement } from './tracing';

// pg turns `date` into a JS Date at local midnight, which shifts the day across time zones, and
// `numeric` would lose precision as a float: both stay text. `bigint` counts are cast in SQL.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => v);

export const EMBEDDED_DEFAULTS = {
  port: 54329,
  user: 'postgres',
  password: 'tradegraph',
  database: 'tradegraph',
};

export function embeddedDatabaseUrl(): string {
  const port = intFromEnv('EMBEDDED_PG_PORT', EMBEDDED_DEFAULTS.port);
  const { user, password, database } = EMBEDDED_DEFAULTS;
  return `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
}

/** True when neither DATABASE_URL nor this agency's own URL is set: the embedded server is used. */
export function usesEmbeddedDatabase(agency?: string): boolean {
  return databaseUrlFrom(agency) === undefined;
}

function databaseUrlFrom(agency?: string): string | undefined {
  const own = agency ? stringFromEnv(`${agency.toUpperCase()}_DATABASE_URL`) : undefined;
  return own ?? stringFromEnv('DATABASE_URL');
}

/** `<AGENCY>_DATABASE_URL`, else `DATABASE_URL`, else the embedded server of `npm start`. */
export function databaseUrlFor(agency?: string): string {
  return databaseUrlFrom(agency) ?? embeddedDatabaseUrl();
}

export type Row = Record<string, unknown>;

/** Distinct statement texts a pool prepares (the agencies' repositories have a few dozen each). */
const MAX_PREPARED_STATEMENTS = 500;
/** Only reads are prepared: writes run in transactions on their own client (`transaction`). */
const READ = /^\s*(SELECT|WITH)\b/i;

/** Told of every statement `measured` runs: how long it took and whether it succeeded. */
export type StatementObserver = (seconds: number, ok: boolean) => void;

/** How long `close` waits for the pool's connections to close once it has ended. */
const CLOSE_WAIT_MS = 2000;

/**
 * One agency's connection pool. Every statement goes through `query`, which counts it: the
 * batching tests and benchmarks read `statementCount` to prove N parents cost one statement.
 */
export class Database {
  readonly pool: pg.Pool;
  statementCount = 0;
  private readonly statementObservers = new Set<StatementObserver>();

  constructor(
    readonly url: string,
    options: { max?: number; applicationName?: string; log?: Log } = {},
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? intFromEnv('PG_POOL_MAX', 10),
      application_name: options.applicationName ?? 'tradegraph',
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    const where = (() => {
      try {
        return new URL(url).pathname.slice(1);
      } catch {
        return 'database';
      }
    })();
    const log: Log = options.log ?? ((msg) => console.error(msg));
    this.pool.on('error', (err) => log(`[db ${where}] idle client error: ${err.message}`, 'warn'));
  }

  async query<T extends object = Row>(text: string, values?: unknown[]): Promise<T[]> {
    const name = this.preparedName(text);
    const result = await this.measured(text, () =>
      this.pool.query(name ? { name, text, values } : { text, values }),
    );
    return result.rows as T[];
  }

  /**
   * Runs one statement, on the pool or a transaction's client: counted, traced (a span of its
   * own when tracing is on) and timed for the statement observers.
   */
  async measured<R>(text: string, run: () => Promise<R>): Promise<R> {
    this.statementCount++;
    const started = performance.now();
    let ok = false;
    try {
      const result = await traceStatement(text, run);
      ok = true;
      return result;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      for (const observe of this.statementObservers) observe(seconds, ok);
    }
  }

  /** Sees every statement `measured` runs (metrics); returns the function that stops it. */
  observeStatements(observer: StatementObserver): () => void {
    this.statementObservers.add(observer);
    return () => this.statementObservers.delete(observer);
  }

  /** Statement text → the name it is prepared under on every connection of the pool. */
  private readonly prepared = new Map<string, string>();

  /**
   * Reads run as named prepared statements: PostgreSQL parses and analyses each text once per
   * connection instead of on every call (and may keep a generic plan), which the profile of a
   * full picture showed as a large part of the database's CPU. The set is bounded, so that SQL
   * built from arguments cannot grow every connection's memory without end; past the bound a
   * text runs unnamed, as before.
   */
  private preparedName(text: string): string | undefined {
    const known = this.prepared.get(text);
    if (known !== undefined) return known;
    if (this.prepared.size >= MAX_PREPARED_STATEMENTS || !READ.test(text)) return undefined;
    const name = `tradegraph_${this.prepared.size}`;
    this.prepared.set(text, name);
    return name;
  }

  /** Runs `work` in one transaction on one connection: all of it or none. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * Ends the pool and waits for its connections to close: `pool.end()` resolves before they have,
   * so a database dropped or a server stopped right after would still meet our sessions (and
   * their idle clients would report the server's goodbye as an error).
   */
  async close(): Promise<void> {
    const open = this.pool.totalCount;
    let closed = 0;
    let timer: NodeJS.Timeout | undefined;
    const allClosed = new Promise<void>((resolve) => {
      if (open === 0) resolve();
      this.pool.on('remove', () => {
        if (++closed >= open) resolve();
      });
      // Bounded: a connection that failed while connecting leaves without a 'remove'.
      timer = setTimeout(resolve, CLOSE_WAIT_MS).unref();
    });
    try {
      await this.pool.end();
      await allClosed;
    } finally {
      clearTimeout(timer);
    }
  }
}
