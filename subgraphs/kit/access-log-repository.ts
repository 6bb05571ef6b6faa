import type { Database } from './database';
import { keyset, keysetSql, PageRequest } from './pagination';

/** A row of `<agency>.access_log` as the query field returns it. */
export interface AccessLogRow {
  id: string;
  at: Date;
  cursorAt: string;
  identityKind: 'ANONYMOUS' | 'USER' | 'SERVICE';
  subject: string;
  uscc: string | null;
  operationName: string | null;
  entityType: string;
  keys: string[];
}

export interface AccessLogFilter {
  since?: Date | null;
  subject?: string | null;
}

/** Newest first, ties broken by id. */
export const ACCESS_LOG_PAGE = keyset<AccessLogRow>(
  [
    { sql: 'l.at', type: 'timestamptz', field: 'cursorAt' },
    { sql: 'l.id', type: 'text', field: 'id' },
  ],
  'DESC',
);

/** The reads of one agency's access log (the writes are `AccessLogWriter`'s). */
export class AccessLogRepository {
  constructor(
    private readonly db: Database,
    private readonly agency: string,
  ) {}

  private where(filter: AccessLogFilter, values: unknown[]): string[] {
    const where: string[] = [];
    if (filter.since) where.push(`l.at >= $${values.push(filter.since)}`);
    if (filter.subject) where.push(`l.subject = $${values.push(filter.subject)}`);
    return where;
  }

  page(filter: AccessLogFilter, page: PageRequest<AccessLogRow>): Promise<AccessLogRow[]> {
    const values: unknown[] = [];
    const where = this.where(filter, values);
    const keys = keysetSql(page, (value) => `$${values.push(value)}`);
    where.push(...keys.conditions);
    return this.db.query<AccessLogRow>(
      `SELECT l.id, l.at, l.at::text AS "cursorAt", l.identity_kind AS "identityKind",
              l.subject, l.uscc, l.operation AS "operationName", l.entity_type AS "entityType",
              l.keys
         FROM ${this.agency}.access_log l
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${keys.orderBy}
        LIMIT ${keys.limit}`,
      values,
    );
  }

  async count(filter: AccessLogFilter): Promise<number> {
    const values: unknown[] = [];
    const where = this.where(filter, values);
    const rows = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${this.agency}.access_log l
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      values,
    );
    return rows[0].count;
  }
}
