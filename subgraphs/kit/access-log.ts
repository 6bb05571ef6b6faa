import type { Database } from './database';
import { intFromEnv } from './env';
import type { Identity } from './identity';

/** One row of an agency's access log: who read which records of one type, when, under what. */
export interface AccessRecord {
  at: Date;
  identityKind: Identity['kind'];
  subject: string;
  uscc: string | null;
  operation: string | null;
  entityType: string;
  keys: string[];
}

export interface AccessLogWriterOptions {
  /** How often buffered records are written (`ACCESS_LOG_FLUSH_MS`, default 1000). */
  flushIntervalMs?: number;
  /** A flush starts early when this many records wait (default 500). */
  batchSize?: number;
  /** While the database cannot be written, at most this many records are kept (default 100,000). */
  maxPending?: number;
  log?: (msg: string) => void;
}

/**
 * Writes one agency's access log off the request path: requests append to a buffer, and the
 * buffer goes to `<agency>.access_log` in one INSERT per flush, on an interval, when a batch is
 * full, and on `close()` (the subgraph's clean stop), so a clean shutdown loses nothing. A crash
 * loses what was buffered since the last flush: at most one interval's records. A failed flush
 * keeps its records for the next one (up to `maxPending`, oldest dropped first, and said so).
 *
 * Its statements go to the pool directly, not through `Database.query`: they belong to no
 * request, and the per-request statement counts (batching tests) must not see them.
 */
export class AccessLogWriter {
  private pending: AccessRecord[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly batchSize: number;
  private readonly maxPending: number;
  private readonly log: (msg: string) => void;
  private closed = false;

  constructor(
    private readonly db: Database,
    readonly agency: string,
    options: AccessLogWriterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxPending = options.maxPending ?? 100_000;
    this.log = options.log ?? ((msg) => console.error(msg));
    const interval = options.flushIntervalMs ?? intFromEnv('ACCESS_LOG_FLUSH_MS', 1000);
    this.timer = setInterval(() => void this.flush(), interval);
    // The interval alone must not keep a process alive: close() writes the rest.
    this.timer.unref();
  }

  append(record: AccessRecord): void {
    this.pending.push(record);
    if (this.pending.length > this.maxPending) {
      const dropped = this.pending.splice(0, this.pending.length - this.maxPending);
      this.log(
        `[${this.agency}] access log: ${dropped.length} records dropped (database unwritable)`,
      );
    }
    if (this.pending.length >= this.batchSize) void this.flush();
  }

  /** Writes everything appended so far (after any flush in progress). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  /** Stops the interval and writes the rest: part of the subgraph's clean stop. */
  async close(): Promise<void> {
    if (this.closed) return this.flushing;
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.db.pool.query(
        `INSERT INTO ${this.agency}.access_log
                (at, identity_kind, subject, uscc, operation, entity_type, keys)
         SELECT r.at, r."identityKind", r.subject, r.uscc, r.operation, r."entityType", r.keys
           FROM jsonb_to_recordset($1::jsonb) AS r(
                  at timestamptz, "identityKind" text, subject text, uscc text,
                  operation text, "entityType" text, keys text[])`,
        [JSON.stringify(batch)],
      );
    } catch (err) {
      // Kept for the next flush, ahead of what came since.
      this.pending = batch.concat(this.pending);
      this.log(`[${this.agency}] access log flush failed, will retry: ${(err as Error).message}`);
      if (this.closed) throw err;
    }
  }
}

/**
 * The operation a request names: its `operationName`, else the name its document's first
 * operation gives itself (a direct call often sends none). The gateway names a subgraph fetch
 * `<client operation>__<subgraph>__<n>`: the log keeps the client's operation name. A batch names
 * the distinct operations it holds, comma-separated.
 */
export function clientOperationName(body: unknown): string | null {
  if (Array.isArray(body)) {
    const names = new Set(body.map(operationNameOf).filter((n): n is string => n !== null));
    return names.size ? [...names].join(', ').slice(0, 200) : null;
  }
  return operationNameOf(body);
}

function operationNameOf(body: unknown): string | null {
  const { operationName, query } = (body ?? {}) as { operationName?: unknown; query?: unknown };
  let name: string | undefined;
  if (typeof operationName === 'string' && operationName.length > 0) name = operationName;
  else if (typeof query === 'string') {
    name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
  }
  return name ? name.replace(/__[A-Za-z0-9]+__\d+$/, '').slice(0, 200) : null;
}

/**
 * One request's reads of restricted records (`ctx.accessLog.read('Shipment', awbs)`). Reads in one
 * tick (a batch of `_entities` representations, a page) become one record per entity type, handed
 * to the writer; nothing waits on the database.
 */
export class AccessRecorder {
  private readonly batch = new Map<string, Set<string>>();
  private scheduled = false;

  constructor(
    private readonly writer: AccessLogWriter | undefined,
    private readonly identity: Identity,
    private readonly operation: string | null,
  ) {}

  read(entityType: string, keys: Iterable<string>): void {
    if (!this.writer) return;
    let set = this.batch.get(entityType);
    if (!set) this.batch.set(entityType, (set = new Set()));
    for (const key of keys) set.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.hand());
    }
  }

  private hand(): void {
    this.scheduled = false;
    const at = new Date();
    for (const [entityType, keys] of this.batch) {
      if (keys.size === 0) continue;
      this.writer!.append({
        at,
        identityKind: this.identity.kind,
        subject: this.identity.sub,
        uscc: this.identity.uscc ?? null,
        operation: this.operation,
        entityType,
        keys: [...keys],
      });
    }
    this.batch.clear();
  }
}
