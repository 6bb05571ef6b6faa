import type pg from 'pg';
import { Actor, actorLabel } from './actor';
import type { Database, Row } from './database';
import { HistoryRepository } from './history-repository';

/** A status change to record, in the agency's history, under the transaction's actor. */
export interface StatusChangeInput {
  entityType: string;
  entityId: string;
  from: string | null;
  to: string;
  reason?: string | null;
}

/**
 * One mutation's transaction: its connection, the agency whose schema it writes and who is acting.
 * Every statement is counted on the database, like reads.
 */
export class Tx {
  private readonly history: HistoryRepository;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly db: Database,
    readonly agency: string,
    readonly actor: Actor,
  ) {
    this.history = new HistoryRepository(agency);
  }

  async query<T extends object = Row>(text: string, values?: unknown[]): Promise<T[]> {
    const result = await this.db.measured(text, () => this.client.query(text, values));
    return result.rows as T[];
  }

  /** Records one status change in `<agency>.status_change`, in this transaction, as its actor. */
  recordStatusChange(change: StatusChangeInput): Promise<void> {
    return this.history.insert(this, {
      entityType: change.entityType,
      entityId: change.entityId,
      from: change.from,
      to: change.to,
      actor: actorLabel(this.actor),
      reason: change.reason ?? null,
    });
  }
}
