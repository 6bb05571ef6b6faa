import type { Database } from './database';
import type { Tx } from './tx';

/** One row of `<agency>.status_change` as written. */
export interface StatusChangeRow {
  entityType: string;
  entityId: string;
  from: string | null;
  to: string;
  /** The actor's label (`anonymous`, `user:<id>`, `service:<agency>`). */
  actor: string;
  reason: string | null;
}

/** One row as read back for an entity's `history`. */
export interface StatusChangeRecord {
  entityId: string;
  at: Date;
  from: string | null;
  to: string;
  actor: string;
  reason: string | null;
}

/** The SQL of `<agency>.status_change` (the kit's shared write migration). */
export class HistoryRepository {
  constructor(private readonly agency: string) {}

  async insert(tx: Tx, change: StatusChangeRow): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.agency}.status_change (entity_type, entity_id, from_status, to_status, actor, reason)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [change.entityType, change.entityId, change.from, change.to, change.actor, change.reason],
    );
  }

  /** The history of many records of one type, oldest first: one statement per batch. */
  forEntities(
    db: Database,
    entityType: string,
    ids: readonly string[],
  ): Promise<StatusChangeRecord[]> {
    return db.query<StatusChangeRecord>(
      `SELECT entity_id AS "entityId", at, from_status AS "from", to_status AS "to", actor, reason
         FROM ${this.agency}.status_change
        WHERE entity_type = $1 AND entity_id = ANY($2::text[])
        ORDER BY entity_id, at, id`,
      [entityType, ids],
    );
  }
}
